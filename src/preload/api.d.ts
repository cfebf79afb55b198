/**
 * The single declaration of `window.revision` for the renderer: the API the preload exposes,
 * one async method per channel of src/shared/ipc.ts plus `on(event, listener)`.
 */
import type { RevisionApi } from '../shared/ipc';

declare global {
  interface Window {
    /** Révision's bridge to the core (built by src/preload/index.ts). */
    readonly revision: RevisionApi;
  }
}

export {};
