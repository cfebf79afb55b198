/** The owner's workspace as the core keeps it: every change goes through window.revision. */
import type { AppInfo, DeviceInput, SoftwareInput, WorkspacePatch } from '../../shared/ipc';
import type { RevisionApi } from '../../shared/ipc';
import type { Schedule, Workspace } from '../../shared/workspace';
import { errorMessage, type SliceCreator } from './types';

/** Workspace state and actions. */
export interface WorkspaceSlice {
  workspace: Workspace | null;
  appInfo: AppInfo | null;
  /** Set when the app could not even read the workspace. */
  loadError: string | null;
  loaded: boolean;
  /** Reads the workspace, app info and the latest checkup; picks the first screen. */
  load(): Promise<void>;
  updateWorkspace(patch: WorkspacePatch): Promise<boolean>;
  /** Adds a device; returns its id (null on failure). */
  addDevice(input: DeviceInput): Promise<string | null>;
  removeDevice(id: string): Promise<void>;
  setDeviceSchedule(id: string, schedule: Schedule): Promise<void>;
  tickStep(deviceId: string, stepId: string, done: boolean): Promise<void>;
  tickTask(taskId: string, done: boolean): Promise<void>;
  upsertSoftware(input: SoftwareInput): Promise<boolean>;
  removeSoftware(id: string): Promise<void>;
}

/** Creates the workspace slice over the API. */
export function createWorkspaceSlice(api: RevisionApi): SliceCreator<WorkspaceSlice> {
  return (set, get) => {
    /** Runs a workspace-changing call; on failure tells the owner and keeps the previous state. */
    const change = async (call: () => Promise<Workspace>): Promise<Workspace | null> => {
      try {
        const workspace = await call();
        set({ workspace });
        return workspace;
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
        return null;
      }
    };
    return {
      workspace: null,
      appInfo: null,
      loadError: null,
      loaded: false,
      async load() {
        try {
          const [workspace, appInfo, report, status] = await Promise.all([
            api.workspaceGet(),
            api.appInfo(),
            api.checkupLatest(),
            api.checkupStatus(),
          ]);
          // Reloaded during a checkup: its running state and the last result, not the welcome.
          const screen = status.running ? 'checkup' : workspace.onboarded ? 'dashboard' : 'welcome';
          set({ workspace, appInfo, report, loaded: true, loadError: null, screen });
          if (status.running) void get().resumeCheckup(status.progress);
        } catch (error) {
          set({ loadError: errorMessage(error), loaded: true });
        }
      },
      async updateWorkspace(patch) {
        return (await change(() => api.workspaceUpdate(patch))) !== null;
      },
      async addDevice(input) {
        const before = new Set(get().workspace?.devices.map((d) => d.id) ?? []);
        const ws = await change(() => api.devicesAdd(input));
        return ws?.devices.find((d) => !before.has(d.id))?.id ?? null;
      },
      async removeDevice(id) {
        await change(() => api.devicesRemove(id));
      },
      async setDeviceSchedule(id, schedule) {
        await change(() => api.devicesUpdate(id, { schedule }));
      },
      async tickStep(deviceId, stepId, done) {
        await change(() => api.devicesTickStep({ deviceId, stepId, done }));
      },
      async tickTask(taskId, done) {
        await change(() => api.missionsTick({ taskId, done }));
      },
      async upsertSoftware(input) {
        return (await change(() => api.softwareUpsert(input))) !== null;
      },
      async removeSoftware(id) {
        await change(() => api.softwareRemove(id));
      },
    };
  };
}
