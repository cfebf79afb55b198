/**
 * Plurals are written by i18next's plural rules (`key_one` / `key_other`), never as « tâche(s) »:
 * an owner reads « 1 non vérifié » and « 2 non vérifiés », in French and in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getT } from '../../src/main/core/i18n';

const LOCALES = join(import.meta.dirname, '../../src/shared/locales');

function strings(value: unknown, prefix: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([prefix, value]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${prefix}.${k}`, out);
  return out;
}

describe('plurals', () => {
  it('no text in any namespace writes a plural as « (s) » or « (x) »', () => {
    for (const lang of ['fr', 'en']) {
      for (const file of readdirSync(join(LOCALES, lang))) {
        const all = strings(
          JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')),
          `${lang}/${file}`,
          [],
        );
        for (const [key, text] of all) expect(text, key).not.toMatch(/\p{L}\((s|x|es)\)/u);
      }
    }
  });

  it('counts agree with their noun in French and English', () => {
    const fr = getT('fr');
    const en = getT('en');
    expect(fr('cli:checkup.unknownCount', { count: 1 })).toBe('1 non vérifié');
    expect(fr('cli:checkup.unknownCount', { count: 2 })).toBe('2 non vérifiés');
    expect(fr('cli:checkup.unknownCount', { count: 0 })).toBe('0 non vérifié');
    expect(fr('programUpdates:summary.someLeft', { count: 3, left: 1 })).toBe(
      '3 logiciels mis à jour, 1 à reprendre.',
    );
    expect(fr('programUpdates:summary.someLeft', { count: 1, left: 2 })).toBe(
      '1 logiciel mis à jour, 2 à reprendre.',
    );
    expect(en('programUpdates:summary.someLeft', { count: 1, left: 2 })).toBe(
      '1 program updated, 2 to take up again.',
    );
    expect(en('programUpdates:summary.someLeft', { count: 0, left: 2 })).toBe(
      '0 programs updated, 2 to take up again.',
    );
  });
});
