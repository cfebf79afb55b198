/** « Vos logiciels » actions (issue 12): open the OS's own uninstall page, or say where to go when there is none. */
import type { RevisionApi } from '../../shared/ipc';
import { errorMessage, type SliceCreator } from './types';

/** The programs slice. */
export interface ProgramsSlice {
  /** Opens the uninstall page; `notFoundMessage` is shown when the system has none the app knows. */
  openUninstall(notFoundMessage: string): Promise<void>;
}

/** Creates the programs slice over window.revision. */
export const createProgramsSlice =
  (api: RevisionApi): SliceCreator<ProgramsSlice> =>
  (_set, get) => ({
    async openUninstall(notFoundMessage) {
      try {
        const { opened } = await api.programsOpenUninstall();
        if (!opened) get().notify({ kind: 'error', message: notFoundMessage });
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
      }
    },
  });
