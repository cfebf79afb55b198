/**
 * The owner's register of devices and business programs: adding, changing, ticking, and removing
 * without losing anything (a removed item is kept 30 days, written in the history, and can be
 * restored). Each function changes the draft workspace it is given; the API saves it.
 */
import { randomUUID } from 'node:crypto';
import { RESTORE_DAYS, localDay, type RestorableView } from '../../../shared/carnet';
import type { ChannelArgs } from '../../../shared/ipc';
import type { Workspace } from '../../../shared/workspace';

/** Who and when, for the history. */
export interface Stamp {
  readonly at: string;
  readonly by: string;
}

const DAY_MS = 86_400_000;

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
  ws.history.push({
    at: s.at,
    kind: 'device',
    by: s.by,
    summary: `device added: ${input.kind}`,
    key: 'history.deviceAdded',
    params: { kind: input.kind, name: input.name },
  });
}

/** Ticks or unticks a device's guide step. */
export function tickStep(ws: Workspace, args: ChannelArgs<'devices:tickStep'>[0], s: Stamp): void {
  const device = ws.devices.find((d) => d.id === args.deviceId);
  if (!device) throw new Error('Cet appareil n’existe plus.');
  if (args.done) device.steps[args.stepId] = s.at;
  else delete device.steps[args.stepId];
  ws.history.push({
    at: s.at,
    kind: 'tick',
    by: s.by,
    summary: `${device.kind} ${args.stepId} ${args.done ? 'done' : 'undone'}`,
    key: args.done ? 'history.stepDone' : 'history.stepUndone',
    params: { name: device.name, step: args.stepId },
  });
}

/** Ticks or unticks a mission task. */
export function tickMission(ws: Workspace, args: ChannelArgs<'missions:tick'>[0], s: Stamp): void {
  if (args.done) ws.missions[args.taskId] = s.at;
  else delete ws.missions[args.taskId];
  ws.history.push({
    at: s.at,
    kind: 'tick',
    by: s.by,
    summary: `task ${args.taskId} ${args.done ? 'done' : 'undone'}`,
    key: args.done ? 'history.taskDone' : 'history.taskUndone',
    params: { task: args.taskId },
  });
}

/** Adds a business program, or changes one. */
export function upsertSoftware(ws: Workspace, input: ChannelArgs<'software:upsert'>[0]): void {
  const existing = input.id ? ws.software.find((x) => x.id === input.id) : undefined;
  if (existing) {
    Object.assign(existing, input);
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
  ws.history.push({
    at: s.at,
    kind: 'removed',
    by: s.by,
    summary: `${kind} removed`,
    key: kind === 'device' ? 'history.deviceRemoved' : 'history.softwareRemoved',
    params: { name: item!.name, removedId },
  });
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
  ws.history.push({
    at: s.at,
    kind: 'restored',
    by: s.by,
    summary: `${entry.kind} restored`,
    key: 'history.restored',
    params: { name: item.name },
  });
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
