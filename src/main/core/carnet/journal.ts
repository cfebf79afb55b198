/**
 * Step 3 and step 4 of the seed, and delegation: the test scenario and dated, signed results of
 * each critical program, the vendor's answers (an « update to do » becomes a task with a due
 * day), and who does each task by when. Each function changes the draft workspace it is given.
 */
import type { z } from 'zod';
import type {
  softwareTestSchema,
  taskAssignSchema,
  taskTickSchema,
  vendorAnswerInputSchema,
} from '../../../shared/carnet';
import type { CheckupReport } from '../../../shared/checkup';
import type { BusinessSoftware, Workspace } from '../../../shared/workspace';
import { log, logTick, type Stamp } from './register';
import { currentVersion } from './to-test';

function program(ws: Workspace, id: string): BusinessSoftware {
  const s = ws.software.find((x) => x.id === id);
  if (!s) throw new Error('Ce logiciel n’existe plus.');
  return s;
}

/** Sets a program's test scenario. */
export function setScenario(ws: Workspace, id: string, scenario: string): void {
  const s = program(ws, id);
  const text = scenario.trim();
  if (text) s.scenario = text;
  else delete s.scenario;
}

/** Records « ça marche / ça ne marche pas », dated and signed, with the versions seen. */
export function recordTest(
  ws: Workspace,
  input: z.infer<typeof softwareTestSchema>,
  checkup: CheckupReport | null,
  s: Stamp,
): void {
  const sw = program(ws, input.id);
  const version = currentVersion(sw, checkup);
  const by = input.by?.trim() || s.by;
  (sw.tests ??= []).push({
    at: s.at,
    by,
    result: input.result,
    version,
    systemUpdatedAt: checkup?.facts.lastUpdate?.lastInstalledAt ?? ws.watch.lastSystemUpdateAt ?? null,
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  });
  if (version && sw.detected) sw.version = version;
  sw.lastTestedAt = s.at;
  log(
    ws,
    { at: s.at, by },
    'test',
    input.result === 'works' ? 'history.testWorks' : 'history.testBroken',
    `test of ${sw.name}: ${input.result}`,
    { name: sw.name },
  );
}

/** Records the vendor's answer; « mise à jour à faire » becomes a task with its due day. */
export function recordVendorAnswer(
  ws: Workspace,
  input: z.infer<typeof vendorAnswerInputSchema>,
  s: Stamp,
): void {
  const sw = program(ws, input.id);
  (sw.vendorAnswers ??= []).push({
    at: s.at,
    by: s.by,
    status: input.status,
    ...(input.version?.trim() ? { version: input.version.trim() } : {}),
    ...(input.due ? { due: input.due } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  });
  if (input.status === 'update') {
    const key = `update:${sw.id}`;
    const { doneAt: _done, ...rest } = ws.tasks[key] ?? {};
    ws.tasks[key] = { ...rest, ...(input.due ? { due: input.due } : {}) };
  }
  log(
    ws,
    s,
    'note',
    input.status === 'current' ? 'history.vendorCurrent' : 'history.vendorUpdate',
    `vendor answer for ${sw.name}: ${input.status}`,
    { name: sw.name, version: input.version ?? '' },
  );
}

/** Gives a task to someone and/or sets its due day (null clears). */
export function assignTask(ws: Workspace, input: z.infer<typeof taskAssignSchema>, s: Stamp): void {
  const info = { ...(ws.tasks[input.key] ?? {}) };
  if (input.assignee === null) delete info.assignee;
  else if (input.assignee) {
    const name = input.assignee.name?.trim();
    if (input.assignee.kind === 'colleague' && !name)
      throw new Error('Donnez le nom de la personne à qui vous confiez cette tâche.');
    info.assignee = { kind: input.assignee.kind, ...(input.assignee.kind === 'colleague' ? { name } : {}) };
  }
  if (input.due === null) delete info.due;
  else if (input.due) info.due = input.due;
  ws.tasks[input.key] = info;
  log(ws, s, 'task', 'history.taskAssigned', `task ${input.key} assigned`, { taskKey: input.key });
}

/** Ticks a task whose tick the register keeps (a vendor update installed, a website fix). */
export function tickTask(ws: Workspace, input: z.infer<typeof taskTickSchema>, s: Stamp): void {
  if (!/^(update|site):/.test(input.key)) throw new Error('Cette tâche se coche à son propre endroit.');
  const info = { ...(ws.tasks[input.key] ?? {}) };
  if (input.done) info.doneAt = s.at;
  else delete info.doneAt;
  ws.tasks[input.key] = info;
  logTick(ws, s, input.done, 'history.register', `task ${input.key}`, { taskKey: input.key });
}
