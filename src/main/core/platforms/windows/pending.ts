/** Pending updates from the Windows Update search script. */
import type { PendingUpdate, PendingUpdatesFacts } from '../../../../shared/facts';
import {
  DEFINITION_UPDATES_CATEGORY,
  SECURITY_UPDATES_CATEGORY,
  arr,
  num,
  obj,
  scriptJson,
  str,
} from './common';

/** Windows Update classification "Drivers" (WSUS classification id). */
export const DRIVERS_CATEGORY = 'ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0';

/** WUA UpdateType: 1 software, 2 driver. */
const UPDATE_TYPE_DRIVER = 2;

/**
 * The categories the search did NOT cover. The script echoes the update types it searched (`searched`);
 * an output without it comes from a software-only search (script version 1), which never looked for drivers.
 */
function notSearchedOf(doc: Readonly<Record<string, unknown>>): string[] {
  const searched = arr(doc.searched).map((t) => String(t).toLowerCase());
  return searched.includes('driver') ? [] : ['drivers'];
}

/** The WUA search result could not be used (garbage, or the agent reported a failure). */
export class WuaSearchError extends Error {
  override readonly name = 'WuaSearchError';
}

/** Pending updates from the WUA search script's stdout. Never "0 updates" from an output it cannot read. */
export function parseWuaSearchOutput(stdout: string): PendingUpdatesFacts {
  const value = scriptJson(stdout, (reason) =>
    reason === 'empty'
      ? new WuaSearchError('la recherche de mises à jour n’a rien renvoyé')
      : new WuaSearchError('réponse de la recherche de mises à jour illisible (JSON invalide ou tronqué)'),
  );
  const doc = obj(value);
  const code = num(doc?.resultCode);
  if (!doc || code === null) throw new WuaSearchError('réponse de la recherche de mises à jour inattendue');
  // OperationResultCode: 2 succeeded, 3 succeeded with errors; 4 failed, 5 aborted.
  if (code !== 2 && code !== 3)
    throw new WuaSearchError(`la recherche de mises à jour a échoué (code ${code})`);
  const items: PendingUpdate[] = [];
  let drivers = 0;
  for (const raw of arr(doc.updates)) {
    const u = obj(raw);
    if (!u) continue;
    const cats = arr(u.categories).map((c) => String(obj(c)?.id ?? '').toLowerCase());
    if (cats.includes(DEFINITION_UPDATES_CATEGORY)) continue; // signatures: the antivirus line covers them
    if (num(u.type) === UPDATE_TYPE_DRIVER || cats.includes(DRIVERS_CATEGORY)) drivers += 1;
    const kb = arr(u.kb).map(String).filter(Boolean);
    items.push({
      name: str(u.title) ?? (kb[0] ? `KB${kb[0]}` : 'mise à jour'),
      version: kb[0] ? `KB${kb[0]}` : null,
      security: str(u.msrcSeverity) !== null || cats.includes(SECURITY_UPDATES_CATEGORY),
      restartRequired: (num(u.rebootBehavior) ?? 0) !== 0,
    });
  }
  const notSearched = notSearchedOf(doc);
  return {
    total: items.length,
    security: items.filter((i) => i.security).length,
    items,
    source: 'Windows Update Agent (Search)',
    // Drivers not searched: their number is not known, not zero.
    drivers: notSearched.includes('drivers') ? null : drivers,
    notSearched,
  };
}
