/** Which screen is shown, and the notice (error or confirmation) the owner should read. */
import type { SliceCreator } from './types';

/** The screens of the app. */
export const screens = ['welcome', 'checkup', 'dashboard', 'missions', 'inventory', 'journal', 'settings'] as const;
export type Screen = (typeof screens)[number];

/** A message for the owner: errors come from window.revision (already in French or English). */
export interface Notice {
  readonly kind: 'error' | 'success';
  readonly message: string;
}

/** UI state: current screen and notice. */
/** The tabs of the inventory screen. */
export type InventoryTab = 'apps' | 'devices' | 'software';

export interface UiSlice {
  screen: Screen;
  inventoryTab: InventoryTab;
  openInventory(tab: InventoryTab): void;
  /** The mission tab to open on arrival (null: the current mission). */
  missionTab: string | null;
  openMissions(tab: string | null): void;
  notice: Notice | null;
  go(screen: Screen): void;
  notify(notice: Notice): void;
  dismissNotice(): void;
}

/** Creates the UI slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  screen: 'welcome',
  inventoryTab: 'apps',
  openInventory: (inventoryTab) => set({ screen: 'inventory', inventoryTab }),
  missionTab: null,
  openMissions: (missionTab) => set({ screen: 'missions', missionTab }),
  notice: null,
  go: (screen) => set({ screen, missionTab: null }),
  notify: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
});
