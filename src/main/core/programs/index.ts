/**
 * Programs, not just the system (issue 12): the capability's API object. Assessing is pure
 * (assess.ts); this module brings the bundled data and memoises per checkup, so the three
 * findings, the report and the screen share one assessment.
 */
import type { MachineFacts, Platform } from '../../../shared/facts';
import { isRunError, type CommandSpec, type Host } from '../exec/host';
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
  /** Opens the OS's own page to uninstall programs; false when this system has none the app knows. */
  openUninstall(): Promise<{ opened: boolean }>;
}

/** Creates the programs API over data sets (default: the bundled snapshots) and the machine's Host. */
export function createProgramsApi(options: { host?: Host; data?: () => ProgramsData } = {}): ProgramsApi {
  const data = options.data ?? bundledData;
  const memo = new WeakMap<object, { at: number; report: ProgramsReport }>();
  return {
    async openUninstall() {
      const spec = options.host ? UNINSTALL_PAGES[options.host.platform] : undefined;
      if (!options.host || !spec) return { opened: false };
      try {
        await options.host.run(spec, { probe: 'programs' });
        return { opened: true };
      } catch (error) {
        if (isRunError(error) && error.kind === 'not-found') return { opened: false };
        throw error;
      }
    },
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

/**
 * The OS's own uninstall page: Windows Settings > Apps > Installed apps (explorer answers 1 even
 * when it worked), macOS System Settings > Storage (Applications), GNOME Software's installed list.
 */
export const UNINSTALL_PAGES: Readonly<Record<Platform, CommandSpec>> = {
  win32: {
    id: 'open-uninstall',
    file: 'explorer.exe',
    args: ['ms-settings:appsfeatures'],
    timeoutMs: 15_000,
    okExitCodes: [0, 1],
  },
  darwin: {
    id: 'open-uninstall',
    file: 'open',
    args: ['x-apple.systempreferences:com.apple.settings.Storage'],
    timeoutMs: 15_000,
  },
  linux: { id: 'open-uninstall', file: 'gnome-software', args: ['--mode=installed'], timeoutMs: 15_000 },
};

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
