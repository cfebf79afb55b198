/** The register over time (issue 14): « à tester », tasks with who and by when, removals to undo, the calendar. */
import type { CarnetOverview, ScheduleStatus } from '../../shared/carnet';
import type { ChannelArgs, RevisionApi } from '../../shared/ipc';
import type { Workspace } from '../../shared/workspace';
import { errorMessage, type SliceCreator } from './types';

/** Register state and actions. */
export interface CarnetSlice {
  overview: CarnetOverview | null;
  scheduleStatus: ScheduleStatus | null;
  /** Reads the overview (counts, tasks, restorable items) and the watch status from the core. */
  loadOverview(): Promise<void>;
  /** Removes a device or a program (after the owner confirmed); true when done. */
  removeItem(kind: 'device' | 'software', id: string): Promise<boolean>;
  restore(removedId: string): Promise<boolean>;
  assignTask(input: ChannelArgs<'tasks:assign'>[0]): Promise<boolean>;
  tickRegisterTask(key: string, done: boolean): Promise<boolean>;
  setScenario(id: string, scenario: string): Promise<boolean>;
  recordTest(input: ChannelArgs<'software:test'>[0]): Promise<boolean>;
  recordVendorAnswer(input: ChannelArgs<'software:vendorAnswer'>[0]): Promise<boolean>;
  /** Opens the prepared e-mail (« Demander au fournisseur », « ça ne marche pas ») in the mail program. */
  openMessage(kind: 'vendorQuestion' | 'brokenMessage', id: string): Promise<boolean>;
  exportCalendar(): Promise<string | null>;
}

/** Creates the register slice over the API. */
export function createCarnetSlice(api: RevisionApi): SliceCreator<CarnetSlice> {
  return (set, get) => {
    const fail = (error: unknown): false => {
      get().notify({ kind: 'error', message: errorMessage(error) });
      return false;
    };
    /** A workspace change, then the fresh overview (counts depend on it). */
    const change = async (call: () => Promise<Workspace>): Promise<boolean> => {
      try {
        set({ workspace: await call() });
        await get().loadOverview();
        return true;
      } catch (error) {
        return fail(error);
      }
    };
    return {
      overview: null,
      scheduleStatus: null,
      async loadOverview() {
        try {
          const [overview, scheduleStatus] = await Promise.all([api.carnetOverview(), api.scheduleStatus()]);
          set({ overview, scheduleStatus });
        } catch (error) {
          fail(error);
        }
      },
      removeItem: (kind, id) =>
        change(() => (kind === 'device' ? api.devicesRemove(id) : api.softwareRemove(id))),
      restore: (removedId) => change(() => api.carnetRestore(removedId)),
      assignTask: (input) => change(() => api.tasksAssign(input)),
      tickRegisterTask: (key, done) => change(() => api.tasksTick({ key, done })),
      setScenario: (id, scenario) => change(() => api.softwareScenario({ id, scenario })),
      recordTest: (input) => change(() => api.softwareTest(input)),
      recordVendorAnswer: (input) => change(() => api.softwareVendorAnswer(input)),
      async openMessage(kind, id) {
        try {
          const lang = get().workspace?.settings.lang;
          const args = { id, ...(lang ? { lang } : {}) };
          const mail =
            kind === 'vendorQuestion'
              ? await api.softwareVendorQuestion(args)
              : await api.softwareBrokenMessage(args);
          await api.shellOpenExternal(mail.mailto);
          return true;
        } catch (error) {
          return fail(error);
        }
      },
      async exportCalendar() {
        try {
          const lang = get().workspace?.settings.lang;
          const result = await api.calendarExport(lang ? { lang } : {});
          return result.status === 'saved' ? result.path : null;
        } catch (error) {
          fail(error);
          return null;
        }
      },
    };
  };
}
