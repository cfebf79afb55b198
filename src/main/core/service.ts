/**
 * The core service: the API the UI needs, one method per IPC channel. The Electron main process,
 * the browser test harness and (for its commands) the CLI all call this same object.
 * Arguments arrive already validated against src/shared/ipc.ts.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { CheckupProgress, CheckupReport } from '../../shared/checkup';
import type { AppInfo, ChannelArgs, ProviderEmail } from '../../shared/ipc';
import type { ApplyResult, PlanView } from '../../shared/plans';
import type { Workspace } from '../../shared/workspace';
import type { Lang } from '../../shared/i18n';
import { createAutoUpdatesApi, type AutoUpdatesOptions } from './actions';
import { runCheckup } from './checkup/run-checkup';
import type { Probe } from './checkup/probe';
import type { Host } from './exec/host';
import { createLiveHost } from './exec/live-host';
import { createReportApi } from './report';
import { createFleetClientApi } from './fleet';
import type { FleetStatus } from '../../shared/fleet';
import { APP_VERSION } from './version';
import { openWorkspace, type WorkspaceStore } from './workspace/store';

/** How to build a service. */
export interface ServiceOptions {
  /** The workspace folder. */
  readonly home: string;
  /** The Host (live by default; a replay Host for tests and support). */
  readonly host?: Host;
  /** Overrides the platform's probes (tests of failure paths). */
  readonly probes?: readonly Probe[];
  readonly now?: () => Date;
  /** How auto-updates plans are elevated (tests, the Electron shell); default: the OS's own prompt, none when already administrator. */
  readonly autoUpdates?: AutoUpdatesOptions;
}

/** Everything the service's parts share. */
export interface ServiceContext {
  readonly host: Host;
  readonly store: WorkspaceStore;
  readonly now: () => Date;
  /** The OS user, recorded in the logbook as who did what. */
  readonly user: string;
  /** Runs a checkup, saves it and records it in the history. */
  runAndRecordCheckup(lang: Lang, onProgress?: (e: CheckupProgress) => void): Promise<CheckupReport>;
  latestCheckup(): Promise<CheckupReport | null>;
  langOf(requested?: Lang): Lang;
}

/** The service object. Method names match window.revision. */
export interface RevisionService {
  readonly context: ServiceContext;
  appInfo(): Promise<AppInfo>;
  checkupRun(args: ChannelArgs<'checkup:run'>[0], onProgress?: (e: CheckupProgress) => void): Promise<CheckupReport>;
  checkupLatest(): Promise<CheckupReport | null>;
  workspaceGet(): Promise<Workspace>;
  workspaceUpdate(patch: ChannelArgs<'workspace:update'>[0]): Promise<Workspace>;
  devicesAdd(input: ChannelArgs<'devices:add'>[0]): Promise<Workspace>;
  devicesUpdate(id: string, patch: ChannelArgs<'devices:update'>[1]): Promise<Workspace>;
  devicesRemove(id: string): Promise<Workspace>;
  devicesTickStep(args: ChannelArgs<'devices:tickStep'>[0]): Promise<Workspace>;
  missionsTick(args: ChannelArgs<'missions:tick'>[0]): Promise<Workspace>;
  softwareUpsert(input: ChannelArgs<'software:upsert'>[0]): Promise<Workspace>;
  softwareRemove(id: string): Promise<Workspace>;
  autoUpdatesPlan(args: ChannelArgs<'autoUpdates:plan'>[0]): Promise<PlanView>;
  autoUpdatesApply(args: ChannelArgs<'autoUpdates:apply'>[0]): Promise<ApplyResult>;
  autoUpdatesUndo(args: ChannelArgs<'autoUpdates:undo'>[0]): Promise<ApplyResult>;
  /** Writes the PDF to a path chosen by the caller (the save dialog in the app). */
  reportWritePdf(args: { path: string; lang?: Lang; overwrite?: boolean }): Promise<{ path: string; pages: number }>;
  reportEmail(args: ChannelArgs<'report:email'>[0]): Promise<ProviderEmail>;
  fleetStatus(): Promise<FleetStatus>;
  fleetJoin(args: ChannelArgs<'fleet:join'>[0]): Promise<FleetStatus>;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'app';
  }
}

/** Creates the service over a workspace folder. */
export async function createService(options: ServiceOptions): Promise<RevisionService> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? createLiveHost();
  const store = await openWorkspace(options.home, now);
  const user = currentUser();

  const context: ServiceContext = {
    host,
    store,
    now,
    user,
    langOf: (requested) => requested ?? store.read().settings.lang,
    async runAndRecordCheckup(lang, onProgress) {
      const report = await runCheckup({ host, lang, now: now(), probes: options.probes, onProgress });
      await store.saveCheckup(report);
      if (!store.readOnly) {
        await store.update((ws) => {
          ws.history.push({
            at: report.generatedAt,
            kind: 'checkup',
            by: user,
            summary: `checkup ${report.mode}: ${report.summary.ok} ok, ${report.summary.attention} attention, ${report.summary.danger} danger, ${report.summary.unknown} unknown`,
            key: 'history.checkup',
            counts: { ...report.summary },
          });
        });
      }
      return report;
    },
    latestCheckup: () => store.latestCheckup(),
  };

  const autoUpdates = createAutoUpdatesApi(context, options.autoUpdates);
  const report = createReportApi(context);
  const fleet = createFleetClientApi({ home: options.home, now });
  const stamp = () => now().toISOString();

  return {
    context,
    async appInfo() {
      return {
        version: APP_VERSION,
        platform: host.platform,
        dataDir: store.dir,
        elevated: typeof process.getuid === 'function' ? process.getuid() === 0 : false,
      };
    },
    async checkupRun(args, onProgress) {
      const result = await context.runAndRecordCheckup(context.langOf(args.lang), onProgress);
      // Joined to a fleet: the report goes too, in the background (queued when the server is away).
      if ((await fleet.status()).joined) void fleet.send(result).catch(() => undefined);
      return result;
    },
    checkupLatest: () => store.latestCheckup(),
    async workspaceGet() {
      return store.read();
    },
    workspaceUpdate: (patch) =>
      store.update((ws) => {
        if (patch.onboarded !== undefined) ws.onboarded = patch.onboarded;
        if (patch.company) ws.company = { ...ws.company, ...patch.company };
        if (patch.provider) ws.provider = { ...ws.provider, ...patch.provider };
        if (patch.settings) ws.settings = { ...ws.settings, ...patch.settings };
      }),
    devicesAdd: (input) =>
      store.update((ws) => {
        const id = randomUUID();
        ws.devices.push({ id, kind: input.kind, name: input.name, addedAt: stamp(), steps: {}, ...(input.schedule ? { schedule: input.schedule } : {}), ...(input.notes ? { notes: input.notes } : {}) });
        ws.history.push({ at: stamp(), kind: 'device', by: user, summary: `device added: ${input.kind}`, key: 'history.deviceAdded', params: { kind: input.kind, name: input.name } });
      }),
    devicesUpdate: (id, patch) =>
      store.update((ws) => {
        const device = ws.devices.find((d) => d.id === id);
        if (!device) throw new Error('Cet appareil n’existe plus.');
        Object.assign(device, patch);
      }),
    devicesRemove: (id) =>
      store.update((ws) => {
        ws.devices = ws.devices.filter((d) => d.id !== id);
      }),
    devicesTickStep: ({ deviceId, stepId, done }) =>
      store.update((ws) => {
        const device = ws.devices.find((d) => d.id === deviceId);
        if (!device) throw new Error('Cet appareil n’existe plus.');
        if (done) device.steps[stepId] = stamp();
        else delete device.steps[stepId];
        ws.history.push({ at: stamp(), kind: 'tick', by: user, summary: `${device.kind} ${stepId} ${done ? 'done' : 'undone'}`, key: done ? 'history.stepDone' : 'history.stepUndone', params: { name: device.name, step: stepId } });
      }),
    missionsTick: ({ taskId, done }) =>
      store.update((ws) => {
        if (done) ws.missions[taskId] = stamp();
        else delete ws.missions[taskId];
        ws.history.push({ at: stamp(), kind: 'tick', by: user, summary: `task ${taskId} ${done ? 'done' : 'undone'}`, key: done ? 'history.taskDone' : 'history.taskUndone', params: { task: taskId } });
      }),
    softwareUpsert: (input) =>
      store.update((ws) => {
        const existing = input.id ? ws.software.find((s) => s.id === input.id) : undefined;
        if (existing) {
          Object.assign(existing, input);
        } else {
          ws.software.push({
            id: input.id ?? randomUUID(),
            name: input.name,
            version: input.version ?? null,
            category: input.category,
            critical: input.critical ?? false,
            detected: input.detected ?? false,
            ...(input.vendor !== undefined ? { vendor: input.vendor } : {}),
            ...(input.vendorContact !== undefined ? { vendorContact: input.vendorContact } : {}),
            ...(input.lastTestedAt !== undefined ? { lastTestedAt: input.lastTestedAt } : {}),
          });
        }
      }),
    softwareRemove: (id) =>
      store.update((ws) => {
        ws.software = ws.software.filter((s) => s.id !== id);
      }),
    autoUpdatesPlan: (args) => autoUpdates.plan(args),
    autoUpdatesApply: (args) => autoUpdates.apply(args),
    autoUpdatesUndo: (args) => autoUpdates.undo(args),
    reportWritePdf: (args) => report.writePdf(args),
    reportEmail: (args) => report.email(args),
    fleetStatus: () => fleet.status(),
    fleetJoin: async (args) => (await fleet.join(args.url, args.code), fleet.status()),
  };
}
