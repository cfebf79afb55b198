/**
 * The one IPC contract. Every channel is declared here once, `domain:verb`, with the zod schema
 * of its arguments (validated in main before anything runs) and its result type. The preload
 * builds `window.revision` from this list, one method per channel; the browser test harness
 * binds the same methods to the same core service.
 */
import { z } from 'zod';
import type { AppUpdateStatus } from './app-updates';
import type { CheckupProgress, CheckupReport } from './checkup';
import {
  softwareScenarioSchema,
  softwareTestSchema,
  taskAssignSchema,
  taskTickSchema,
  vendorAnswerInputSchema,
  type CarnetOverview,
  type ScheduleStatus,
} from './carnet';
import type { ApplyResult, PlanView } from './plans';
import {
  programUpdatePlanArgsSchema,
  type ProgramUpdatePlanView,
  type ProgramUpdateResult,
} from './program-updates';
import { deviceKinds, schedules, softwareCategories, type Workspace } from './workspace';
import { fleetJoinSchema, type FleetStatus } from './fleet';

const lang = z.enum(['fr', 'en']);
const text = (max: number) => z.string().max(max);
/** Names that would reach an object's prototype when used as a record key (`missions[id] = …`). */
const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const id = z.string().min(1).max(100).refine((v) => !prototypeKeys.has(v), { message: 'reserved id' });
/** An ISO 8601 date (2026-03-02) or date-time with its offset (2026-03-02T10:00:00.000Z): never any other text. */
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** A plan's SHA-256, as `autoUpdates:plan` gave it. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Fields the owner may change in the workspace. */
export const workspacePatchSchema = z
  .object({
    onboarded: z.boolean(),
    company: z.object({ name: text(500) }).strict(),
    provider: z.object({ name: text(500), email: text(320), phone: text(100).optional() }).strict(),
    settings: z
      .object({
        lang,
        thisComputerIsServer: z.boolean().nullable(),
        schedule: z.enum(schedules),
        ownerName: text(200),
        computerName: text(200),
        weeklyCheck: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type WorkspacePatch = z.infer<typeof workspacePatchSchema>;

export const deviceInputSchema = z
  .object({ kind: z.enum(deviceKinds), name: text(500), schedule: z.enum(schedules).optional(), notes: text(5000).optional() })
  .strict();
export type DeviceInput = z.infer<typeof deviceInputSchema>;

export const softwareInputSchema = z
  .object({
    id: id.optional(),
    name: text(500).min(1),
    version: text(200).nullable().optional(),
    category: z.enum(softwareCategories),
    vendor: text(500).optional(),
    vendorContact: text(1000).optional(),
    critical: z.boolean().optional(),
    detected: z.boolean().optional(),
    lastTestedAt: isoDate.optional(),
  })
  .strict();
export type SoftwareInput = z.infer<typeof softwareInputSchema>;

/** Facts about the running app, for « à propos » and the settings screen. */
export interface AppInfo {
  readonly version: string;
  readonly platform: string;
  /** Where the owner's data is kept. */
  readonly dataDir: string;
  /** Whether the app already runs with administrator rights (no prompt needed). */
  readonly elevated: boolean;
}

/** The message to the prestataire (never sent by the app itself). */
export interface ProviderEmail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** mailto: link with subject and body filled in. */
  readonly mailto: string;
}

/** Result of exporting the PDF. */
export type ExportResult = { status: 'saved'; path: string; pages: number } | { status: 'cancelled' };

/** Every channel: argument schema (a tuple) and result type. */
export const ipcContract = {
  'app:info': { args: z.tuple([]) },
  'app:updates': { args: z.tuple([]) },
  'checkup:run': { args: z.tuple([z.object({ lang: lang.optional() }).strict()]) },
  'checkup:latest': { args: z.tuple([]) },
  'checkup:status': { args: z.tuple([]) },
  'workspace:get': { args: z.tuple([]) },
  'workspace:update': { args: z.tuple([workspacePatchSchema]) },
  'devices:add': { args: z.tuple([deviceInputSchema]) },
  'devices:update': { args: z.tuple([id, deviceInputSchema.partial().strict()]) },
  'devices:remove': { args: z.tuple([id]) },
  'devices:tickStep': { args: z.tuple([z.object({ deviceId: id, stepId: id, done: z.boolean() }).strict()]) },
  'missions:tick': { args: z.tuple([z.object({ taskId: id, done: z.boolean() }).strict()]) },
  'software:upsert': { args: z.tuple([softwareInputSchema]) },
  'software:remove': { args: z.tuple([id]) },
  'autoUpdates:plan': { args: z.tuple([z.object({ schedule: z.enum(schedules).optional(), lang: lang.optional() }).strict()]) },
  'autoUpdates:apply': { args: z.tuple([z.object({ planId: id, sha256, lang: lang.optional() }).strict()]) },
  'autoUpdates:undo': { args: z.tuple([z.object({ changeId: id.optional(), lang: lang.optional() }).strict()]) },
  'report:exportPdf': { args: z.tuple([z.object({ lang: lang.optional() }).strict()]) },
  'report:email': { args: z.tuple([z.object({ lang: lang.optional() }).strict()]) },
  'shell:openExternal': { args: z.tuple([z.url({ protocol: /^(https|mailto)$/ }).max(20_000)]) },
  'shell:revealLog': { args: z.tuple([]) },
  'programs:openUninstall': { args: z.tuple([]) },
  'programUpdates:plan': { args: z.tuple([programUpdatePlanArgsSchema]) },
  'programUpdates:apply': { args: z.tuple([z.object({ planId: id, sha256, lang: lang.optional() }).strict()]) },
  'sites:add': { args: z.tuple([z.object({ url: text(2000), lang: lang.optional() }).strict()]) },
  'sites:remove': { args: z.tuple([id]) },
  'sites:check': { args: z.tuple([z.object({ id: id.optional(), lang: lang.optional() }).strict()]) },
  'carnet:overview': { args: z.tuple([]) },
  'carnet:restore': { args: z.tuple([id]) },
  'tasks:assign': { args: z.tuple([taskAssignSchema]) },
  'tasks:tick': { args: z.tuple([taskTickSchema]) },
  'software:scenario': { args: z.tuple([softwareScenarioSchema]) },
  'software:test': { args: z.tuple([softwareTestSchema]) },
  'software:vendorAnswer': { args: z.tuple([vendorAnswerInputSchema]) },
  'software:vendorQuestion': { args: z.tuple([z.object({ id, lang: lang.optional() }).strict()]) },
  'software:brokenMessage': { args: z.tuple([z.object({ id, lang: lang.optional() }).strict()]) },
  'schedule:status': { args: z.tuple([]) },
  'calendar:export': { args: z.tuple([z.object({ lang: lang.optional() }).strict()]) },
  'fleet:status': { args: z.tuple([]) },
  'fleet:join': { args: z.tuple([fleetJoinSchema]) },
} as const;

/** Result type of each channel. */
export interface IpcResults {
  'app:info': AppInfo;
  'app:updates': AppUpdateStatus;
  'checkup:run': CheckupReport;
  'checkup:latest': CheckupReport | null;
  'checkup:status': { readonly running: boolean; readonly progress: CheckupProgress | null };
  'workspace:get': Workspace;
  'workspace:update': Workspace;
  'devices:add': Workspace;
  'devices:update': Workspace;
  'devices:remove': Workspace;
  'devices:tickStep': Workspace;
  'missions:tick': Workspace;
  'software:upsert': Workspace;
  'software:remove': Workspace;
  'autoUpdates:plan': PlanView;
  'autoUpdates:apply': ApplyResult;
  'autoUpdates:undo': ApplyResult;
  'report:exportPdf': ExportResult;
  'report:email': ProviderEmail;
  'shell:openExternal': void;
  /** Shows the technical log file in the file manager. */
  'shell:revealLog': void;
  /** Whether the OS's own page to uninstall programs was opened (false: none known on this system). */
  'programs:openUninstall': { opened: boolean };
  /** The programs an update would take, in plain words (issue 12). */
  'programUpdates:plan': ProgramUpdatePlanView;
  /** What happened to each program, with the fresh check's voyant. */
  'programUpdates:apply': ProgramUpdateResult;
  'sites:add': Workspace;
  'sites:remove': Workspace;
  'sites:check': Workspace;
  'carnet:overview': CarnetOverview;
  'carnet:restore': Workspace;
  'tasks:assign': Workspace;
  'tasks:tick': Workspace;
  'software:scenario': Workspace;
  'software:test': Workspace;
  'software:vendorAnswer': Workspace;
  'software:vendorQuestion': ProviderEmail;
  'software:brokenMessage': ProviderEmail;
  'schedule:status': ScheduleStatus;
  'calendar:export': ExportResult;
  'fleet:status': FleetStatus;
  'fleet:join': FleetStatus;
}

export type Channel = keyof typeof ipcContract;
export const channels = Object.keys(ipcContract) as Channel[];
export type ChannelArgs<C extends Channel> = z.infer<(typeof ipcContract)[C]['args']>;

/** Events main sends to the renderer. */
export interface IpcEvents {
  'checkup:progress': CheckupProgress;
  /** A notification or the tray asks to show a screen. */
  'app:navigate': { screen: 'dashboard' | 'journal' };
}
export const eventChannels = ['checkup:progress', 'app:navigate'] as const satisfies readonly (keyof IpcEvents)[];

/** The error half of the envelope every handler returns. */
export interface IpcErrorPayload {
  readonly code: 'invalid-args' | 'forbidden-sender' | 'failed' | 'cancelled' | 'not-elevated' | 'conflict';
  /** A sentence for the owner, in the interface language. */
  readonly message: string;
}
export type IpcEnvelope<T> = { ok: true; result: T } | { ok: false; error: IpcErrorPayload };

/** `checkup:run` → `checkupRun`: the method name of a channel on window.revision. */
export function methodName(channel: Channel): string {
  const [domain, verb] = channel.split(':') as [string, string];
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}

type MethodName<C extends string> = C extends `${infer D}:${infer V}` ? `${D}${Capitalize<V>}` : never;

/** window.revision: one async method per channel, plus event subscriptions. */
export type RevisionApi = {
  [C in Channel as MethodName<C>]: (...args: ChannelArgs<C>) => Promise<IpcResults[C]>;
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof IpcEvents>(event: E, listener: (payload: IpcEvents[E]) => void): () => void;
};

/** An error thrown by window.revision methods, rebuilt from the envelope. */
export class RevisionError extends Error {
  override readonly name = 'RevisionError';
  constructor(
    readonly code: IpcErrorPayload['code'],
    message: string,
  ) {
    super(message);
  }
}
