/**
 * Schemas of the two data sets, checked before any copy is used or saved: a download that does
 * not match never replaces the good copy. KEV follows CISA's published JSON schema
 * (assets/data/kev/known_exploited_vulnerabilities_schema.json); the end-of-life file is the
 * app's own snapshot format (assets/data/endoflife/products.json).
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

/** CISA KEV catalogue (the fields Révision relies on; others pass through). */
export const kevDataSchema = z
  .object({
    catalogVersion: z.string().min(1),
    dateReleased: isoDate,
    count: z.number().int().nonnegative(),
    vulnerabilities: z.array(
      z.looseObject({
        cveID: z.string().regex(/^CVE-\d{4}-\d{4,19}$/),
        vendorProject: z.string(),
        product: z.string(),
        dateAdded: isoDate,
        knownRansomwareCampaignUse: z.string().optional(),
      }),
    ),
  })
  // A truncated or partial catalogue says so through its own count.
  .refine((d) => d.count === d.vulnerabilities.length, {
    message: 'le nombre annoncé ne correspond pas à la liste',
  });

const eolDate = z.union([z.string(), z.boolean()]).optional();

/** The end-of-life snapshot. */
export const eolDataSchema = z.object({
  source: z.string(),
  snapshotCommitDate: isoDate,
  products: z.record(
    z.string(),
    z.looseObject({
      title: z.string(),
      releases: z.array(
        z.looseObject({
          releaseCycle: z.string(),
          eol: eolDate,
          eoes: eolDate,
          eoas: eolDate,
          latest: z.string().optional(),
        }),
      ),
    }),
  ),
});
