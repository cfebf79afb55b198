/** The owner's websites (issue 13): add by address, check now, remove; every change through window.revision. */
import type { RevisionApi } from '../../shared/ipc';
import { errorMessage, type SliceCreator } from './types';

/** Site state and actions. */
export interface SiteSlice {
  /** A site check is running. */
  siteChecking: boolean;
  /** Why the last address was refused (shown under the field), in the owner's language. */
  siteAddError: string | null;
  /** Adds a site and checks it at once; false when the address was refused. */
  addSite(url: string): Promise<boolean>;
  removeSite(id: string): Promise<void>;
  /** Checks every site now. */
  checkSites(): Promise<void>;
}

/** Creates the site slice over the API. */
export function createSiteSlice(api: RevisionApi): SliceCreator<SiteSlice> {
  return (set, get) => {
    const lang = () => get().workspace?.settings.lang;
    const checkSites = async (id?: string): Promise<void> => {
      set({ siteChecking: true });
      try {
        set({
          workspace: await api.sitesCheck({ ...(id ? { id } : {}), ...(lang() ? { lang: lang() } : {}) }),
        });
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
      } finally {
        set({ siteChecking: false });
      }
    };
    return {
      siteChecking: false,
      siteAddError: null,
      async addSite(url) {
        try {
          const workspace = await api.sitesAdd({ url, ...(lang() ? { lang: lang() } : {}) });
          set({ workspace, siteAddError: null });
          const added = workspace.sites?.find((s) => s.url === new URL(url.trim()).toString());
          await checkSites(added?.id);
          return true;
        } catch (error) {
          set({ siteAddError: errorMessage(error) });
          return false;
        }
      },
      async removeSite(id) {
        try {
          set({ workspace: await api.sitesRemove(id) });
        } catch (error) {
          get().notify({ kind: 'error', message: errorMessage(error) });
        }
      },
      checkSites: () => checkSites(),
    };
  };
}
