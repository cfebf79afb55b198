/**
 * The carnet's words: French and English have the same keys and the same placeholders, nothing
 * is empty, and the owner's pages stay free of jargon (only the prestataire's annex may use it).
 */
import { describe, expect, it } from 'vitest';
import fr from '../../../shared/locales/fr/report.json';
import en from '../../../shared/locales/en/report.json';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('report.json (fr, en)', () => {
  const f = flatten(fr);
  const e = flatten(en);

  it('has the same keys and the same placeholders in both languages, none empty', () => {
    expect(Object.keys(e).sort()).toEqual(Object.keys(f).sort());
    for (const key of Object.keys(f)) {
      expect(f[key]!.trim(), key).not.toBe('');
      expect(e[key]!.trim(), key).not.toBe('');
      expect(placeholders(e[key]!), key).toEqual(placeholders(f[key]!));
    }
  });

  it('keeps technical words out of the owner’s pages', () => {
    for (const [key, text] of Object.entries({
      ...f,
      ...Object.fromEntries(Object.entries(e).map(([k, v]) => [`en.${k}`, v])),
    })) {
      if (key.startsWith('annex.') || key.startsWith('en.annex.') || key.includes('cli.')) continue;
      expect(text, key).not.toMatch(/\b(registre|registry|CVE|patch\w*|apt-get|systemd|dpkg)\b/i);
    }
  });

  it('French uses French typography: a space before « : » and guillemets, never straight quotes', () => {
    for (const [key, text] of Object.entries(f)) {
      expect(text, key).not.toMatch(/\S:(\s|$)/);
      expect(text, key).not.toMatch(/"/);
    }
  });
});
