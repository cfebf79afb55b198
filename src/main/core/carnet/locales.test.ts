import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}

/** Source files of issue 14 that use the `carnet` namespace. */
const root = resolve(import.meta.dirname, '../../..');
const dirs = [
  'main/core/carnet',
  'main/core/schedule',
  'main/core/calendar',
  'main/core/report',
  'main/background',
  'main/cli/commands',
  'renderer/features/journal',
];
const sources = dirs.flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
    .map((f) => readFileSync(join(root, d, f), 'utf8')),
);

describe('the words of the register, the watch and the calendar', () => {
  it('French and English have the same keys', () => {
    expect(leaves(resources.en.carnet as Tree).sort()).toEqual(leaves(resources.fr.carnet as Tree).sort());
  });

  it('every literal carnet key the code uses exists (plural keys by their _one/_other forms)', () => {
    const keys = leaves(resources.fr.carnet as Tree).map((k) => k.replace(/_(one|other)$/, ''));
    const used = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/t\('carnet:([\w.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/key: '(history\.\w+)'/g)) used.add(m[1]!);
    }
    const known = new Set([...keys, ...leaves(resources.fr.report as Tree)]);
    const missing = [...used].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
