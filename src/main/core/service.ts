/**
 * The core service: the API the UI needs, one method per IPC channel. The Electron main process,
 * the browser test harness and (for its commands) the CLI all call this same object.
 * Arguments arrive already validated against src/shared/ipc.ts. It only composes the
 * capability modules (actions, report, carnet, schedule, calendar); it holds no mutation logic.
 */
import type { CheckupProgress, CheckupReport } from '../../shared/checkup';
import type { CarnetOverview, ScheduleStatus } from '../../shared/carnet';
import type { AppInfo, ChannelArgs, ProviderEmail } from '../../shared/ipc';
import type { ApplyResult, PlanView } from '../../shared/plans';
import type { ProgramUpdatePlanView, ProgramUpdateResult } from '../../shared/program-updates';
import type { Workspace } from '../../shared/workspace';
import type { Lang } from '../../shared/i18n';
import { createAutoUpdatesApi, type AutoUpdatesOptions } from './actions';
import { buildCalendar, writeCalendar } from './calendar';
import { createCarnetApi, type CarnetApi } from './carnet';
import { createCheckupInFlight, type CheckupStatus } from './checkup/in-flight';
import type { Probe } from './checkup/probe';
import { createContext, type ServiceContext } from './context';
import type { Host } from './exec/host';
import { createLiveHost } from './exec/live-host';
import { useKnowledgeCache } from './knowledge/cache';
import { definedFields } from './patch';
import { createProgramsApi } from './programs';
import { createProgramUpdatesApi } from './programs/update';
import { createReportApi } from './report';
import { createScheduleApi, type ScheduleApi } from './schedule';
import { createSiteApi, type SiteApiOptions } from './site';
import { createFleetClientApi } from './fleet';
import type { FleetStatus } from '../../shared/fleet';
import { APP_VERSION } from './version';
import { openWorkspace } from './workspace/store';

export type { ServiceContext } from './context';

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
  /** Website checks (tests: a local authority, loopback sites). */
  readonly site?: SiteApiOptions;
}

/** The service object. Method names match window.revision. */
export interface RevisionService {
  readonly context: ServiceContext;
  /** The weekly watch (used by the Electron shell and the CLI). */
  readonly schedule: ScheduleApi;
  appInfo(): Promise<AppInfo>;
  checkupRun(
    args: ChannelArgs<'checkup:run'>[0],
    onProgress?: (e: CheckupProgress) => void,
  ): Promise<CheckupReport>;
  checkupLatest(): Promise<CheckupReport | null>;
  /** Whether a checkup is running (a reloaded window shows it instead of the welcome). */
  checkupStatus(): CheckupStatus;
  workspaceGet(): Promise<Workspace>;
  workspaceUpdate(patch: ChannelArgs<'workspace:update'>[0]): Promise<Workspace>;
  devicesAdd: CarnetApi['devicesAdd'];
  devicesUpdate: CarnetApi['devicesUpdate'];
  devicesRemove: CarnetApi['devicesRemove'];
  devicesTickStep: CarnetApi['devicesTickStep'];
  missionsTick: CarnetApi['missionsTick'];
  softwareUpsert: CarnetApi['softwareUpsert'];
  softwareRemove: CarnetApi['softwareRemove'];
  carnetOverview(): Promise<CarnetOverview>;
  carnetRestore: CarnetApi['restore'];
  tasksAssign: CarnetApi['assign'];
  tasksTick: CarnetApi['tick'];
  softwareScenario: CarnetApi['scenario'];
  softwareTest: CarnetApi['test'];
  softwareVendorAnswer: CarnetApi['vendorAnswer'];
  softwareVendorQuestion(args: ChannelArgs<'software:vendorQuestion'>[0]): Promise<ProviderEmail>;
  softwareBrokenMessage(args: ChannelArgs<'software:brokenMessage'>[0]): Promise<ProviderEmail>;
  scheduleStatus(): Promise<ScheduleStatus>;
  /** Writes the .ics to a path chosen by the caller (the save dialog in the app, `revision calendar --ics`). */
  calendarWrite(args: { path: string; lang?: Lang }): Promise<{ path: string }>;
  autoUpdatesPlan(args: ChannelArgs<'autoUpdates:plan'>[0]): Promise<PlanView>;
  autoUpdatesApply(args: ChannelArgs<'autoUpdates:apply'>[0]): Promise<ApplyResult>;
  autoUpdatesUndo(args: ChannelArgs<'autoUpdates:undo'>[0]): Promise<ApplyResult>;
  /** Writes the PDF to a path chosen by the caller (the save dialog in the app). */
  reportWritePdf(args: {
    path: string;
    lang?: Lang;
    overwrite?: boolean;
  }): Promise<{ path: string; pages: number }>;
  reportEmail(args: ChannelArgs<'report:email'>[0]): Promise<ProviderEmail>;
  /** Opens the OS's own page to uninstall programs (issue 12). */
  programsOpenUninstall(): Promise<{ opened: boolean }>;
  programUpdatesPlan(args: ChannelArgs<'programUpdates:plan'>[0]): Promise<ProgramUpdatePlanView>;
  programUpdatesApply(args: ChannelArgs<'programUpdates:apply'>[0]): Promise<ProgramUpdateResult>;
  sitesAdd(args: ChannelArgs<'sites:add'>[0]): Promise<Workspace>;
  sitesRemove(id: string): Promise<Workspace>;
  sitesCheck(args: ChannelArgs<'sites:check'>[0]): Promise<Workspace>;
  fleetStatus(): Promise<FleetStatus>;
  fleetJoin(args: ChannelArgs<'fleet:join'>[0]): Promise<FleetStatus>;
}

/** Creates the service over a workspace folder. */
export async function createService(options: ServiceOptions): Promise<RevisionService> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? createLiveHost();
  const store = await openWorkspace(options.home, now);
  // Refreshed end-of-life and exploited-flaw data live beside the workspace (issue 12).
  useKnowledgeCache(options.home);
  const context = createContext({ host, store, now, probes: options.probes });

  const autoUpdates = createAutoUpdatesApi(context, options.autoUpdates);
  const report = createReportApi(context);
  const carnet = createCarnetApi(context);
  const schedule = createScheduleApi(context, () => carnet.overview());
  const programs = createProgramsApi({ host });
  const programUpdates = createProgramUpdatesApi(context, options.autoUpdates);
  const site = createSiteApi(context, options.site);
  const checkups = createCheckupInFlight();
  const fleet = createFleetClientApi({ home: options.home, now });

  return {
    context,
    schedule,
    async appInfo() {
      return {
        version: APP_VERSION,
        platform: host.platform,
        dataDir: store.dir,
        elevated: typeof process.getuid === 'function' ? process.getuid() === 0 : false,
      };
    },
    // A second call while one runs (a reloaded window) joins it instead of starting another.
    checkupRun: (args, onProgress) =>
      checkups.run(async (progress) => {
        const result = await context.runAndRecordCheckup(context.langOf(args.lang), progress);
        // The owner's websites are re-checked with each checkup; a site problem never fails the checkup.
        await site.checkAll({ lang: args.lang }).catch(() => undefined);
        // Joined to a fleet: the report goes too, in the background (queued when the server is away).
        if ((await fleet.status()).joined) void fleet.send(result).catch(() => undefined);
        return result;
      }, onProgress),
    checkupLatest: () => store.latestCheckup(),
    checkupStatus: () => checkups.status(),
    async workspaceGet() {
      return store.read();
    },
    workspaceUpdate: (patch) =>
      store.update((ws) => {
        if (patch.onboarded !== undefined) ws.onboarded = patch.onboarded;
        if (patch.company) ws.company = { ...ws.company, ...definedFields(patch.company) };
        if (patch.provider) ws.provider = { ...ws.provider, ...definedFields(patch.provider) };
        if (patch.settings) ws.settings = { ...ws.settings, ...definedFields(patch.settings) };
      }),
    devicesAdd: carnet.devicesAdd,
    devicesUpdate: carnet.devicesUpdate,
    devicesRemove: carnet.devicesRemove,
    devicesTickStep: carnet.devicesTickStep,
    missionsTick: carnet.missionsTick,
    softwareUpsert: carnet.softwareUpsert,
    softwareRemove: carnet.softwareRemove,
    carnetOverview: () => carnet.overview(),
    carnetRestore: carnet.restore,
    tasksAssign: carnet.assign,
    tasksTick: carnet.tick,
    softwareScenario: carnet.scenario,
    softwareTest: carnet.test,
    softwareVendorAnswer: carnet.vendorAnswer,
    softwareVendorQuestion: (args) => carnet.vendorQuestion(args),
    softwareBrokenMessage: (args) => carnet.brokenMessage(args),
    scheduleStatus: () => schedule.status(),
    async calendarWrite({ path, lang }) {
      const { tasks } = await carnet.overview();
      const text = buildCalendar({ workspace: store.read(), tasks, now: now(), lang: context.langOf(lang) });
      return { path: await writeCalendar(path, text) };
    },
    autoUpdatesPlan: (args) => autoUpdates.plan(args),
    autoUpdatesApply: (args) => autoUpdates.apply(args),
    autoUpdatesUndo: (args) => autoUpdates.undo(args),
    reportWritePdf: (args) => report.writePdf(args),
    reportEmail: (args) => report.email(args),
    programsOpenUninstall: () => programs.openUninstall(),
    programUpdatesPlan: (args) => programUpdates.plan(args),
    programUpdatesApply: (args) => programUpdates.apply(args),
    sitesAdd: (args) => site.add(args),
    sitesRemove: (id) => site.remove(id),
    sitesCheck: (args) => site.checkAll(args),
    fleetStatus: () => fleet.status(),
    fleetJoin: async (args) => (await fleet.join(args.url, args.code), fleet.status()),
  };
}
