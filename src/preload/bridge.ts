/**
 * Builds `window.revision` from the IPC contract: one method per channel (`methodName(channel)`)
 * that invokes the channel and unwraps the envelope, plus `on(event, listener)` for the
 * main → renderer events only. Electron-free, so it is tested without Electron.
 */
import frCommon from '../shared/locales/fr/common.json';
import { channels, eventChannels, methodName, type IpcErrorPayload, type RevisionApi } from '../shared/ipc';

/** Sends a request on a channel and resolves with main's envelope. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

/** The error thrown by window.revision methods: a plain Error (contextBridge copies only plain errors) carrying the code. */
export interface RevisionBridgeError extends Error {
  readonly name: 'RevisionError';
  readonly code: IpcErrorPayload['code'];
}

function bridgeError(code: IpcErrorPayload['code'], message: string): RevisionBridgeError {
  const error = new Error(message) as Error & { code: IpcErrorPayload['code'] };
  error.name = 'RevisionError';
  error.code = code;
  return error as RevisionBridgeError;
}

/** Turns an envelope back into its result, or throws its error with the owner's message. */
export function unwrapEnvelope(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as { ok: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } };
    if (e.ok === true) return e.result;
    if (e.ok === false && e.error && typeof e.error.message === 'string') {
      const code = typeof e.error.code === 'string' ? (e.error.code as IpcErrorPayload['code']) : 'failed';
      throw bridgeError(code, e.error.message);
    }
  }
  throw bridgeError('failed', frCommon.shell.ipc.noAnswer);
}

/** The API exposed to the page. */
export function buildRevisionApi(invoke: Invoke, subscribe: Subscribe): RevisionApi {
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[methodName(channel)] = async (...args: unknown[]): Promise<unknown> => {
      let envelope: unknown;
      try {
        envelope = await invoke(channel, ...args);
      } catch {
        // No handler, or main went away: never show Electron's English text to the owner.
        throw bridgeError('failed', frCommon.shell.ipc.noAnswer);
      }
      return unwrapEnvelope(envelope);
    };
  }
  const allowed: ReadonlySet<string> = new Set(eventChannels);
  api.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!allowed.has(event)) throw bridgeError('invalid-args', frCommon.shell.ipc.invalidArgs);
    if (typeof listener !== 'function') throw bridgeError('invalid-args', frCommon.shell.ipc.invalidArgs);
    return subscribe(event, listener);
  };
  return api as RevisionApi;
}
