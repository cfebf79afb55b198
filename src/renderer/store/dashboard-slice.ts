/** The truck dashboard's lights (issue 17): a light opens its screen and names the card to show there. */
import type { SliceCreator } from './types';
import type { InventoryTab } from './ui-slice';

/** Where a light leads: a finding card of the checkup, or a tab (and section) of the inventory. */
export type LightTarget =
  | { readonly screen: 'checkup'; readonly findingId?: string }
  | { readonly screen: 'inventory'; readonly tab: InventoryTab; readonly section?: 'website' };

/** Light navigation state. */
export interface DashboardSlice {
  /** The card the last opened light is about (a finding id, or 'website'); the card takes the focus once. */
  lightFocus: string | null;
  openLight(target: LightTarget): void;
  /** Called by the card once it has taken the focus. */
  clearLightFocus(): void;
}

/** Creates the dashboard slice. */
export const createDashboardSlice: SliceCreator<DashboardSlice> = (set) => ({
  lightFocus: null,
  openLight: (target) =>
    target.screen === 'checkup'
      ? set({ screen: 'checkup', missionTab: null, lightFocus: target.findingId ?? null })
      : set({
          screen: 'inventory',
          inventoryTab: target.tab,
          missionTab: null,
          lightFocus: target.section ?? null,
        }),
  clearLightFocus: () => set({ lightFocus: null }),
});
