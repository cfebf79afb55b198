/**
 * « Mettre à jour » / « Tout mettre à jour » (issue 12): the plan shown before anything runs, the
 * programs being updated (their progress bars), each program's result, and the fresh report the
 * core's re-check produced (so voyants turn « à jour » only when it says so).
 */
import type { Lang } from '../../shared/i18n';
import type { RevisionApi } from '../../shared/ipc';
import type { ProgramUpdatePlanView, ProgramUpdateResultItem } from '../../shared/program-updates';
import { errorMessage, type SliceCreator } from './types';

/** The program-updates slice. */
export interface ProgramUpdatesSlice {
  /** The plan waiting for the owner's « Lancer la mise à jour ». */
  updatePlan: ProgramUpdatePlanView | null;
  /** Program ids being updated now. */
  updating: readonly string[];
  /** The last result of each program updated. */
  updateResults: Readonly<Record<string, ProgramUpdateResultItem>>;
  updateMessage: string | null;
  planProgramUpdate(args: { programIds?: string[]; all?: boolean }, lang: Lang): Promise<void>;
  applyProgramUpdate(lang: Lang): Promise<void>;
  cancelProgramUpdate(): void;
}

/** Creates the program-updates slice over window.revision. */
export const createProgramUpdatesSlice =
  (api: RevisionApi): SliceCreator<ProgramUpdatesSlice> =>
  (set, get) => ({
    updatePlan: null,
    updating: [],
    updateResults: {},
    updateMessage: null,
    async planProgramUpdate(args, lang) {
      try {
        set({ updatePlan: await api.programUpdatesPlan({ ...args, lang }), updateMessage: null });
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
      }
    },
    async applyProgramUpdate(lang) {
      const plan = get().updatePlan;
      if (!plan || get().updating.length > 0) return;
      set({ updatePlan: null, updating: plan.programs.map((p) => p.programId) });
      try {
        const result = await api.programUpdatesApply({ planId: plan.id, sha256: plan.sha256, lang });
        const updateResults = { ...get().updateResults };
        for (const r of result.results) updateResults[r.programId] = r;
        set({ updateResults, updateMessage: result.message });
        // The core re-checked after the update: show that report, so voyants follow it.
        const latest = await api.checkupLatest();
        if (latest) set({ report: latest });
        set({ workspace: await api.workspaceGet() });
      } catch (error) {
        get().notify({ kind: 'error', message: errorMessage(error) });
      } finally {
        set({ updating: [] });
      }
    },
    cancelProgramUpdate() {
      set({ updatePlan: null });
    },
  });
