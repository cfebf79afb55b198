/**
 * The findings must agree with each other: a pure rule over a checkup's findings, applied after
 * every rule has judged its own facts. Today one case: a machine with no update installed for
 * more than 90 days cannot show automatic updates as working.
 */
import { THRESHOLDS, type FindingSpec } from './evaluate';

/** Whether the last-update finding says nothing was installed for longer than the danger threshold. */
function daysWithoutUpdate(lastUpdate: FindingSpec | undefined): number | null {
  if (!lastUpdate || lastUpdate.state !== 'danger') return null;
  const days = lastUpdate.params.days;
  return typeof days === 'number' && days > THRESHOLDS.lastUpdateDangerDays ? days : null;
}

/** The auto-updates finding rewritten when it contradicts the last-update finding; unchanged otherwise. */
function reconcileAutoUpdates(auto: FindingSpec, lastUpdate: FindingSpec | undefined): FindingSpec {
  const days = daysWithoutUpdate(lastUpdate);
  if (days === null || auto.state === 'danger') return auto;
  // Settings off or unreadable already say « not working »; only a reading that claims or implies they run is contradicted.
  if (auto.state !== 'ok' && auto.state !== 'attention' && auto.state !== 'unknown') return auto;
  if (auto.key === 'autoUpdates.off' || auto.key === 'autoUpdates.notInstalled') return auto;
  const mechanism = auto.params.mechanism ?? '';
  const date = lastUpdate?.params.date ?? '';
  const fix = auto.fix === 'none' ? 'guide' : auto.fix;
  return {
    id: auto.id,
    state: 'danger',
    key: 'truth:autoUpdates.contradicted',
    params: { mechanism, days, date, limits: auto.params.limits ?? '' },
    fix,
  };
}

/** Makes a checkup's findings agree with each other (pure; order and ids unchanged). */
export function reconcileFindings(specs: readonly FindingSpec[]): FindingSpec[] {
  const lastUpdate = specs.find((s) => s.id === 'last-update');
  return specs.map((s) => (s.id === 'auto-updates' ? reconcileAutoUpdates(s, lastUpdate) : s));
}
