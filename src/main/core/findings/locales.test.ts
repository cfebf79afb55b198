/** Every text the rules and probes can ask for exists in French and in English, with the same keys. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreFindingIds } from '../../../shared/checkup';
import { resources } from '../../../shared/i18n';
import { linuxProbes } from '../platforms/linux';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, path: string): Tree | string | undefined {
  return path.split('.').reduce<Tree | string | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), tree);
}

describe('owner-facing texts of the checkup', () => {
  for (const ns of ['findings', 'probes', 'common', 'cli', 'truth'] as const) {
    it(`${ns}: French and English have the same keys`, () => {
      expect(leaves(resources.en[ns] as Tree).sort()).toEqual(leaves(resources.fr[ns] as Tree).sort());
    });
  }

  it('every finding key the rules use has a title, a detail and an action in both languages', () => {
    // Every rule file of this folder (rules.ts and the rule modules split out of it).
    const ruleFiles = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const source = ruleFiles.map((f) => readFileSync(join(import.meta.dirname, f), 'utf8')).join('\n');
    const keys = new Set([...source.matchAll(/'((?:osSupport|autoUpdates|lastUpdate|pendingUpdates|reboot|antivirus|firewall)\.[\w.]+)'/g)].map((m) => m[1]!));
    expect(keys.size).toBeGreaterThan(30);
    for (const lang of ['fr', 'en'] as const) {
      for (const key of [...keys, ...['notFound', 'timeout', 'permission', 'notCaptured', 'failed'].map((k) => `unknown.${k}`)]) {
        const node = lookup(resources[lang].findings as Tree, key);
        expect(node, `${lang} findings:${key}`).toBeTypeOf('object');
        const entry = node as Tree;
        expect(entry.title ?? entry.title_other, `${lang} ${key}.title`).toBeTypeOf('string');
        expect(entry.detail, `${lang} ${key}.detail`).toBeTypeOf('string');
        expect(entry.action, `${lang} ${key}.action`).toBeTypeOf('string');
      }
      for (const id of coreFindingIds) expect(lookup(resources[lang].findings as Tree, `names.${id}`), `${lang} names.${id}`).toBeTypeOf('string');
      for (const probe of linuxProbes) expect(lookup(resources[lang].probes as Tree, probe.labelKey), `${lang} probes:${probe.labelKey}`).toBeTypeOf('string');
    }
  });

  it('owner texts stay free of technical jargon (registre, CVE, patch)', () => {
    for (const lang of ['fr', 'en'] as const) {
      const text = JSON.stringify(resources[lang].findings);
      expect(text).not.toMatch(/\b(registre|registry|CVE|patch)\b/i);
    }
  });
});
