/**
 * Every task of the register with who does it, by when, and whether it is done: mission tasks,
 * device guide steps, « ask the vendor » per program, the update a vendor asked for, website
 * fixes. « Done » comes from where the tick is kept (missions, device steps, vendor answers,
 * the register) and is never guessed. Pure.
 */
import type { TaskInfo, TaskView } from '../../../shared/carnet';
import type { FindingState } from '../../../shared/checkup';
import { deviceGuides, missions, taskStatus } from '../../../shared/missions';
import type { Workspace } from '../../../shared/workspace';

function view(
  key: string,
  kind: TaskView['kind'],
  ref: TaskView['ref'],
  info: TaskInfo | undefined,
  done: { done: boolean; at: string | null },
  today: string,
): TaskView {
  const due = info?.due ?? null;
  const doneAt = done.done ? done.at : null;
  return {
    key,
    kind,
    ref,
    assignee: info?.assignee ?? null,
    due,
    done: done.done,
    doneAt,
    overdue: !done.done && due !== null && due < today,
  };
}

/** All tasks of the register; `today` is YYYY-MM-DD. */
export function listTasks(
  ws: Workspace,
  findingStates: Record<string, FindingState>,
  today: string,
): TaskView[] {
  const out: TaskView[] = [];
  const info = (key: string) => ws.tasks[key];
  const at = (date: string | null | undefined) => ({ done: Boolean(date), at: date ?? null });
  for (const m of missions) {
    for (const task of m.tasks) {
      const key = `mission:${task.id}`;
      const status = taskStatus(task, { workspace: ws, findingStates });
      out.push(view(key, 'mission', { taskId: task.id }, info(key), status, today));
    }
  }
  for (const d of ws.devices) {
    for (const stepId of deviceGuides[d.kind]) {
      const key = `step:${d.id}:${stepId}`;
      out.push(view(key, 'step', { deviceName: d.name, stepId }, info(key), at(d.steps[stepId]), today));
    }
  }
  for (const s of ws.software) {
    const answer = s.vendorAnswers?.at(-1);
    const vendorKey = `vendor:${s.id}`;
    out.push(view(vendorKey, 'vendor', { softwareName: s.name }, info(vendorKey), at(answer?.at), today));
    if (answer?.status === 'update') {
      const key = `update:${s.id}`;
      const ref = { softwareName: s.name, ...(answer.version ? { version: answer.version } : {}) };
      out.push(view(key, 'update', ref, info(key), at(info(key)?.doneAt), today));
    }
  }
  for (const [key, value] of Object.entries(ws.tasks)) {
    if (key.startsWith('site:'))
      out.push(view(key, 'site', { taskId: key.slice(5) }, value, at(value.doneAt), today));
  }
  return out;
}
