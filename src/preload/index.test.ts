import { describe, expect, it, vi } from 'vitest';
import { channels, methodName, type RevisionApi } from '../shared/ipc';

const exposed = new Map<string, unknown>();
/** A minimal ipcRenderer: listeners per channel, and invoke. */
const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
const renderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, result: { channel, args } })),
  on: (channel: string, listener: (...args: unknown[]) => void) =>
    listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
    listeners.set(
      channel,
      (listeners.get(channel) ?? []).filter((l) => l !== listener),
    ),
  emit: (channel: string, ...args: unknown[]) => (listeners.get(channel) ?? []).forEach((l) => l(...args)),
  listenerCount: (channel: string) => (listeners.get(channel) ?? []).length,
};
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: renderer,
}));

await import('./index');
const api = exposed.get('revision') as RevisionApi;

describe('the preload', () => {
  it('exposes window.revision only, built from the contract, and never ipcRenderer itself', () => {
    expect([...exposed.keys()]).toEqual(['revision']);
    expect(Object.keys(api).sort()).toEqual([...channels.map(methodName), 'on'].sort());
    expect(Object.values(api)).not.toContain(renderer);
    expect(Object.values(api)).not.toContain(renderer.invoke);
  });

  it('sends each call through ipcRenderer.invoke and unwraps the answer', async () => {
    await expect(api.workspaceUpdate({ onboarded: true })).resolves.toEqual({
      channel: 'workspace:update',
      args: [{ onboarded: true }],
    });
  });

  it('gives listeners the payload, never the IPC event, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('checkup:progress', (p) => seen.push(p));
    renderer.emit('checkup:progress', { sender: 'ipc-event-with-sender' }, { done: 1, total: 2 });
    expect(seen).toEqual([{ done: 1, total: 2 }]);
    off();
    renderer.emit('checkup:progress', {}, { done: 2, total: 2 });
    expect(seen).toHaveLength(1);
    expect(renderer.listenerCount('checkup:progress')).toBe(0);
  });
});
