/**
 * The auto-updates finding, judged on what actually happens, not on what a setting says:
 * settings on is `ok` only with recent evidence that the mechanism ran (`lastRunAt`) and a
 * scheduler that is running. Texts for the new cases live in the `truth` namespace.
 */
import type { MachineFacts } from '../../../shared/facts';
import { daysSince, type FindingSpec } from './evaluate';

/** Settings on but no run for more than this many days: « réglées, mais elles ne se lancent pas ». */
export const AUTO_RUN_ATTENTION_DAYS = 14;
/** No run for more than this many days: danger (same as the last-update danger threshold). */
export const AUTO_RUN_DANGER_DAYS = 90;

type AutoUpdateFacts = NonNullable<MachineFacts['autoUpdates']>;

function make(
  state: FindingSpec['state'],
  key: string,
  params: FindingSpec['params'],
  fix: FindingSpec['fix'],
): FindingSpec {
  return { id: 'auto-updates', state, key, params, fix };
}

/** Settings say « on »: is there evidence that updates run? */
function judgeEffective(facts: AutoUpdateFacts, params: FindingSpec['params'], now: Date): FindingSpec {
  const fixLate = facts.managed ? 'contact-provider' : 'guide';
  const withRun = { ...params, date: facts.lastRunAt ?? '', source: facts.lastRunSource ?? '' };
  const age = daysSince(facts.lastRunAt, now);
  if (age !== null && age > AUTO_RUN_DANGER_DAYS)
    return make('danger', 'truth:autoUpdates.stoppedLong', { ...withRun, days: age }, fixLate);
  if (age !== null && age > AUTO_RUN_ATTENTION_DAYS)
    return make('attention', 'truth:autoUpdates.stopped', { ...withRun, days: age }, fixLate);
  if (facts.schedulerRunning === false) {
    // The text says it already: the « no systemd » limit would repeat it.
    const limits = (facts.limits ?? []).filter((l) => l !== 'noSystemd').join('|');
    return make('attention', 'truth:autoUpdates.noScheduler', { ...params, limits }, 'contact-provider');
  }
  if (facts.lastRunAt === null) return make('attention', 'truth:autoUpdates.noEvidence', params, fixLate);
  if (facts.lastRunAt === undefined || age === null) {
    return {
      ...make(
        'unknown',
        'truth:autoUpdates.unverified',
        { ...params, what: 'auto-updates' },
        'contact-provider',
      ),
      reason: 'réglages actifs, mais aucune trace d’exécution lue (date de dernière exécution non lue)',
    };
  }
  const ok = facts.managed ? 'autoUpdates.managedOn' : 'autoUpdates.on';
  return make('ok', ok, { ...withRun, days: Math.max(0, age) }, 'none');
}

/** The auto-updates finding: effective, not configured. */
export function autoUpdatesFinding(facts: AutoUpdateFacts, now: Date): FindingSpec {
  const params = { mechanism: facts.mechanism, limits: (facts.limits ?? []).join('|') };
  if (facts.enabled === true) return judgeEffective(facts, params, now);
  if (facts.managed) return make('attention', 'autoUpdates.managedOff', params, 'contact-provider');
  if (facts.enabled === false) {
    return make(
      'danger',
      facts.installed === false ? 'autoUpdates.notInstalled' : 'autoUpdates.off',
      params,
      'enable-auto-updates',
    );
  }
  return {
    ...make('unknown', 'autoUpdates.unknown', { ...params, what: 'auto-updates' }, 'contact-provider'),
    reason: `limites : ${params.limits || 'aucune précisée'}`,
  };
}

/** How an auto-updates finding reads after a change: running, set but not yet seen running, set but not effective, or other. */
export function settingsReading(
  finding: { readonly key: string } | undefined,
): 'effective' | 'awaiting-run' | 'not-effective' | 'other' {
  const key = finding?.key ?? '';
  if (key === 'autoUpdates.on' || key === 'autoUpdates.managedOn') return 'effective';
  if (key === 'truth:autoUpdates.noEvidence' || key === 'truth:autoUpdates.unverified') return 'awaiting-run';
  if (/^truth:autoUpdates\.(stopped|stoppedLong|noScheduler|contradicted)$/.test(key)) return 'not-effective';
  return 'other';
}
