/**
 * What every part of the core service shares (the Host, the workspace store, the clock, who acts),
 * in its own file so that capability modules (actions, report, carnet, schedule) never import
 * service.ts back.
 */
import type { CheckupProgress, CheckupReport } from '../../shared/checkup';
import type { Lang } from '../../shared/i18n';
import { dateTasksShownOk } from '../../shared/missions';
import { runCheckup } from './checkup/run-checkup';
import type { Probe } from './checkup/probe';
import type { Host } from './exec/host';
import { rememberCheckup } from './schedule/watch-state';
import type { WorkspaceStore } from './workspace/store';

/** Everything the service's parts share. */
export interface ServiceContext {
  readonly host: Host;
  readonly store: WorkspaceStore;
  readonly now: () => Date;
  /** Who acts, as named in Paramètres (« Éric Dubois »); "app" until a name is given. Never the OS account. */
  readonly user: string;
  /** Runs a checkup, saves it and records it in the history. */
  runAndRecordCheckup(lang: Lang, onProgress?: (e: CheckupProgress) => void): Promise<CheckupReport>;
  latestCheckup(): Promise<CheckupReport | null>;
  langOf(requested?: Lang): Lang;
}

/** Builds the shared context over an open store. */
export function createContext(options: {
  host: Host;
  store: WorkspaceStore;
  now: () => Date;
  probes?: readonly Probe[] | undefined;
}): ServiceContext {
  const { host, store, now } = options;
  const context: ServiceContext = {
    host,
    store,
    now,
    get user() {
      return store.read().settings.ownerName.trim() || 'app';
    },
    langOf: (requested) => requested ?? store.read().settings.lang,
    async runAndRecordCheckup(lang, onProgress) {
      const report = await runCheckup({ host, lang, now: now(), probes: options.probes, onProgress });
      await store.saveCheckup(report);
      if (!store.readOnly) {
        const by = context.user;
        await store.update((ws) => {
          ws.history.push({
            at: report.generatedAt,
            kind: 'checkup',
            by,
            summary: `checkup ${report.mode}: ${report.summary.ok} ok, ${report.summary.attention} attention, ${report.summary.danger} danger, ${report.summary.unknown} unknown`,
            key: 'history.checkup',
            counts: { ...report.summary },
          });
          rememberCheckup(ws, report);
          dateTasksShownOk(ws.missions, report.findings, report.generatedAt);
        });
      }
      return report;
    },
    latestCheckup: () => store.latestCheckup(),
  };
  return context;
}
