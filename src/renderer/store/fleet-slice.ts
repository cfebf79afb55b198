/** The fleet server this computer reports to (read and joined through window.revision). */
import type { FleetStatus } from '../../shared/fleet';
import type { RevisionApi } from '../../shared/ipc';
import { errorMessage, type SliceCreator } from './types';

/** Fleet state and actions. */
export interface FleetSlice {
  fleet: FleetStatus | null;
  /** Reads whether this computer reports to a fleet server. */
  loadFleet(): Promise<void>;
  /** Joins a fleet server with a site code; true when joined. */
  joinFleet(url: string, code: string): Promise<boolean>;
}

/** Creates the fleet slice over the API. */
export function createFleetSlice(api: RevisionApi): SliceCreator<FleetSlice> {
  return (set, get) => ({
    fleet: null,
    async loadFleet() {
      try {
        set({ fleet: await api.fleetStatus() });
      } catch {
        set({ fleet: null });
      }
    },
    async joinFleet(url, code) {
      try {
        set({ fleet: await api.fleetJoin({ url: url.trim(), code: code.trim() }) });
        return true;
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
        return false;
      }
    },
  });
}
