/**
 * The owner's workspace: everything Éric enters and everything the app did, kept by the core
 * in a versioned file (workspace.json). Objects are "loose": a field this version does not know
 * (written by a newer app) is kept as it is, never dropped.
 */
import { z } from 'zod';
import { deviceKinds, schedules, softwareCategories } from './enums';
import { removedItemSchema, taskRegisterSchema, testRecordSchema, vendorAnswerSchema, watchStateSchema } from './carnet';

/** Current schema version of workspace.json. */
export const WORKSPACE_SCHEMA_VERSION = 2;

export { deviceKinds, softwareCategories, schedules, type DeviceKind, type SoftwareCategory, type Schedule } from './enums';

const isoDate = z.string().min(1);
const shortText = z.string().max(10_000);

/** A device the owner added: a phone, a tablet, another PC, a server, a website… */
export const deviceSchema = z.looseObject({
  id: z.string().min(1).max(100),
  kind: z.enum(deviceKinds),
  name: shortText,
  addedAt: isoDate,
  /** Guide steps ticked « C'est fait », step id → ISO date. */
  steps: z.record(z.string(), isoDate).default({}),
  /** For servers: when updates should run. */
  schedule: z.enum(schedules).optional(),
  notes: shortText.optional(),
});
export type Device = z.infer<typeof deviceSchema>;

/** A business program (detected on this computer or added by hand). */
export const businessSoftwareSchema = z.looseObject({
  id: z.string().min(1).max(100),
  name: shortText,
  version: z.string().max(200).nullable().default(null),
  category: z.enum(softwareCategories),
  vendor: shortText.optional(),
  /** How to reach the vendor (phone, e-mail, website), as the owner typed it. */
  vendorContact: shortText.optional(),
  critical: z.boolean().default(false),
  detected: z.boolean().default(false),
  /** Last time the owner tested it after an update (step 4), ISO date. */
  lastTestedAt: isoDate.optional(),
  /** Step 4: the owner's test scenario (« Créer un client fictif, l'enregistrer, le rechercher »). */
  scenario: shortText.optional(),
  /** Step 4: dated, signed test results, oldest first. */
  tests: z.array(testRecordSchema).optional(),
  /** Step 3: the vendor's answers, oldest first. */
  vendorAnswers: z.array(vendorAnswerSchema).optional(),
});
export type BusinessSoftware = z.infer<typeof businessSoftwareSchema>;

/** One entry of the maintenance logbook (carnet d'entretien). */
export const historyEntrySchema = z.looseObject({
  at: isoDate,
  kind: z.enum(['checkup', 'change', 'undo', 'tick', 'report', 'device', 'note', 'removed', 'restored', 'test', 'task']),
  /** Who did it: the name set in Paramètres (settings.ownerName), else "app". */
  by: z.string().max(200).default('app'),
  /** Short technical summary (not shown as-is to the owner); i18n key + params for display. */
  summary: shortText,
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** For checkups: the counts per state. */
  counts: z.record(z.string(), z.number()).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The undo record of a change the app applied (auto-updates plans). Opaque to everyone but actions/. */
export const changeRecordSchema = z.looseObject({
  id: z.string().min(1),
  planId: z.string(),
  appliedAt: isoDate,
  by: z.string().default('app'),
  /** Plan kind, e.g. "auto-updates". */
  kind: z.string(),
  schedule: z.enum(schedules).optional(),
  undoneAt: isoDate.optional(),
  /** Per operation, the state before, so undo is exact. */
  operations: z.array(z.record(z.string(), z.unknown())),
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

/** A website the owner added (issue 13): its address and its last check (a SiteReport, src/shared/site.ts). */
export const siteEntrySchema = z.looseObject({
  id: z.string().min(1).max(100),
  url: z.string().max(2000),
  addedAt: isoDate,
  last: z.record(z.string(), z.unknown()).optional(),
});
export type SiteEntry = z.infer<typeof siteEntrySchema>;

/** The owner's data. */
export const workspaceSchema = z.looseObject({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  createdAt: isoDate,
  updatedAt: isoDate,
  onboarded: z.boolean().default(false),
  company: z.looseObject({ name: shortText.default('') }).default({ name: '' }),
  provider: z
    .looseObject({ name: shortText.default(''), email: z.string().max(320).default(''), phone: z.string().max(100).optional() })
    .default({ name: '', email: '' }),
  settings: z
    .looseObject({
      lang: z.enum(['fr', 'en']).default('fr'),
      /** The owner says this computer is a server (schedules apply). null: ask the OS. */
      thisComputerIsServer: z.boolean().nullable().default(null),
      schedule: z.enum(schedules).default('always'),
      /** The person who uses the app, named in the history (« Éric Dubois »). */
      ownerName: z.string().max(200).default(''),
      /** The owner's name for this computer (« PC de l'accueil »); empty: « Cet ordinateur ». */
      computerName: z.string().max(200).default(''),
      /** « Vérifier chaque semaine, même quand l'app est fermée ». */
      weeklyCheck: z.boolean().default(true),
    })
    .default({
      lang: 'fr',
      thisComputerIsServer: null,
      schedule: 'always',
      ownerName: '',
      computerName: '',
      weeklyCheck: true,
    }),
  devices: z.array(deviceSchema).default([]),
  software: z.array(businessSoftwareSchema).default([]),
  /** Mission tasks ticked, task id → ISO date. */
  missions: z.record(z.string(), isoDate).default({}),
  history: z.array(historyEntrySchema).default([]),
  changes: z.array(changeRecordSchema).default([]),
  /** Websites checked from their public pages (optional: absent in older files). */
  sites: z.array(siteEntrySchema).optional(),
  /** Who does each task and by when (task key → info). */
  tasks: taskRegisterSchema.default({}),
  /** Removed devices and programs, restorable for 30 days. */
  removed: z.array(removedItemSchema).default([]),
  /** What the weekly watch remembers. */
  watch: watchStateSchema.default({}),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** A fresh, empty workspace. */
export function emptyWorkspace(now: Date): Workspace {
  return workspaceSchema.parse({
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}

/** The name the owner gave this computer (kept in a zod-free module so the renderer's bundle stays small). */
export { ownComputerName } from './computer-name';
