/**
 * The three missions of the seed (débutant, intermédiaire, expert) and the guides for the devices
 * the app cannot see, as DATA. Texts live in the `guides` namespace (fr and en), by key:
 *   missions.<missionId>.title / .goal
 *   tasks.<taskId>.title / .why / .steps (array of strings, for hand tasks)
 *   devices.<kind>.name / .intro
 *   steps.<stepId>.title / .path   (the exact menu path, in the owner's language)
 * The renderer (guided app) and the PDF (mission progress, one page per device) both read this
 * file, so what « done » means is decided here once, by pure functions.
 */
import type { FindingState } from './checkup';
import type { Device, DeviceKind, Workspace } from './workspace';

/** Mission ids, in the order the owner climbs them. */
export const missionIds = ['debutant', 'intermediaire', 'expert'] as const;
export type MissionId = (typeof missionIds)[number];

/** What the app can do itself for a task (a button); `null` in TaskDef.action means by hand only. */
export const taskActions = [
  'enable-auto-updates',
  'add-devices',
  'open-inventory',
  'export-pdf',
  'email-provider',
  'schedule-servers',
] as const;
export type TaskAction = (typeof taskActions)[number];

/**
 * How a task counts as done:
 * - `finding`: the latest checkup's finding `findingId` is ok (never from a tick alone: honesty rule);
 * - `devices`: at least one device of `deviceKinds` and all of them complete, or the owner ticked
 *   « je n'en ai pas » (`noneTaskId`);
 * - `software`: at least one business program listed, or the « je n'en ai pas » tick;
 * - `servers`: every server has a night or weekend schedule (at least one), or the « je n'en ai pas » tick;
 * - `tick`: the owner ticked « C'est fait » (date kept in workspace.missions[taskId]).
 */
export type TaskCompletion =
  | { readonly kind: 'finding'; readonly findingId: string }
  | { readonly kind: 'devices'; readonly deviceKinds: readonly DeviceKind[]; readonly noneTaskId: string }
  | { readonly kind: 'software'; readonly noneTaskId: string }
  | { readonly kind: 'servers'; readonly noneTaskId: string }
  | { readonly kind: 'tick' };

/** One task of a mission. */
export interface TaskDef {
  readonly id: string;
  readonly missionId: MissionId;
  /** The app's button for it, or null when the owner does it by hand (steps + « C'est fait »). */
  readonly action: TaskAction | null;
  readonly completion: TaskCompletion;
  /** Number of hand steps under `tasks.<id>.steps` (0 when the app does it). */
  readonly handSteps: number;
}

/** One mission: a short checklist. */
export interface MissionDef {
  readonly id: MissionId;
  readonly tasks: readonly TaskDef[];
}

/** Phones, tablets and other computers: the devices of the beginner mission. */
export const endpointKinds: readonly DeviceKind[] = ['iphone', 'android-phone', 'ipad', 'android-tablet', 'windows-pc', 'mac'];

/** The missions, in order. */
export const missions: readonly MissionDef[] = [
  {
    id: 'debutant',
    tasks: [
      { id: 'debutant.this-computer', missionId: 'debutant', action: 'enable-auto-updates', completion: { kind: 'finding', findingId: 'auto-updates' }, handSteps: 0 },
      {
        id: 'debutant.other-devices',
        missionId: 'debutant',
        action: 'add-devices',
        completion: { kind: 'devices', deviceKinds: endpointKinds, noneTaskId: 'debutant.no-other-devices' },
        handSteps: 0,
      },
    ],
  },
  {
    id: 'intermediaire',
    tasks: [
      { id: 'intermediaire.list-software', missionId: 'intermediaire', action: 'open-inventory', completion: { kind: 'software', noneTaskId: 'intermediaire.no-software' }, handSteps: 0 },
      { id: 'intermediaire.export-pdf', missionId: 'intermediaire', action: 'export-pdf', completion: { kind: 'tick' }, handSteps: 0 },
      { id: 'intermediaire.ask-provider', missionId: 'intermediaire', action: 'email-provider', completion: { kind: 'tick' }, handSteps: 2 },
    ],
  },
  {
    id: 'expert',
    tasks: [
      { id: 'expert.server-schedule', missionId: 'expert', action: 'schedule-servers', completion: { kind: 'servers', noneTaskId: 'expert.no-server' }, handSteps: 0 },
      { id: 'expert.monthly-review', missionId: 'expert', action: null, completion: { kind: 'tick' }, handSteps: 3 },
      { id: 'expert.test-critical', missionId: 'expert', action: null, completion: { kind: 'tick' }, handSteps: 3 },
    ],
  },
];

/** Every task, flat. */
export const allTasks: readonly TaskDef[] = missions.flatMap((m) => m.tasks);

/** The guide steps for each device kind (ids; texts under `steps.<id>` in guides.json). */
export const deviceGuides: Readonly<Record<DeviceKind, readonly string[]>> = {
  iphone: ['ios-system-auto', 'ios-security-responses', 'ios-app-store-auto'],
  ipad: ['ipados-system-auto', 'ios-security-responses', 'ios-app-store-auto'],
  'android-phone': ['android-play-auto', 'android-system-auto', 'android-play-system'],
  'android-tablet': ['android-play-auto', 'android-system-auto', 'android-play-system'],
  'windows-pc': ['windows-update-auto', 'windows-other-products', 'windows-store-auto'],
  mac: ['macos-auto-updates', 'macos-security-responses', 'macos-app-store-auto'],
  server: ['server-who', 'server-schedule', 'server-backup'],
  wordpress: ['wordpress-core-auto', 'wordpress-plugins-auto', 'wordpress-who'],
  'online-shop': ['shop-platform-who', 'shop-modules-auto', 'shop-backup'],
  'online-service': ['service-who', 'service-two-factor'],
};

/** Groups for the « ajouter un appareil » picker. */
export const deviceGroups: readonly { readonly id: string; readonly kinds: readonly DeviceKind[] }[] = [
  { id: 'phone', kinds: ['iphone', 'android-phone'] },
  { id: 'tablet', kinds: ['ipad', 'android-tablet'] },
  { id: 'computer', kinds: ['windows-pc', 'mac'] },
  { id: 'server', kinds: ['server'] },
  { id: 'website', kinds: ['wordpress', 'online-shop'] },
  { id: 'service', kinds: ['online-service'] },
];

/** A device's voyant: ok only when every guide step is ticked (never ok without ticks). */
export function deviceState(device: Pick<Device, 'kind' | 'steps'>): Extract<FindingState, 'ok' | 'attention'> {
  const steps = deviceGuides[device.kind];
  return steps.length > 0 && steps.every((s) => Boolean(device.steps[s])) ? 'ok' : 'attention';
}

/** Ticked and total guide steps of a device. */
export function deviceProgress(device: Pick<Device, 'kind' | 'steps'>): { done: number; total: number } {
  const steps = deviceGuides[device.kind];
  return { done: steps.filter((s) => Boolean(device.steps[s])).length, total: steps.length };
}

/** What the completion rules need to know. */
export interface MissionContext {
  readonly workspace: Pick<Workspace, 'devices' | 'software' | 'missions'>;
  /** State of each finding of the latest checkup, by finding id (absent when never checked). */
  readonly findingStates: Readonly<Record<string, FindingState>>;
}

/** Whether a task is done, and since when (ISO date) when the app knows. */
export function taskStatus(task: TaskDef, ctx: MissionContext): { done: boolean; at: string | null } {
  const ticks = ctx.workspace.missions;
  const tickAt = ticks[task.id] ?? null;
  const c = task.completion;
  switch (c.kind) {
    case 'finding':
      // The owner's tick only dates it; only a checked ok counts.
      return { done: ctx.findingStates[c.findingId] === 'ok', at: tickAt };
    case 'tick':
      return { done: tickAt !== null, at: tickAt };
    case 'devices': {
      const devices = ctx.workspace.devices.filter((d) => c.deviceKinds.includes(d.kind));
      if (devices.length > 0) return { done: devices.every((d) => deviceState(d) === 'ok'), at: latestTick(devices) };
      const none = ticks[c.noneTaskId] ?? null;
      return { done: none !== null, at: none };
    }
    case 'software': {
      if (ctx.workspace.software.length > 0) return { done: true, at: tickAt };
      const none = ticks[c.noneTaskId] ?? null;
      return { done: none !== null, at: none };
    }
    case 'servers': {
      const servers = ctx.workspace.devices.filter((d) => d.kind === 'server');
      if (servers.length > 0) return { done: servers.every((d) => d.schedule === 'night' || d.schedule === 'weekend'), at: tickAt };
      const none = ticks[c.noneTaskId] ?? null;
      return { done: none !== null, at: none };
    }
  }
}

function latestTick(devices: readonly Pick<Device, 'steps'>[]): string | null {
  let latest: string | null = null;
  for (const d of devices) for (const at of Object.values(d.steps)) if (latest === null || at > latest) latest = at;
  return latest;
}

/** Progress of one mission: tasks done out of total. */
export function missionProgress(missionId: MissionId, ctx: MissionContext): { done: number; total: number; complete: boolean } {
  const mission = missions.find((m) => m.id === missionId);
  const tasks = mission?.tasks ?? [];
  const done = tasks.filter((t) => taskStatus(t, ctx).done).length;
  return { done, total: tasks.length, complete: tasks.length > 0 && done === tasks.length };
}

/** The mission the owner should work on now: the first one not complete (null when all are). */
export function currentMission(ctx: MissionContext): MissionId | null {
  return missionIds.find((id) => !missionProgress(id, ctx).complete) ?? null;
}

/** A task tied to a voyant that was done and is not any more: the voyant is no longer ok. */
export interface ReopenedTask {
  readonly task: TaskDef;
  readonly findingId: string;
  readonly state: FindingState;
  /** When the task was last seen done. */
  readonly doneAt: string;
}

/** Tasks tied to a voyant, dated as done, whose voyant the latest checkup no longer shows ok (the dashboard says why). */
export function reopenedTasks(ctx: MissionContext): ReopenedTask[] {
  const out: ReopenedTask[] = [];
  for (const task of allTasks) {
    if (task.completion.kind !== 'finding') continue;
    const doneAt = ctx.workspace.missions[task.id];
    const state = ctx.findingStates[task.completion.findingId];
    if (doneAt && state && state !== 'ok') out.push({ task, findingId: task.completion.findingId, state, doneAt });
  }
  return out;
}

/**
 * Dates, in the owner's mission record, every task tied to a voyant that a checkup just showed ok
 * (kept when already dated), so that a later checkup turning it red reopens it visibly.
 */
export function dateTasksShownOk(missions: Record<string, string>, findings: readonly { id: string; state: FindingState }[], at: string): void {
  for (const task of allTasks) {
    if (task.completion.kind !== 'finding') continue;
    const { findingId } = task.completion;
    if (findings.some((f) => f.id === findingId && f.state === 'ok') && !missions[task.id]) missions[task.id] = at;
  }
}
