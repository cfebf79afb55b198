/// <reference types="vite/client" />
/** window.revision: the only door from the renderer to the machine (preload in the app, Playwright in tests). */
import type { RevisionApi } from '../shared/ipc';

declare global {
  interface Window {
    /** Built from src/shared/ipc.ts, one async method per channel. */
    readonly revision: RevisionApi;
  }
}

export {};
