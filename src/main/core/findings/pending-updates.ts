/**
 * The pending-updates rule: every update counted, and never « aucune mise à jour en attente » when a
 * category was not searched (Windows drivers) or when the lists the count comes from are old (Linux).
 * Drivers are named apart (« dont 6 pilotes »); updates that will need a restart are said so.
 */
import type { MachineFacts } from '../../../shared/facts';
import type { FindingSpec } from './evaluate';

/** Package lists older than this many days may miss updates: the finding says the count may be low. */
export const LISTS_STALE_DAYS = 7;

/** The sentences (`findings:limits.pending.*`) that qualify a count: unsearched categories, old lists, restarts. */
function notes(facts: NonNullable<MachineFacts['pendingUpdates']>): string[] {
  const out: string[] = [];
  for (const category of facts.notSearched ?? [])
    out.push(category === 'drivers' ? 'pending.driversNotSearched' : 'pending.categoryNotSearched');
  if (typeof facts.listsAgeDays === 'number' && facts.listsAgeDays > LISTS_STALE_DAYS)
    out.push('pending.listsOld');
  if (facts.items.some((i) => i.restartRequired === true)) out.push('pending.restart');
  return out;
}

/** The pending-updates finding. */
export function pendingUpdatesFinding(facts: NonNullable<MachineFacts['pendingUpdates']>): FindingSpec {
  const id = 'pending-updates';
  const limits = notes(facts).join('|');
  const notSearched = facts.notSearched ?? [];
  const listsOld = typeof facts.listsAgeDays === 'number' && facts.listsAgeDays > LISTS_STALE_DAYS;
  if (facts.total === 0) {
    if (notSearched.length > 0) {
      return {
        id,
        state: 'unknown',
        key: 'pendingUpdates.partial',
        params: { what: id, limits },
        fix: 'contact-provider',
        reason: `catégories non cherchées : ${notSearched.join(', ')}`,
      };
    }
    if (listsOld)
      return {
        id,
        state: 'attention',
        key: 'pendingUpdates.noneListsOld',
        params: { days: facts.listsAgeDays ?? 0, limits },
        fix: 'guide',
      };
    return { id, state: 'ok', key: 'pendingUpdates.none', params: {}, fix: 'none' };
  }
  const base = { count: facts.total, limits };
  if (typeof facts.drivers === 'number' && facts.drivers > 0) {
    return {
      id,
      state: 'attention',
      key: 'pendingUpdates.withDrivers',
      params: { ...base, drivers: facts.drivers, security: facts.security ?? 0 },
      fix: 'guide',
    };
  }
  if (facts.security === null)
    return { id, state: 'attention', key: 'pendingUpdates.some', params: base, fix: 'guide' };
  if (facts.security > 0)
    return {
      id,
      state: 'attention',
      key: 'pendingUpdates.security',
      params: { ...base, security: facts.security },
      fix: 'guide',
    };
  return { id, state: 'attention', key: 'pendingUpdates.noSecurity', params: base, fix: 'guide' };
}
