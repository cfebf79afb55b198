/**
 * The owner's register over time (issue 14): who does each task and by when, the tests after an
 * update (step 4), the vendors' answers (step 3), removed items kept 30 days for undo, and what
 * the weekly watch remembers. Schemas of the workspace's version-2 fields; pure, no I/O.
 */
import { z } from 'zod';

const isoDate = z.string().min(1).max(40);
const shortText = z.string().max(10_000);

/** Who a task is given to: the owner (« moi »), the prestataire, or a named colleague. */
export const assigneeKinds = ['me', 'provider', 'colleague'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

/** A task's assignee. */
export const assigneeSchema = z.looseObject({
  kind: z.enum(assigneeKinds),
  /** The colleague's name (for `colleague`). */
  name: z.string().max(200).optional(),
});
export type Assignee = z.infer<typeof assigneeSchema>;

/**
 * What the register knows about one task, by task key:
 * `mission:<taskId>`, `step:<deviceId>:<stepId>`, `vendor:<softwareId>`, `test:<softwareId>`, `site:<fixId>`.
 */
export const taskInfoSchema = z.looseObject({
  assignee: assigneeSchema.optional(),
  /** Due day, YYYY-MM-DD. */
  due: isoDate.optional(),
  /** Ticked done (for kinds whose tick is not kept elsewhere), ISO date. */
  doneAt: isoDate.optional(),
});
export type TaskInfo = z.infer<typeof taskInfoSchema>;

/** The answer to « Testez … : ça marche / ça ne marche pas ». */
export const testResults = ['works', 'broken', 'unknown'] as const;
export type TestResult = (typeof testResults)[number];

/** One dated, signed test of a critical program after an update. */
export const testRecordSchema = z.looseObject({
  at: isoDate,
  by: z.string().max(200).default(''),
  /** `unknown`: a date migrated from version 1 whose result was never noted. */
  result: z.enum(testResults),
  note: shortText.optional(),
  /** The program's version when it was tested. */
  version: z.string().max(200).nullable().optional(),
  /** The system's last update date known when it was tested. */
  systemUpdatedAt: isoDate.nullable().optional(),
});
export type TestRecord = z.infer<typeof testRecordSchema>;

/** What the vendor answered to « Ma version X est-elle la dernière ? ». */
export const vendorStatuses = ['current', 'update'] as const;
export type VendorStatus = (typeof vendorStatuses)[number];

/** One recorded vendor answer. */
export const vendorAnswerSchema = z.looseObject({
  at: isoDate,
  by: z.string().max(200).default(''),
  status: z.enum(vendorStatuses),
  /** The version to install (for `update`). */
  version: z.string().max(200).optional(),
  /** By when (YYYY-MM-DD) the update should be installed. */
  due: isoDate.optional(),
  note: shortText.optional(),
});
export type VendorAnswer = z.infer<typeof vendorAnswerSchema>;

/** A device or program removed by the owner, kept so that it can be restored for 30 days. */
export const removedItemSchema = z.looseObject({
  id: z.string().min(1).max(100),
  kind: z.enum(['device', 'software']),
  removedAt: isoDate,
  by: z.string().max(200).default(''),
  /** The removed object, exactly as it was. */
  item: z.record(z.string(), z.unknown()),
  restoredAt: isoDate.optional(),
});
export type RemovedItem = z.infer<typeof removedItemSchema>;

/** How long a removed item can be restored. */
export const RESTORE_DAYS = 30;

/** What the background watch remembers between checkups. */
export const watchStateSchema = z.looseObject({
  /** The states of the previous checkup's findings (id → state), to notice what got worse. */
  lastStates: z.record(z.string(), z.string()).optional(),
  lastCheckupAt: isoDate.optional(),
  /** The checkup before that one (id → state): what the last checkup is compared with. */
  previousStates: z.record(z.string(), z.string()).optional(),
  /** The system's last update date seen by the last checkup. */
  lastSystemUpdateAt: isoDate.nullable().optional(),
  lastNotifiedAt: isoDate.optional(),
  /** The keys of notifications already sent (de-duplication), most recent last. */
  sentKeys: z.array(z.string().max(300)).max(200).optional(),
});
export type WatchState = z.infer<typeof watchStateSchema>;

/** The whole task register (task key → info). */
export const taskRegisterSchema = z.record(z.string().max(300), taskInfoSchema);

const id = z.string().min(1).max(100);
const taskKey = z
  .string()
  .min(3)
  .max(300)
  .regex(/^(mission|step|vendor|update|test|site):[\w.:-]+$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Arguments of `tasks:assign`: give a task to someone and/or set its due day (null clears). */
export const taskAssignSchema = z
  .object({
    key: taskKey,
    assignee: z
      .object({ kind: z.enum(assigneeKinds), name: z.string().max(200).optional() })
      .strict()
      .nullable()
      .optional(),
    due: day.nullable().optional(),
  })
  .strict();

/** Arguments of `tasks:tick`: a register task (vendor update, website fix) ticked or unticked. */
export const taskTickSchema = z.object({ key: taskKey, done: z.boolean() }).strict();

/** Arguments of `software:test`: « ça marche / ça ne marche pas ». */
export const softwareTestSchema = z
  .object({
    id,
    result: z.enum(['works', 'broken']),
    note: z.string().max(5000).optional(),
    by: z.string().max(200).optional(),
  })
  .strict();

/** Arguments of `software:scenario`. */
export const softwareScenarioSchema = z.object({ id, scenario: z.string().max(2000) }).strict();

/** Arguments of `software:vendorAnswer`. */
export const vendorAnswerInputSchema = z
  .object({
    id,
    status: z.enum(vendorStatuses),
    version: z.string().max(200).optional(),
    due: day.optional(),
    note: z.string().max(5000).optional(),
  })
  .strict();

/** A critical program that should be tested (step 4), and why. */
export interface ToTestItem {
  readonly softwareId: string;
  readonly name: string;
  /** never: never tested; version: its version changed; system: updates were installed since. */
  readonly reason: 'never' | 'version' | 'system';
  readonly versionBefore: string | null;
  readonly versionNow: string | null;
  /** When the system was last updated (for `system`). */
  readonly updatedAt: string | null;
}

/** Kinds of task in the register. */
export type TaskKind = 'mission' | 'step' | 'vendor' | 'update' | 'site';

/** One task as the screens and the PDF show it. */
export interface TaskView {
  readonly key: string;
  readonly kind: TaskKind;
  /** What the title is built from (mission task id, device + step, program + version). */
  readonly ref: {
    readonly taskId?: string;
    readonly deviceName?: string;
    readonly stepId?: string;
    readonly softwareName?: string;
    readonly version?: string;
  };
  readonly assignee: Assignee | null;
  readonly due: string | null;
  readonly done: boolean;
  /** When it was ticked (null when not done, or done without a tick, e.g. checked by the app). */
  readonly doneAt: string | null;
  readonly overdue: boolean;
}

/** A removed device or program that can still be restored. */
export interface RestorableView {
  readonly id: string;
  readonly kind: 'device' | 'software';
  readonly name: string;
  readonly removedAt: string;
  readonly by: string;
  /** Last day it can be restored (YYYY-MM-DD). */
  readonly until: string;
}

/** Everything the dashboard and the register screens need, worked out by the core with its clock. */
export interface CarnetOverview {
  /** Today, YYYY-MM-DD (the core's clock). */
  readonly today: string;
  readonly toTest: readonly ToTestItem[];
  readonly tasks: readonly TaskView[];
  readonly overdue: number;
  readonly restorable: readonly RestorableView[];
}

/** The local calendar day of a date, YYYY-MM-DD. */
export function localDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** `schedule:status` and `revision schedule status`: the weekly watch. */
export interface ScheduleStatus {
  /** « Vérifier chaque semaine, même quand l'app est fermée ». */
  readonly enabled: boolean;
  readonly lastCheckAt: string | null;
  /** When the next check will run (null when the watch is off). */
  readonly nextCheckAt: string | null;
  /** The last check is more than 7 days old: the app checks at its next start. */
  readonly late: boolean;
}

/** A system notification the watch decided to send; its texts are keys of the `carnet` namespace. */
export interface WatchNotification {
  readonly kind: 'worse' | 'test' | 'overdue';
  /** De-duplication key: the same news is never sent twice. */
  readonly key: string;
  /** The screen a click opens. */
  readonly screen: 'dashboard' | 'journal';
  readonly count: number;
  /** Program names (for `test`). */
  readonly names: readonly string[];
}
