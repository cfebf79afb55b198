/** Pending updates from the Windows Update search script. */
import type { PendingUpdate, PendingUpdatesFacts } from '../../../../shared/facts';
import { DEFINITION_UPDATES_CATEGORY, SECURITY_UPDATES_CATEGORY, arr, jsonOf, num, obj, str } from './common';

/** The WUA search result could not be used (garbage, or the agent reported a failure). */
export class WuaSearchError extends Error {
  override readonly name = 'WuaSearchError';
}

/** Pending updates from the WUA search script's stdout. Never "0 updates" from an output it cannot read. */
export function parseWuaSearchOutput(stdout: string): PendingUpdatesFacts {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new WuaSearchError('la recherche de mises à jour n’a rien renvoyé');
  let value: unknown;
  try {
    value = jsonOf(text);
  } catch {
    throw new WuaSearchError('réponse de la recherche de mises à jour illisible (JSON invalide ou tronqué)');
  }
  const doc = obj(value);
  const code = num(doc?.resultCode);
  if (!doc || code === null) throw new WuaSearchError('réponse de la recherche de mises à jour inattendue');
  // OperationResultCode: 2 succeeded, 3 succeeded with errors; 4 failed, 5 aborted.
  if (code !== 2 && code !== 3)
    throw new WuaSearchError(`la recherche de mises à jour a échoué (code ${code})`);
  const items: PendingUpdate[] = [];
  for (const raw of arr(doc.updates)) {
    const u = obj(raw);
    if (!u) continue;
    const cats = arr(u.categories).map((c) => String(obj(c)?.id ?? '').toLowerCase());
    if (cats.includes(DEFINITION_UPDATES_CATEGORY)) continue; // signatures: the antivirus line covers them
    const kb = arr(u.kb).map(String).filter(Boolean);
    items.push({
      name: str(u.title) ?? (kb[0] ? `KB${kb[0]}` : 'mise à jour'),
      version: kb[0] ? `KB${kb[0]}` : null,
      security: str(u.msrcSeverity) !== null || cats.includes(SECURITY_UPDATES_CATEGORY),
      restartRequired: (num(u.rebootBehavior) ?? 0) !== 0,
    });
  }
  return {
    total: items.length,
    security: items.filter((i) => i.security).length,
    items,
    source: 'Windows Update Agent (Search)',
  };
}
