/**
 * The renderer's zustand store, driven directly against the real core service (no browser):
 * a fresh store per test, the same window.revision shape the preload builds, errors from the
 * core turned into the owner's notice without losing the state.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckupProgress } from '../../src/shared/checkup';
import { channels, ipcContract, methodName, type Channel, type RevisionApi } from '../../src/shared/ipc';
import { createService, type RevisionService } from '../../src/main/core/service';
import type { Probe } from '../../src/main/core/checkup/probe';
import type { StoreApi } from 'zustand';
import type { AppInfo, DeviceInput, SoftwareInput, WorkspacePatch } from '../../src/shared/ipc';
import type { CheckupReport } from '../../src/shared/checkup';
import type { Workspace } from '../../src/shared/workspace';

/** The part of the renderer store this test drives (the renderer is not in the node TS project, so it is loaded by path). */
interface StoreShape {
  screen: string;
  notice: { kind: string; message: string } | null;
  workspace: Workspace | null;
  appInfo: AppInfo | null;
  report: CheckupReport | null;
  running: boolean;
  progress: CheckupProgress | null;
  load(): Promise<void>;
  updateWorkspace(patch: WorkspacePatch): Promise<boolean>;
  runCheckup(lang: 'fr' | 'en'): Promise<CheckupReport | null>;
  addDevice(input: DeviceInput): Promise<string | null>;
  tickStep(deviceId: string, stepId: string, done: boolean): Promise<void>;
  upsertSoftware(input: SoftwareInput): Promise<boolean>;
}
const STORE_MODULE = '../../src/renderer/store/index.ts';
const { createAppStore } = (await import(/* @vite-ignore */ STORE_MODULE)) as { createAppStore: (api: RevisionApi) => StoreApi<StoreShape> };

/** window.revision over a service, with the contract's argument checks (as the harness and main do). */
function apiOver(service: RevisionService): RevisionApi {
  const listeners = new Set<(p: CheckupProgress) => void>();
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[methodName(channel)] = async (...args: unknown[]) => {
      const parsed = ipcContract[channel as Channel].args.safeParse(args);
      if (!parsed.success) throw new Error('Les informations envoyées ne sont pas valides : rien n’a été modifié.');
      if (channel === 'checkup:run') return service.checkupRun(args[0] as { lang?: 'fr' | 'en' }, (p) => listeners.forEach((l) => l(p)));
      return (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[methodName(channel)]!(...parsed.data);
    };
  }
  api.on = (_event: string, listener: (p: CheckupProgress) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return api as unknown as RevisionApi;
}

/** A real probe reading this machine's OS identity file through the Host. */
const osReleaseProbe: Probe = {
  id: 'os',
  labelKey: 'probes:os',
  sections: [],
  timeoutMs: 5_000,
  async run({ host, signal }) {
    await host.readFile('/etc/os-release', { signal });
    return {};
  },
};

let service: RevisionService;
beforeEach(async () => {
  service = await createService({ home: await mkdtemp(join(tmpdir(), 'revision-store-')), probes: [osReleaseProbe] });
});

describe('renderer store', () => {
  it('starts on the welcome, then on the dashboard once onboarded', async () => {
    const store = createAppStore(apiOver(service));
    await store.getState().load();
    expect(store.getState().screen).toBe('welcome');
    expect(await store.getState().updateWorkspace({ onboarded: true, company: { name: 'Transport Dubois' } })).toBe(true);
    const again = createAppStore(apiOver(service));
    await again.getState().load();
    expect(again.getState().screen).toBe('dashboard');
    expect(again.getState().workspace?.company.name).toBe('Transport Dubois');
  });

  it('follows the checkup’s progress and keeps the report', async () => {
    const store = createAppStore(apiOver(service));
    await store.getState().load();
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.progress && s.progress !== prev.progress) seen.push(`${s.progress.probeId}:${s.progress.phase}`);
    });
    const report = await store.getState().runCheckup('fr');
    unsubscribe();
    expect(report?.probes.map((p) => p.id)).toEqual(['os']);
    expect(seen).toEqual(['os:start', 'os:end']);
    expect(store.getState().running).toBe(false);
    expect(store.getState().report?.generatedAt).toBe(report?.generatedAt);
  });

  it('adds a device, ticks a step with its date, and tells the owner kindly when something fails', async () => {
    const store = createAppStore(apiOver(service));
    await store.getState().load();
    const id = await store.getState().addDevice({ kind: 'iphone', name: 'iPhone de Sophie' });
    expect(id).toBeTruthy();
    await store.getState().tickStep(id!, 'ios-system-auto', true);
    expect(store.getState().workspace?.devices[0]?.steps['ios-system-auto']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // A device that no longer exists: the core's French sentence reaches the notice; nothing is lost.
    await store.getState().tickStep('gone', 'ios-system-auto', true);
    expect(store.getState().notice).toEqual({ kind: 'error', message: 'Cet appareil n’existe plus.' });
    expect(store.getState().workspace?.devices).toHaveLength(1);
    // Arguments the contract refuses never reach the core.
    expect(await store.getState().upsertSoftware({ name: '', category: 'crm' })).toBe(false);
    expect(store.getState().notice?.message).toMatch(/pas valides/);
  });
});
