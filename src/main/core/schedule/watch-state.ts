/**
 * What the weekly watch remembers of each checkup: the states of its findings (to tell what got
 * worse since the previous one) and when it ran. Pure: mutates the draft workspace it is given.
 */
import type { CheckupReport } from '../../../shared/checkup';
import type { Workspace } from '../../../shared/workspace';

/** Records a checkup in the watch state, keeping the previous one's states for comparison. */
export function rememberCheckup(ws: Workspace, report: CheckupReport): void {
  const states: Record<string, string> = {};
  for (const f of report.findings) states[f.id] = f.state;
  ws.watch = {
    ...ws.watch,
    ...(ws.watch.lastStates ? { previousStates: ws.watch.lastStates } : {}),
    lastStates: states,
    lastCheckupAt: report.generatedAt,
    lastSystemUpdateAt: report.facts.lastUpdate?.lastInstalledAt ?? null,
  };
}
