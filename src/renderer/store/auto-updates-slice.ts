/** « Activer les mises à jour automatiques »: plan → preview → confirm → apply → verify → undo. */
import type { RevisionApi } from '../../shared/ipc';
import type { Lang } from '../../shared/i18n';
import type { ApplyResult, PlanView } from '../../shared/plans';
import type { Schedule } from '../../shared/workspace';
import { errorMessage, type SliceCreator } from './types';

/** Where the owner is in the flow. */
export type PlanPhase = 'idle' | 'planning' | 'preview' | 'applying' | 'applied' | 'undoing' | 'undone';

/** Auto-updates flow state and actions. */
export interface AutoUpdatesSlice {
  planPhase: PlanPhase;
  plan: PlanView | null;
  applyResult: ApplyResult | null;
  undoResult: ApplyResult | null;
  planError: string | null;
  preparePlan(lang: Lang, schedule?: Schedule): Promise<void>;
  applyPlan(lang: Lang): Promise<void>;
  undoChanges(lang: Lang): Promise<void>;
  closePlan(): void;
}

/** The beginner task this flow completes (its date is recorded on success). */
const TASK_ID = 'debutant.this-computer';

/** Creates the auto-updates slice over the API. */
export function createAutoUpdatesSlice(api: RevisionApi): SliceCreator<AutoUpdatesSlice> {
  let planRequest = 0;
  return (set, get) => ({
    planPhase: 'idle',
    plan: null,
    applyResult: null,
    undoResult: null,
    planError: null,
    async preparePlan(lang, schedule) {
      // Only the latest request's plan is shown: the core keeps only the latest plan pending.
      const request = ++planRequest;
      set({ planPhase: 'planning', planError: null, plan: null, applyResult: null, undoResult: null });
      try {
        const plan = await api.autoUpdatesPlan({ lang, ...(schedule ? { schedule } : {}) });
        if (request === planRequest) set({ plan, planPhase: 'preview' });
      } catch (error) {
        if (request === planRequest) set({ planError: errorMessage(error), planPhase: 'idle' });
      }
    },
    async applyPlan(lang) {
      const plan = get().plan;
      if (!plan) return;
      set({ planPhase: 'applying', planError: null });
      try {
        const result = await api.autoUpdatesApply({ planId: plan.id, sha256: plan.sha256, lang });
        set({ applyResult: result, planPhase: 'applied' });
        get().mergeFindings(result.verification);
        // Done only when the read-back voyant is ok (honest missions), not merely because the change applied.
        const verified = result.verification.length > 0 && result.verification.every((f) => f.state === 'ok');
        if ((result.outcome === 'applied' || result.outcome === 'nothing-to-do') && verified) await get().tickTask(TASK_ID, true);
      } catch (error) {
        set({ planError: errorMessage(error), planPhase: 'preview' });
      }
    },
    async undoChanges(lang) {
      const changeId = get().applyResult?.changeId;
      set({ planPhase: 'undoing', planError: null });
      try {
        const result = await api.autoUpdatesUndo({ lang, ...(changeId ? { changeId } : {}) });
        set({ undoResult: result, planPhase: 'undone' });
        get().mergeFindings(result.verification);
        await get().tickTask(TASK_ID, false);
      } catch (error) {
        set({ planError: errorMessage(error), planPhase: 'applied' });
      }
    },
    closePlan: () => set({ planPhase: 'idle', plan: null, applyResult: null, undoResult: null, planError: null }),
  });
}
