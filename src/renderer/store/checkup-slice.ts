/** The contrôle technique: running it with progress, and the latest report. */
import type { CheckupProgress, CheckupReport, Finding } from '../../shared/checkup';
import type { RevisionApi } from '../../shared/ipc';
import type { Lang } from '../../shared/i18n';
import { errorMessage, type SliceCreator } from './types';

/** Checkup state and actions. */
export interface CheckupSlice {
  report: CheckupReport | null;
  running: boolean;
  /** The last progress event of the running checkup. */
  progress: CheckupProgress | null;
  checkupError: string | null;
  runCheckup(lang: Lang): Promise<CheckupReport | null>;
  /** After a reload during a checkup: shows it running and waits for its report. */
  resumeCheckup(progress: CheckupProgress | null): Promise<void>;
  /** Replaces findings re-checked after a change (verification of a plan). */
  mergeFindings(findings: readonly Finding[]): void;
}

/** Creates the checkup slice over the API. */
export function createCheckupSlice(api: RevisionApi): SliceCreator<CheckupSlice> {
  return (set, get) => {
    /** Runs (or joins) the checkup, following its progress until the report comes. */
    const follow = async (lang: Lang, progress: CheckupProgress | null): Promise<CheckupReport | null> => {
      set({ running: true, progress, checkupError: null });
      const off = api.on('checkup:progress', (p) => set({ progress: p }));
      try {
        const report = await api.checkupRun({ lang });
        set({ report });
        return report;
      } catch (error) {
        set({ checkupError: errorMessage(error) });
        return null;
      } finally {
        off();
        set({ running: false });
      }
    };
    return {
      report: null,
      running: false,
      progress: null,
      checkupError: null,
      async runCheckup(lang) {
        if (get().running) return null;
        return follow(lang, null);
      },
      async resumeCheckup(progress) {
        if (get().running) return;
        // The core joins the running checkup: the same report comes back, with its progress meanwhile.
        const report = await follow(get().workspace?.settings.lang ?? 'fr', progress);
        if (report && get().workspace?.onboarded === false) await get().updateWorkspace({ onboarded: true });
      },
      mergeFindings(findings) {
        const report = get().report;
        if (!report || findings.length === 0) return;
        const byId = new Map(findings.map((f) => [f.id, f]));
        const merged = report.findings.map((f) => byId.get(f.id) ?? f);
        for (const f of findings) if (!report.findings.some((x) => x.id === f.id)) merged.push(f);
        const summary = { ok: 0, attention: 0, danger: 0, unknown: 0 };
        for (const f of merged) summary[f.state] += 1;
        set({ report: { ...report, findings: merged, summary } });
      },
    };
  };
}
