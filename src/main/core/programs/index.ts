/**
 * Programs, not just the system (issue 12): the capability's API object. Assessing is pure
 * (assess.ts); this module brings the bundled data and memoises per checkup, so the three
 * findings, the report and the screen share one assessment.
 */
import type { MachineFacts } from '../../../shared/facts';
import type { ProgramsReport } from '../../../shared/programs';
import type { Rule } from '../findings/rules';
import { loadEolData, type EolData } from '../knowledge/eol';
import { loadKevData, type KevData } from '../knowledge/kev';
import { assessPrograms } from './assess';
import { endOfLifeFinding, exploitedFinding, outdatedFinding } from './findings';

export { assessPrograms } from './assess';
export { matchProgram } from './match';

/** The data sets programs are judged against. */
export interface ProgramsData {
  readonly eol: EolData;
  readonly kev: KevData;
}

/** The programs part of the service. */
export interface ProgramsApi {
  /** The user-facing programs of a checkup's facts, with their voyants. */
  assess(facts: MachineFacts, now: Date): ProgramsReport;
}

/** Creates the programs API over data sets (default: the bundled snapshots). */
export function createProgramsApi(data: () => ProgramsData = bundledData): ProgramsApi {
  const memo = new WeakMap<object, { at: number; report: ProgramsReport }>();
  return {
    assess(facts, now) {
      const key = facts;
      const known = memo.get(key);
      if (known && known.at === now.getTime()) return known.report;
      const report = assessPrograms({ facts, now, ...data() });
      memo.set(key, { at: now.getTime(), report });
      return report;
    },
  };
}

/** The snapshots shipped with the app. */
export function bundledData(): ProgramsData {
  return { eol: loadEolData(), kev: loadKevData() };
}

const shared = createProgramsApi();

/** The programs report of a checkup (bundled data), shared by the findings and the report. */
export function programsOf(facts: MachineFacts, now: Date): ProgramsReport {
  return shared.assess(facts, now);
}

/** Like programsOf, but undefined when the data cannot be read (the findings then say `unknown`). */
export function programsOrNothing(facts: MachineFacts, now: Date): ProgramsReport | undefined {
  try {
    return programsOf(facts, now);
  } catch {
    return undefined;
  }
}

/** The three program rules, appended to the core rules. */
export const programRules: readonly Rule[] = [
  {
    id: 'applications-outdated',
    sections: ['inventory'],
    evaluate: ({ facts, now }) => outdatedFinding(programsOf(facts, now)),
  },
  {
    id: 'applications-end-of-life',
    sections: ['inventory'],
    evaluate: ({ facts, now }) => endOfLifeFinding(programsOf(facts, now)),
  },
  {
    id: 'applications-exploited',
    sections: ['inventory'],
    evaluate: ({ facts, now }) => exploitedFinding(programsOf(facts, now)),
  },
];
