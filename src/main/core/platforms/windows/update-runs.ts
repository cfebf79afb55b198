/**
 * Evidence that Windows Update actually runs, not only that it is set to: the Automatic Updates
 * results (last successful search and installation, `Microsoft.Update.AutoUpdate.Results`), the newest
 * successful installation in the Windows Update history, and whether the services that start it
 * (wuauserv, and UsoSvc, the Update Orchestrator of Windows 10 and 11) are disabled.
 */
import type { AutoUpdateFacts } from '../../../../shared/facts';
import { arr, isoDate, num, obj, str, type JsonObject } from './common';

/** What the runs evidence adds to the automatic-update facts (the fields shared with the Linux half). */
export type UpdateRunFacts = Pick<AutoUpdateFacts, 'lastRunAt' | 'lastRunSource' | 'schedulerRunning'>;

/** Dates before this are the agent's "never" (1601 or the OLE zero date 1899-12-30), not a run. */
const EARLIEST_RUN = Date.parse('2000-01-01T00:00:00Z');

/** A run date, or null for "never" and anything that is not an ISO date. */
function runDate(value: unknown): string | null {
  const iso = isoDate(value);
  return iso !== null && Date.parse(iso) >= EARLIEST_RUN ? iso : null;
}

/** Newest successful installation (operation 1, result 2 or 3) in the QueryHistory entries. */
function newestInstall(history: JsonObject): string | null {
  let newest: string | null = null;
  for (const raw of arr(history.entries)) {
    const e = obj(raw);
    const code = num(e?.resultCode);
    const op = num(e?.operation);
    const date = runDate(e?.date);
    if (!e || !date || (op !== null && op !== 1) || (code !== 2 && code !== 3)) continue;
    if (newest === null || date > newest) newest = date;
  }
  return newest;
}

/** Whether the services that start Windows Update may run: any of them Disabled → false; unread → null. */
export function windowsSchedulerRunning(autoUpdates: JsonObject | null): boolean | null {
  if (!autoUpdates) return null;
  const types = [str(autoUpdates.wuauservStartType), str(autoUpdates.usoSvcStartType)];
  if (types.some((t) => t !== null && /^disabled$/i.test(t))) return false;
  return types[0] !== null ? true : null;
}

/**
 * The newest evidence that Windows Update ran, and where it was read. Absent fields when neither
 * section could be read (not read); `lastRunAt: null` when they were read and hold no run.
 */
export function windowsUpdateRuns(
  autoUpdates: JsonObject | null,
  history: JsonObject | null,
): UpdateRunFacts {
  const out: { lastRunAt?: string | null; lastRunSource?: string | null; schedulerRunning?: boolean | null } =
    {};
  out.schedulerRunning = windowsSchedulerRunning(autoUpdates);
  const results = obj(autoUpdates?.results);
  const candidates: { date: string | null; source: string }[] = [
    {
      date: runDate(results?.lastSearchSuccessDate),
      source: 'Microsoft.Update.AutoUpdate.Results.LastSearchSuccessDate',
    },
    {
      date: runDate(results?.lastInstallationSuccessDate),
      source: 'Microsoft.Update.AutoUpdate.Results.LastInstallationSuccessDate',
    },
    { date: history ? newestInstall(history) : null, source: 'Windows Update Agent (QueryHistory)' },
  ];
  if (!results && !history) return out;
  const found = candidates
    .filter((c): c is { date: string; source: string } => c.date !== null)
    .sort((a, b) => b.date.localeCompare(a.date));
  out.lastRunAt = found[0]?.date ?? null;
  out.lastRunSource = found[0]?.source ?? null;
  return out;
}
