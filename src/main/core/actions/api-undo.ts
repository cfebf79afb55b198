/**
 * « undo » of a change record: a plan made of the recorded previous states, applied through the
 * same elevated step; the record is marked undone only when the step put everything back.
 */
import { z } from 'zod';
import type { Lang } from '../../../shared/i18n';
import type { ApplyResult } from '../../../shared/plans';
import type { ChangeRecord } from '../../../shared/workspace';
import { getT } from '../i18n';
import type { ApiDeps } from './api-deps';
import { inverseOperations } from './executor';
import { operationSchema, previousStateSchema } from './operations';
import { elevationMessage, firstFailure, operationsOf, reasonText } from './plan-texts';

/** One operation as stored in a change record. */
const recordedOperationSchema = z.object({
  index: z.number().int(),
  op: operationSchema,
  status: z.string(),
  previous: previousStateSchema.optional(),
  reason: z.string().optional(),
});

const empty = (outcome: ApplyResult['outcome'], message: string, changeId?: string): ApplyResult => ({
  planId: '',
  outcome,
  message,
  operations: [],
  verification: [],
  ...(changeId ? { changeId } : {}),
});

async function markUndone(deps: ApiDeps, record: ChangeRecord, count: number): Promise<void> {
  const { context } = deps;
  const at = context.now().toISOString();
  await context.store.update((draft) => {
    const r = draft.changes.find((c) => c.id === record.id);
    if (r) r.undoneAt = at;
    draft.history.push({
      at,
      kind: 'undo',
      by: context.user,
      summary: `auto-updates change ${record.id} undone: ${count} operation(s)`,
      key: 'history.autoUpdatesUndone',
      params: { changes: count, count },
    });
  });
}

/** Undoes a change (the given one, else the latest not undone; the caller holds the lock). */
export async function undoChange(
  deps: ApiDeps,
  changeId: string | undefined,
  lang: Lang,
): Promise<ApplyResult> {
  const { context } = deps;
  const t = getT(lang);
  const ws = context.store.read();
  const record = changeId
    ? ws.changes.find((c) => c.id === changeId)
    : [...ws.changes].reverse().find((c) => c.kind === 'auto-updates' && !c.undoneAt);
  if (!record || record.undoneAt)
    return empty('nothing-to-do', t(record ? 'plans:result.alreadyUndone' : 'plans:result.nothingToUndo'));
  if (context.host.mode !== 'live' || context.store.readOnly)
    return empty('refused', t('plans:result.workspaceReadOnly'));
  const recorded = z.array(recordedOperationSchema).safeParse(record.operations);
  if (!recorded.success) return empty('failed', t('plans:result.recordDamaged'), record.id);
  const inverse = inverseOperations(
    recorded.data.filter((o) => o.status === 'done' || o.reason === 'rollback-failed'),
  );
  if (inverse.length === 0) {
    await markUndone(deps, record, 0);
    return empty('undone', t('plans:result.undone'), record.id);
  }
  const {
    plan: saved,
    outcome,
    result,
  } = await deps.saveAndElevate('undo', inverse, record.schedule ?? 'always', record.id);
  const base = { planId: saved.id, changeId: record.id, verification: [] };
  if (outcome.status !== 'completed' || !result) {
    const m =
      outcome.status === 'completed'
        ? { outcome: 'failed' as const, message: t('plans:result.noAnswerUndo') }
        : elevationMessage(lang, outcome, true);
    return { ...base, ...m, operations: operationsOf(lang, saved.operations, null, 'skipped') };
  }
  const operations = operationsOf(lang, saved.operations, result, 'skipped');
  if (result.outcome === 'refused')
    return {
      ...base,
      outcome: 'refused',
      message: t(`plans:result.refused.${result.refusal ?? 'invalid'}`),
      operations,
    };
  if (result.outcome === 'rolled-back' || result.outcome === 'failed') {
    const reason = reasonText(lang, firstFailure(result)) ?? '';
    const key =
      result.outcome === 'rolled-back' ? 'plans:result.undoRolledBack' : 'plans:result.rollbackFailed';
    return { ...base, outcome: result.outcome, message: t(key, { reason }), operations };
  }
  await markUndone(deps, record, result.operations.filter((o) => o.status === 'done').length);
  return {
    ...base,
    outcome: 'undone',
    message: t('plans:result.undone'),
    operations,
    verification: await deps.verify(lang),
  };
}
