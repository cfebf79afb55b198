/**
 * The checkup's result: findings (voyants), probe statuses and the facts they came from.
 * The zod schema is the published contract of `revision checkup --json`
 * (docs/checkup-report.schema.json is generated from it) and of the `checkup:run` IPC channel.
 */
import { z } from 'zod';
import type { MachineFacts } from './facts';
import { findingStates } from './enums';
import { programsReportSchema } from './programs';

/** Version of the report structure; bump on a breaking change. */
export const CHECKUP_SCHEMA_VERSION = 1;

/** The voyant states and the finding ids live in the zod-free enums.ts (the web pages use them). */
export { coreFindingIds, findingStates, type CoreFindingId, type FindingState } from './enums';

/** What the owner can do about a finding: a fix the app can run, or a guide to follow. */
export const fixKinds = ['enable-auto-updates', 'guide', 'contact-provider', 'restart', 'none'] as const;
export type FixKind = (typeof fixKinds)[number];

/** Parameters interpolated into a finding's texts. */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageParams = z.infer<typeof messageParamsSchema>;

/** One finding, with its texts already in the report's language and the keys to translate them again. */
export const findingSchema = z.object({
  id: z.string(),
  state: z.enum(findingStates),
  title: z.string(),
  detail: z.string(),
  action: z.string(),
  /** i18n key under the `findings` namespace: `${key}.title`, `${key}.detail`, `${key}.action`. */
  key: z.string(),
  params: messageParamsSchema,
  fix: z.enum(fixKinds),
  /** For `unknown`: why it could not be checked (technical, for the prestataire). */
  reason: z.string().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const probeStatuses = ['ok', 'failed', 'timeout', 'skipped'] as const;
export type ProbeStatus = (typeof probeStatuses)[number];

/** How one probe went. */
export const probeReportSchema = z.object({
  id: z.string(),
  status: z.enum(probeStatuses),
  durationMs: z.number(),
  error: z.string().nullable(),
});
export type ProbeReport = z.infer<typeof probeReportSchema>;

export const applicationSchema = z.object({
  name: z.string(),
  version: z.string().nullable(),
  publisher: z.string().nullable(),
  source: z.string(),
  installDate: z.string().nullable().optional(),
});

export const osSchema = z.object({
  family: z.enum(['linux', 'windows', 'macos']),
  name: z.string(),
  version: z.string(),
  build: z.string().nullable(),
});

/** The whole checkup report. `facts` holds every value read, for the technical annex. */
export const checkupReportSchema = z.object({
  schemaVersion: z.literal(CHECKUP_SCHEMA_VERSION),
  appVersion: z.string(),
  generatedAt: z.string(),
  lang: z.enum(['fr', 'en']),
  /** "live" when run on this machine, "replay" when replayed from a capture folder. */
  mode: z.enum(['live', 'replay']),
  machine: z.object({
    os: osSchema.nullable(),
    hostname: z.string().nullable(),
    isServer: z.boolean().nullable(),
  }),
  summary: z.object({
    ok: z.number(),
    attention: z.number(),
    danger: z.number(),
    unknown: z.number(),
  }),
  findings: z.array(findingSchema),
  inventory: z.object({ applications: z.array(applicationSchema) }),
  /** User-facing programs with their voyants (absent when the inventory could not be read). */
  programs: programsReportSchema.optional(),
  probes: z.array(probeReportSchema),
  facts: z.record(z.string(), z.unknown()),
});

/** A checkup report; `facts` is typed loosely in the schema and precisely here. */
export type CheckupReport = Omit<z.infer<typeof checkupReportSchema>, 'facts'> & { facts: MachineFacts };

/** A progress event while a checkup runs. */
export interface CheckupProgress {
  /** Probes finished so far. */
  readonly done: number;
  readonly total: number;
  /** The probe that just started or finished. */
  readonly probeId: string;
  /** i18n key under `probes:` ("probes:antivirus" → « Je vérifie l'antivirus… »). */
  readonly labelKey: string;
  readonly phase: 'start' | 'end';
}
