/**
 * The findings never contradict each other: every combination of the auto-updates state
 * (settings, managed, evidence of the last run, scheduler) × the age of the last installed
 * update goes through the real rules, and no checkup may say « auto-updates ok » next to
 * « no update for more than 90 days », nor ok without a recent run and a running scheduler.
 */
import { describe, expect, it } from 'vitest';
import type { AutoUpdateFacts, MachineFacts } from '../../../shared/facts';
import { AUTO_RUN_ATTENTION_DAYS } from './auto-updates';
import { reconcileFindings } from './consistency';
import { THRESHOLDS, daysSince, evaluateFindings, type FindingSpec } from './evaluate';
import { localizeFindings } from './localize';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number): string => new Date(now.getTime() - n * 86_400_000).toISOString();

const enabledStates = [true, false, null] as const;
const managedStates = [false, true] as const;
const runAges = [undefined, null, 1, 20, 120] as const;
const schedulers = [true, false, null, undefined] as const;
const lastUpdateAges = [null, 2, 45, 91, 1201] as const;

function autoFacts(
  enabled: boolean | null,
  managed: boolean,
  run: (typeof runAges)[number],
  scheduler: (typeof schedulers)[number],
): AutoUpdateFacts {
  const facts: AutoUpdateFacts = {
    enabled,
    mechanism: 'windows-update',
    installed: true,
    managed,
    settings: [],
  };
  return {
    ...facts,
    ...(run === undefined ? {} : { lastRunAt: run === null ? null : daysAgo(run) }),
    ...(scheduler === undefined ? {} : { schedulerRunning: scheduler }),
  };
}

function byId(specs: readonly FindingSpec[], id: string): FindingSpec {
  return specs.find((s) => s.id === id)!;
}

describe('findings agree with each other', () => {
  it('every combination of auto-updates state × last-update age: no contradiction', () => {
    let combinations = 0;
    for (const enabled of enabledStates)
      for (const managed of managedStates)
        for (const run of runAges)
          for (const scheduler of schedulers)
            for (const age of lastUpdateAges) {
              const facts: MachineFacts = {
                autoUpdates: autoFacts(enabled, managed, run, scheduler),
                lastUpdate: {
                  lastInstalledAt: age === null ? null : daysAgo(age),
                  source: 'test',
                  history: [],
                },
              };
              const specs = evaluateFindings({ facts, failures: {}, now, platform: 'win32' });
              const auto = byId(specs, 'auto-updates');
              const last = byId(specs, 'last-update');
              const label = JSON.stringify({
                enabled,
                managed,
                run,
                scheduler,
                age,
                auto: auto.key,
                last: last.key,
              });
              combinations += 1;
              // The rule of the issue: no update for more than 90 days ⇒ auto-updates cannot be ok (nor merely attention).
              if (last.state === 'danger') expect(auto.state, label).toBe('danger');
              if (auto.state === 'ok') {
                expect(enabled, label).toBe(true);
                expect(scheduler, label).not.toBe(false);
                const ran = daysSince(auto.params.date as string, now);
                expect(ran !== null && ran <= AUTO_RUN_ATTENTION_DAYS, label).toBe(true);
                expect(age === null || age <= THRESHOLDS.lastUpdateDangerDays, label).toBe(true);
              }
              // Every finding still has its texts in both languages.
              for (const lang of ['fr', 'en'] as const)
                expect(localizeFindings([auto], lang)[0]!.title, label).not.toMatch(/^truth:|^findings:/);
            }
    expect(combinations).toBe(3 * 2 * 5 * 4 * 5);
  });

  it('the Windows 10 Home case of the issue: « activées » beside « aucune mise à jour depuis 1201 jours » becomes one red voyant that says why', () => {
    const specs = reconcileFindings([
      {
        id: 'auto-updates',
        state: 'ok',
        key: 'autoUpdates.on',
        params: { mechanism: 'windows-update', limits: '' },
        fix: 'none',
      },
      {
        id: 'last-update',
        state: 'danger',
        key: 'lastUpdate.danger',
        params: { date: '2023-07-10T10:00:00Z', days: 1201 },
        fix: 'guide',
      },
    ]);
    const auto = localizeFindings([byId(specs, 'auto-updates')], 'fr')[0]!;
    expect(auto).toMatchObject({ state: 'danger', key: 'truth:autoUpdates.contradicted', fix: 'guide' });
    expect(auto.title).toBe('Les mises à jour automatiques ne fonctionnent pas');
    expect(auto.detail).toContain('1201 jours');
    expect(auto.detail).toContain('Windows Update');
  });

  it('settings off stay « désactivées » (with their one-click fix) even when nothing was installed for long', () => {
    const off: FindingSpec = {
      id: 'auto-updates',
      state: 'danger',
      key: 'autoUpdates.off',
      params: { mechanism: 'x' },
      fix: 'enable-auto-updates',
    };
    const old: FindingSpec = {
      id: 'last-update',
      state: 'danger',
      key: 'lastUpdate.danger',
      params: { days: 400, date: '2025-10-01' },
      fix: 'guide',
    };
    expect(reconcileFindings([off, old])[0]).toBe(off);
  });
});
