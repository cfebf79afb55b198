import { describe, expect, it, vi } from 'vitest';
import { channels, eventChannels, methodName } from '../shared/ipc';
import { buildRevisionApi, unwrapEnvelope } from './bridge';

const noSubscribe = () => () => undefined;

describe('window.revision', () => {
  it('has exactly one method per channel, plus on()', () => {
    const api = buildRevisionApi(async () => ({ ok: true, result: null }), noSubscribe);
    expect(Object.keys(api).sort()).toEqual([...channels.map(methodName), 'on'].sort());
    for (const key of Object.keys(api))
      expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the method’s own channel with the arguments as given', async () => {
    const invoke = vi.fn(async (_channel: string, ..._args: unknown[]) => ({
      ok: true,
      result: { id: 'w' },
    }));
    const api = buildRevisionApi(invoke, noSubscribe);
    await expect(api.devicesUpdate('d1', { name: 'Téléphone de Éric' })).resolves.toEqual({ id: 'w' });
    expect(invoke).toHaveBeenCalledWith('devices:update', 'd1', { name: 'Téléphone de Éric' });
    await api.checkupRun({ lang: 'en' });
    expect(invoke).toHaveBeenLastCalledWith('checkup:run', { lang: 'en' });
  });

  it('throws the owner’s message, with name RevisionError and the code', async () => {
    const api = buildRevisionApi(
      async () => ({
        ok: false,
        error: { code: 'not-elevated', message: 'Il faut l’accord d’un administrateur.' },
      }),
      noSubscribe,
    );
    const error = await api.autoUpdatesApply({ planId: 'p', sha256: 'a'.repeat(64) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Il faut l’accord d’un administrateur.');
    expect((error as Error).name).toBe('RevisionError');
    expect((error as { code: string }).code).toBe('not-elevated');
  });

  it('says in French that the app did not answer when main has no handler or answers nonsense', async () => {
    const broken = buildRevisionApi(async () => {
      throw new Error("Error invoking remote method 'app:info': Error: No handler registered for 'app:info'");
    }, noSubscribe);
    await expect(broken.appInfo()).rejects.toThrow(/n’a pas répondu correctement/);
    expect(() => unwrapEnvelope(undefined)).toThrow(/n’a pas répondu/);
    expect(() => unwrapEnvelope({ ok: false })).toThrow(/n’a pas répondu/);
    expect(() => unwrapEnvelope({ result: 1 })).toThrow(/n’a pas répondu/);
    expect(unwrapEnvelope({ ok: true, result: 0 })).toBe(0);
  });

  it('subscribes to the declared events only', () => {
    const subscribe = vi.fn((_event: string, _listener: (p: unknown) => void) => () => undefined);
    const api = buildRevisionApi(async () => ({ ok: true }), subscribe);
    const off = api.on('checkup:progress', () => undefined);
    expect(typeof off).toBe('function');
    expect(subscribe).toHaveBeenCalledWith('checkup:progress', expect.any(Function));
    expect(() =>
      (api.on as (e: string, l: () => void) => unknown)('workspace:update', () => undefined),
    ).toThrow();
    expect(() =>
      (api.on as (e: string, l: unknown) => unknown)('checkup:progress', 'not a function'),
    ).toThrow();
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(eventChannels).toContain('checkup:progress');
  });
});
