/** The one renderer store, made of slices; a fresh one per app start (and per test). */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { RevisionApi } from '../../shared/ipc';
import { createAutoUpdatesSlice } from './auto-updates-slice';
import { createCarnetSlice } from './carnet-slice';
import { createCheckupSlice } from './checkup-slice';
import { createFleetSlice } from './fleet-slice';
import type { AppState } from './types';
import { createSiteSlice } from './site-slice';
import { createUiSlice } from './ui-slice';
import { createWorkspaceSlice } from './workspace-slice';
import { createProgramsSlice } from './programs-slice';
import { createProgramUpdatesSlice } from './program-updates-slice';
import { createDashboardSlice } from './dashboard-slice';

export type { AppState } from './types';

/** Creates the store over an API (window.revision in the app). */
export function createAppStore(api: RevisionApi): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(...a),
    ...createWorkspaceSlice(api)(...a),
    ...createCheckupSlice(api)(...a),
    ...createAutoUpdatesSlice(api)(...a),
    ...createProgramsSlice(api)(...a),
    ...createSiteSlice(api)(...a),
    ...createCarnetSlice(api)(...a),
    ...createFleetSlice(api)(...a),
    ...createProgramUpdatesSlice(api)(...a),
    ...createDashboardSlice(...a),
  }));
}

/** React context carrying the store. */
export const StoreContext = createContext<StoreApi<AppState> | null>(null);

/** Reads one value from the store (one selector per value; useShallow for derived objects). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  return useStore(store, selector);
}
