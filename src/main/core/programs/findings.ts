/**
 * The three program findings: `applications-outdated`, `applications-end-of-life`,
 * `applications-exploited`. Pure functions of the programs report. « Visé par des attaques »
 * alone is advice (ok or attention), `danger` only together with an update waiting or an end of life.
 */
import type { ProgramView, ProgramsReport } from '../../../shared/programs';
import type { FindingSpec } from '../findings/evaluate';

/** How many programs a finding names before « et N autres ». */
export const NAMED_PROGRAMS = 5;

/** The first programs by name, then « (+N) » for the rest (language-neutral, so the texts need no plural inside a list). */
function named(
  list: readonly ProgramView[],
  withVersion: (p: ProgramView) => string,
): { programs: string; more: number } {
  const more = Math.max(0, list.length - NAMED_PROGRAMS);
  const programs = list.slice(0, NAMED_PROGRAMS).map(withVersion).join(', ');
  return { programs: more > 0 ? `${programs} (+${more})` : programs, more };
}

const nameAndVersion = (p: ProgramView): string => (p.version ? `${p.name} ${p.version}` : p.name);

/** Programs with a newer version waiting. */
export function outdatedFinding(report: ProgramsReport): FindingSpec {
  const id = 'applications-outdated';
  const outdated = report.programs.filter((p) => p.status === 'outdated');
  const unknown = report.programs.filter((p) => p.status === 'unknown').length;
  const checked = report.programs.filter((p) => p.status === 'current').length;
  if (outdated.length > 0) {
    const exploited = outdated.some((p) => p.exploited);
    const list = named(outdated, (p) =>
      p.latestVersion ? `${nameAndVersion(p)} → ${p.latestVersion}` : nameAndVersion(p),
    );
    return {
      id,
      state: exploited ? 'danger' : 'attention',
      key: exploited ? 'applications.outdated.exploited' : 'applications.outdated.some',
      params: { count: outdated.length, ...list, unknown },
      fix: 'guide',
    };
  }
  if (report.programs.length === 0) {
    return {
      id,
      state: 'ok',
      key: 'applications.outdated.noPrograms',
      params: { system: report.systemComponents },
      fix: 'none',
    };
  }
  if (checked === 0) {
    return {
      id,
      state: 'unknown',
      key: 'applications.outdated.unknown',
      params: { what: id, count: unknown },
      fix: 'contact-provider',
      reason: `aucune source de mises à jour n'a permis de comparer les ${unknown} programmes`,
    };
  }
  return {
    id,
    state: 'ok',
    key: unknown > 0 ? 'applications.outdated.noneSomeUnknown' : 'applications.outdated.none',
    params: { count: checked, unknown },
    fix: 'none',
  };
}

/** Programs whose publisher no longer maintains the installed release. */
export function endOfLifeFinding(report: ProgramsReport): FindingSpec {
  const id = 'applications-end-of-life';
  const ended = report.programs.filter((p) => p.status === 'end-of-life');
  if (ended.length === 0)
    return {
      id,
      state: 'ok',
      key: 'applications.endOfLife.none',
      params: { date: report.data.endOfLife },
      fix: 'none',
    };
  const list = named(ended, (p) => `${nameAndVersion(p)}${p.endOfLife ? ` (${p.endOfLife})` : ''}`);
  return {
    id,
    state: 'danger',
    key: 'applications.endOfLife.some',
    params: { count: ended.length, ...list },
    fix: 'guide',
  };
}

/** Programs whose flaws attackers have exploited (KEV): danger only with an update waiting or an end of life. */
export function exploitedFinding(report: ProgramsReport): FindingSpec {
  const id = 'applications-exploited';
  const targeted = report.programs.filter((p) => p.exploited);
  if (targeted.length === 0)
    return {
      id,
      state: 'ok',
      key: 'applications.exploited.none',
      params: { date: report.data.exploited },
      fix: 'none',
    };
  const exposed = targeted.filter((p) => p.status === 'outdated' || p.status === 'end-of-life');
  const unverified = targeted.filter((p) => p.status === 'unknown');
  // The date said is the newest flaw among the programs named, not among all of them.
  const last = (list: readonly ProgramView[]): string =>
    list
      .map((p) => p.exploited!.lastAdded)
      .sort()
      .at(-1) ?? '';
  if (exposed.length > 0)
    return {
      id,
      state: 'danger',
      key: 'applications.exploited.exposed',
      params: { count: exposed.length, ...named(exposed, nameAndVersion), date: last(exposed) },
      fix: 'guide',
    };
  if (unverified.length > 0)
    return {
      id,
      state: 'attention',
      key: 'applications.exploited.unverified',
      params: { count: unverified.length, ...named(unverified, nameAndVersion), date: last(unverified) },
      fix: 'guide',
    };
  return {
    id,
    state: 'ok',
    key: 'applications.exploited.current',
    params: { count: targeted.length, ...named(targeted, (p) => p.name), date: last(targeted) },
    fix: 'none',
  };
}
