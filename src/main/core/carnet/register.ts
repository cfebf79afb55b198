/**
 * The owner's register of devices and business programs: adding, changing, ticking, and removing
 * without losing anything (a removed item is kept 30 days, written in the history, and can be
 * restored). Each function changes the draft workspace it is given; the API saves it.
 */
import { randomUUID } from 'node:crypto';
import { RESTORE_DAYS, localDay, type RestorableView } from '../../../shared/carnet';
import type { ChannelArgs } from '../../../shared/ipc';
import type { HistoryEntry, Workspace } from '../../../shared/workspace';
import { definedFields } from '../patch';

/** Who and when, for the history. */
export interface Stamp {
  readonly at: string;
  readonly by: string;
}

const DAY_MS = 86_400_000;

/** Writes one line of the history (the carnet's logbook), dated and signed. */
export function log(
  ws: Workspace,
  s: Stamp,
  kind: HistoryEntry['kind'],
  key: string,
  summary: string,
  params: Record<string, string | number>,
): void {
  ws.history.push({ at: s.at, kind, by: s.by, summary, key, params });
}

/** Writes a tick or untick in the history (`<key>Done` / `<key>Undone`). */
export function logTick(
  ws: Workspace,
  s: Stamp,
  done: boolean,
  key: string,
  subject: string,
  params: Record<string, string>,
): void {
  log(ws, s, 'tick', `${key}${done ? 'Done' : 'Undone'}`, `${subject} ${done ? 'done' : 'undone'}`, params);
}

/** Adds a device the app cannot see. */
export function addDevice(ws: Workspace, input: ChannelArgs<'devices:add'>[0], s: Stamp): void {
  ws.devices.push({
    id: randomUUID(),
    kind: input.kind,
    name: input.name,
    addedAt: s.at,
    steps: {},
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
  });
  log(ws, s, 'device', 'history.deviceAdded', `device added: ${input.kind}`, {
    kind: input.kind,
    name: input.name,
  });
}

/** Ticks or unticks a device's guide step. */
export function tickStep(ws: Workspace, args: ChannelArgs<'devices:tickStep'>[0], s: Stamp): void {
  const device = ws.devices.find((d) => d.id === args.deviceId);
  if (!device) throw new Error('Cet appareil n’existe plus.');
  if (args.done) device.steps[args.stepId] = s.at;
  else delete device.steps[args.stepId];
  logTick(ws, s, args.done, 'history.step', `${device.kind} ${args.stepId}`, {
    name: device.name,
    step: args.stepId,
  });
}

/** Ticks or unticks a mission task. */
export function tickMission(ws: Workspace, args: ChannelArgs<'missions:tick'>[0], s: Stamp): void {
  if (args.done) ws.missions[args.taskId] = s.at;
  else delete ws.missions[args.taskId];
  logTick(ws, s, args.done, 'history.task', `task ${args.taskId}`, { task: args.taskId });
}

/** Adds a business program, or changes one. */
export function upsertSoftware(ws: Workspace, input: ChannelArgs<'software:upsert'>[0]): void {
  const existing = input.id ? ws.software.find((x) => x.id === input.id) : undefined;
  if (existing) {
    Object.assign(existing, definedFields(input));
    return;
  }
  ws.software.push({
    id: input.id ?? randomUUID(),
    name: input.name,
    version: input.version ?? null,
    category: input.category,
    critical: input.critical ?? false,
    detected: input.detected ?? false,
    tests: [],
    vendorAnswers: [],
    ...(input.vendor !== undefined ? { vendor: input.vendor } : {}),
    ...(input.vendorContact !== undefined ? { vendorContact: input.vendorContact } : {}),
    ...(input.lastTestedAt !== undefined ? { lastTestedAt: input.lastTestedAt } : {}),
  });
}

/** Removes a device or a program: kept aside 30 days with a history line, never deleted at once. */
export function removeItem(ws: Workspace, kind: 'device' | 'software', id: string, s: Stamp): void {
  const list = kind === 'device' ? ws.devices : ws.software;
  const index = list.findIndex((x) => x.id === id);
  if (index < 0)
    throw new Error(kind === 'device' ? 'Cet appareil n’existe plus.' : 'Ce logiciel n’existe plus.');
  const [item] = list.splice(index, 1);
  const removedId = randomUUID();
  ws.removed.push({ id: removedId, kind, removedAt: s.at, by: s.by, item: item as Record<string, unknown> });
  log(
    ws,
    s,
    'removed',
    kind === 'device' ? 'history.deviceRemoved' : 'history.softwareRemoved',
    `${kind} removed`,
    { name: item!.name, removedId },
  );
  pruneRemoved(ws, new Date(s.at));
}

/** Puts a removed item back, as it was, while it is restorable. */
export function restoreItem(ws: Workspace, removedId: string, s: Stamp): void {
  const entry = ws.removed.find((r) => r.id === removedId);
  const now = new Date(s.at);
  if (!entry || entry.restoredAt || !restorable(entry.removedAt, now))
    throw new Error(
      'Cet élément ne peut plus être rétabli (retiré il y a plus de 30 jours, ou déjà rétabli).',
    );
  const list = entry.kind === 'device' ? ws.devices : ws.software;
  const item = entry.item as { id: string; name: string };
  if (list.some((x) => x.id === item.id)) throw new Error('Cet élément est déjà dans votre liste.');
  (list as unknown[]).push(entry.item);
  entry.restoredAt = s.at;
  log(ws, s, 'restored', 'history.restored', `${entry.kind} restored`, { name: item.name });
}

function restorable(removedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(removedAt) <= RESTORE_DAYS * DAY_MS;
}

/** Forgets removed items past the 30 days (the history line stays). */
function pruneRemoved(ws: Workspace, now: Date): void {
  ws.removed = ws.removed.filter((r) => !r.restoredAt && restorable(r.removedAt, now));
}

/** The items that can still be restored, newest first. */
export function restorableItems(ws: Workspace, now: Date): RestorableView[] {
  return ws.removed
    .filter((r) => !r.restoredAt && restorable(r.removedAt, now))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      name: typeof r.item.name === 'string' ? r.item.name : '',
      removedAt: r.removedAt,
      by: r.by,
      until: localDay(new Date(Date.parse(r.removedAt) + RESTORE_DAYS * DAY_MS)),
    }))
    .reverse();
}
