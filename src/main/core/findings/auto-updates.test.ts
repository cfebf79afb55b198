/** Auto-updates judged on what happens (evidence of runs, a scheduler that runs), not on settings alone. */
import { describe, expect, it } from 'vitest';
import type { AutoUpdateFacts } from '../../../shared/facts';
import { autoUpdatesFinding } from './auto-updates';
import { localizeFindings } from './localize';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number): string => new Date(now.getTime() - n * 86_400_000).toISOString();
const on: AutoUpdateFacts = {
  enabled: true,
  mechanism: 'unattended-upgrades',
  installed: true,
  managed: false,
  settings: [],
  schedulerRunning: true,
};
const fr = (facts: AutoUpdateFacts) => localizeFindings([autoUpdatesFinding(facts, now)], 'fr')[0]!;

describe('auto-updates: effective, not configured', () => {
  it('settings on and a run 2 days ago: ok', () => {
    expect(autoUpdatesFinding({ ...on, lastRunAt: daysAgo(2) }, now)).toMatchObject({
      state: 'ok',
      key: 'autoUpdates.on',
    });
  });
  it('settings on, last run 20 days ago: attention « réglées, mais elles ne se lancent pas », with the date', () => {
    const f = fr({
      ...on,
      lastRunAt: '2026-11-02T06:10:00Z',
      lastRunSource: '/var/log/unattended-upgrades/unattended-upgrades.log',
    });
    expect(f).toMatchObject({ state: 'attention', key: 'truth:autoUpdates.stopped' });
    expect(f.title).toBe('Mises à jour automatiques réglées, mais elles ne se lancent pas');
    expect(f.detail).toContain('2 novembre 2026');
    expect(f.detail).toContain('20 jours');
  });
  it('last run more than 90 days ago: danger', () => {
    expect(autoUpdatesFinding({ ...on, lastRunAt: daysAgo(120) }, now)).toMatchObject({
      state: 'danger',
      key: 'truth:autoUpdates.stoppedLong',
    });
  });
  it('the scheduler does not run: never ok, even with a recent run', () => {
    const f = fr({ ...on, lastRunAt: daysAgo(1), schedulerRunning: false });
    expect(f.state).toBe('attention');
    expect(f.title).toBe('Mises à jour automatiques réglées, mais rien ne les lance');
  });
  it('no trace of any run: attention; evidence not read at all: unknown, never ok', () => {
    expect(autoUpdatesFinding({ ...on, lastRunAt: null }, now)).toMatchObject({
      state: 'attention',
      key: 'truth:autoUpdates.noEvidence',
    });
    const unread = autoUpdatesFinding({ ...on }, now);
    expect(unread).toMatchObject({
      state: 'unknown',
      key: 'truth:autoUpdates.unverified',
      fix: 'contact-provider',
    });
    expect(unread.reason).toMatch(/aucune trace/);
  });
  it('the new texts exist in English too', () => {
    const en = localizeFindings([autoUpdatesFinding({ ...on, lastRunAt: daysAgo(20) }, now)], 'en')[0]!;
    expect(en.title).toBe('Automatic updates are set, but they do not run');
  });
});

describe('truth texts', () => {
  it('every truth: key the rules use has a title, a detail and an action in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const { resources } = await import('../../../shared/i18n');
    const source = ['auto-updates.ts', 'consistency.ts']
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\n');
    const keys = [...new Set([...source.matchAll(/'truth:([\w.]+)'/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThanOrEqual(6);
    for (const lang of ['fr', 'en'] as const) {
      for (const key of keys) {
        const node = key
          .split('.')
          .reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], resources[lang].truth) as Record<
          string,
          string
        >;
        for (const part of ['title', 'detail', 'action'])
          expect(node?.[part], `${lang} truth:${key}.${part}`).toBeTypeOf('string');
      }
    }
  });
});
