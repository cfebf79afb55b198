/**
 * The preload: exposes `window.revision` (src/preload/bridge.ts) to the sandboxed page through
 * contextBridge. Raw ipcRenderer is never exposed; listeners never see the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildRevisionApi } from './bridge';

/** The object placed on window.revision. */
export const revisionApi = buildRevisionApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('revision', revisionApi);
