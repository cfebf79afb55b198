/**
 * Programs, not just the system (issue 12): the user-facing programs of a checkup, each with one
 * voyant (à jour, mise à jour disponible, plus maintenu, version inconnue) and whether attackers
 * have exploited flaws in it (CISA KEV). Shared by the core, the CLI, the PDF and the renderer.
 */
import { z } from 'zod';

/** Where one program stands. `unknown`: it could not be compared, never read as « à jour ». */
export const programStatuses = ['current', 'outdated', 'end-of-life', 'unknown'] as const;
export type ProgramStatus = (typeof programStatuses)[number];

/** One user-facing program. */
export const programSchema = z.object({
  /** Stable id within a checkup: source + installed name. */
  id: z.string(),
  /** The name shown (the program's known name when recognised, else the installed name). */
  name: z.string(),
  version: z.string().nullable(),
  /** A name, never an e-mail address. */
  publisher: z.string().nullable(),
  source: z.string(),
  status: z.enum(programStatuses),
  /** The newer version, when an update is known to exist. */
  latestVersion: z.string().nullable(),
  /** End of maintenance (ISO date) for `end-of-life`. */
  endOfLife: z.string().nullable(),
  /** What told the status: 'apt', 'dnf', 'endoflife', … ; null for `unknown`. */
  statusSource: z.string().nullable(),
  /** Flaws of this program exploited by attackers (KEV): how many, and the newest one's date. */
  exploited: z.object({ count: z.number(), lastAdded: z.string(), ransomware: z.boolean() }).nullable(),
  /** Distribution packages grouped under this program (Linux). */
  packages: z.array(z.string()).optional(),
  /** The package manager's id to update it with (winget id), when one offered an update. */
  updateId: z.string().optional(),
  /** Recognised catalogue id, or the endoflife.date product. */
  knownAs: z.string().nullable(),
});
export type ProgramView = z.infer<typeof programSchema>;

/** The programs part of a checkup report. */
export const programsReportSchema = z.object({
  programs: z.array(programSchema),
  /** Packages of the system (libraries, fonts, drivers), counted, kept current by the system's own updates. */
  systemComponents: z.number(),
  /** Dates of the data used (ISO dates): end-of-life snapshot and KEV catalogue. */
  data: z.object({ endOfLife: z.string(), exploited: z.string() }),
});
export type ProgramsReport = z.infer<typeof programsReportSchema>;
