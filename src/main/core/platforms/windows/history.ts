/** Update history and pending restart from the `history` and `reboot` sections. */
import type { LastUpdateFacts, RebootFacts, UpdateHistoryEntry } from '../../../../shared/facts';
import { DEFINITION_UPDATES_CATEGORY, arr, bool, isoDate, num, obj, str, type JsonObject } from './common';

/** KB articles of Defender signature packages, for history entries without categories. */
const DEFINITION_KBS = /\bKB(2267602|2461484|915597|4052623)\b/i;

function isDefinitionUpdate(entry: JsonObject): boolean {
  const cats = arr(entry.categoryIds).map((c) => String(c).toLowerCase());
  if (cats.includes(DEFINITION_UPDATES_CATEGORY)) return true;
  return DEFINITION_KBS.test(String(entry.title ?? ''));
}

/** Last installed update and history from the `history` section (Windows Update Agent QueryHistory). */
export function windowsLastUpdateFacts(section: JsonObject): LastUpdateFacts {
  const history: (UpdateHistoryEntry & { t: number })[] = [];
  for (const raw of arr(section.entries)) {
    const e = obj(raw);
    if (!e || isDefinitionUpdate(e)) continue;
    const date = isoDate(e.date);
    if (!date) continue;
    const op = num(e.operation);
    if (op !== null && op !== 1) continue; // 2 = uninstallation
    const code = num(e.resultCode);
    const result: UpdateHistoryEntry['result'] =
      code === 2 || code === 3 ? 'succeeded' : code === 4 || code === 5 ? 'failed' : 'other';
    history.push({ date, title: str(e.title) ?? '', result, t: Date.parse(date) });
  }
  history.sort((a, b) => b.t - a.t);
  let last = history.find((h) => h.result === 'succeeded')?.date ?? null;
  let source = 'Windows Update Agent (QueryHistory)';
  if (!last) {
    // Fallback only: Get-HotFix misses updates, but a date there is better than none.
    const dates = arr(section.hotfixes)
      .map((h) => isoDate(obj(h)?.installedOn))
      .filter((d): d is string => d !== null)
      .sort();
    if (dates.length > 0) {
      last = dates.at(-1) ?? null;
      source = 'Get-HotFix (Win32_QuickFixEngineering)';
    }
  }
  return {
    lastInstalledAt: last,
    source,
    history: history.slice(0, 30).map(({ t: _t, ...h }) => h),
  };
}

/**
 * Pending restart from the `reboot` section. PendingFileRenameOperations alone is a weak signal (other
 * software sets it): it still marks a restart as required, but only with weak signals, so the finding
 * says "peut-être" and never more than attention.
 */
export function windowsRebootFacts(section: JsonObject): RebootFacts {
  const cbs = bool(section.cbsRebootPending) === true;
  const wu = bool(section.wuRebootRequired) === true;
  const agent = bool(section.agentRebootRequired);
  const pfro = bool(section.pendingFileRenameOperations) === true;
  const signals = [
    { name: 'Component Based Servicing\\RebootPending', present: cbs, weak: false },
    { name: 'WindowsUpdate\\Auto Update\\RebootRequired', present: wu, weak: false },
    { name: 'Microsoft.Update.SystemInfo.RebootRequired', present: agent === true, weak: false },
    { name: 'Session Manager\\PendingFileRenameOperations', present: pfro, weak: true },
  ];
  return { required: cbs || wu || agent === true || pfro, signals };
}
