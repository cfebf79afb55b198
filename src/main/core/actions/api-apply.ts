/**
 * « apply » of a pending plan: one elevated step runs the verified plan file; the change record
 * (previous states) goes into the workspace BEFORE anything else, then a fresh checkup verifies.
 */
import { randomUUID } from 'node:crypto';
import type { Lang } from '../../../shared/i18n';
import type { ApplyResult } from '../../../shared/plans';
import type { ChangeRecord } from '../../../shared/workspace';
import { settingsReading } from '../findings/auto-updates';
import { getT } from '../i18n';
import type { ApiDeps, PendingPlan } from './api-deps';
import { inverseOperations } from './executor';
import type { PlanFile, PlanResult } from './plan-file';
import { elevationMessage, firstFailure, operationsOf, reasonText } from './plan-texts';

/** Nothing for the app to change (already on, guided path, managed): reads back the effective state. */
async function nothingToChange(
  deps: ApiDeps,
  plan: PendingPlan,
  planId: string,
  lang: Lang,
): Promise<ApplyResult> {
  const t = getT(lang);
  const unknown = plan.view.notChanged.some(
    (l) => l.key === 'notChanged.unknownSystem' || l.key === 'notChanged.unsupported',
  );
  const verification = unknown ? [] : await deps.verify(lang);
  const state = verification[0]?.state;
  let message: string;
  const managed = plan.view.notChanged.find((l) => l.key === 'notChanged.managed');
  const reading = settingsReading(verification[0]);
  if (managed) message = managed.text;
  else if (state === 'ok') message = t('plans:result.alreadyVerified');
  else if (reading === 'awaiting-run') message = t('truth:plans.alreadyAwaitingRun');
  else if (reading === 'not-effective')
    message = t('truth:plans.onNotEffective', {
      detail: verification[0]?.detail ?? '',
      action: verification[0]?.action ?? '',
    });
  else if (plan.view.guide.length > 0 && state)
    message = t('plans:result.guideNotYet', { detail: verification[0]?.detail ?? '' });
  else message = plan.view.notChanged[0]?.text ?? t('plans:result.nothingToDo');
  return { planId, outcome: 'nothing-to-do', message, operations: [], verification };
}

const historyKey = (file: PlanFile): string =>
  file.schedule === 'night'
    ? 'history.autoUpdatesOnNight'
    : file.schedule === 'weekend'
      ? 'history.autoUpdatesOnWeekend'
      : 'history.autoUpdatesOn';

/**
 * Saves the undo record of what the step changed. When it cannot be saved, the change could
 * never be undone: it is taken back at once, and the owner is told (returned as the failure).
 */
async function recordChange(
  deps: ApiDeps,
  file: PlanFile,
  result: PlanResult,
  lang: Lang,
  operations: ApplyResult['operations'],
): Promise<{ changeId?: string; failure?: ApplyResult }> {
  const { context } = deps;
  const changed = result.operations.filter(
    (o) =>
      o.previous && (o.status === 'done' || (o.status !== 'rolled-back' && o.reason === 'rollback-failed')),
  );
  if (changed.length === 0) return {};
  const changeId = randomUUID();
  const record: ChangeRecord = {
    id: changeId,
    planId: file.id,
    appliedAt: result.finishedAt,
    by: context.user,
    kind: 'auto-updates',
    schedule: file.schedule,
    operations: result.operations
      .filter((o) => o.previous)
      .map((o) => ({
        index: o.index,
        op: file.operations[o.index],
        status: o.status,
        previous: o.previous,
        ...(o.reason ? { reason: o.reason } : {}),
      })),
    platform: context.host.platform,
  };
  try {
    await context.store.update((ws) => {
      ws.changes.push(record);
      ws.history.push({
        at: result.finishedAt,
        kind: 'change',
        by: context.user,
        summary: `auto-updates ${file.schedule}: ${changed.length} change(s)${result.outcome === 'failed' ? ' (rollback incomplete)' : ''}`,
        key: historyKey(file),
        params: { changes: changed.length, count: changed.length },
      });
    });
    return { changeId };
  } catch (error) {
    const back = inverseOperations(result.operations.filter((o) => o.status === 'done'));
    const revert =
      back.length > 0 ? await deps.saveAndElevate('undo', back, file.schedule).catch(() => null) : null;
    const reverted =
      revert?.outcome.status === 'completed' &&
      (revert.result?.outcome === 'applied' || revert.result?.outcome === 'nothing-to-do');
    const message = getT(lang)(
      reverted ? 'plans:result.notSavedReverted' : 'plans:result.notSavedNotReverted',
      { message: (error as Error).message },
    );
    return {
      failure: {
        planId: file.id,
        outcome: reverted ? 'rolled-back' : 'failed',
        message,
        operations,
        verification: [],
      },
    };
  }
}

/** The message of a plan that ran: verified, not effective, or not verifiable. */
async function appliedMessage(
  deps: ApiDeps,
  result: PlanResult,
  lang: Lang,
): Promise<{ message: string; verification: ApplyResult['verification'] }> {
  const t = getT(lang);
  const verification = await deps.verify(lang);
  const finding = verification[0];
  let message: string;
  // Settings just switched on: the first run comes later (the next checkup shows it), which is not a failure.
  if (settingsReading(finding) === 'awaiting-run') message = t('truth:plans.appliedAwaitingRun');
  else if (!finding || finding.state === 'unknown') message = t('plans:result.appliedUnverified');
  else if (finding.state === 'ok')
    message = t(
      result.outcome === 'nothing-to-do' ? 'plans:result.alreadyVerified' : 'plans:result.appliedVerified',
    );
  else message = t('plans:result.appliedNotEffective', { detail: finding.detail, action: finding.action });
  const skipped = result.operations.find((o) => o.status === 'skipped' && o.reason);
  if (skipped)
    message += ' ' + t('plans:result.withSkipped', { reason: reasonText(lang, skipped.reason) ?? '' });
  return { message, verification };
}

/** Applies a pending plan (the caller holds the one-at-a-time lock). */
export async function applyPlan(
  deps: ApiDeps,
  plan: PendingPlan,
  planId: string,
  lang: Lang,
): Promise<ApplyResult> {
  const t = getT(lang);
  if (!plan.file) return nothingToChange(deps, plan, planId, lang);
  const file = plan.file;
  if (deps.context.store.readOnly) {
    return {
      planId: file.id,
      outcome: 'refused',
      message: t('plans:result.workspaceReadOnly'),
      operations: [],
      verification: [],
    };
  }
  const ops = file.operations;
  const { outcome, result } = await deps.elevateAndRead(plan.path, plan.sha256, file.id);
  if (outcome.status !== 'completed' || !result) {
    const m =
      outcome.status === 'completed'
        ? { outcome: 'failed' as const, message: t('plans:result.noAnswer') }
        : elevationMessage(lang, outcome, false);
    return { planId: file.id, ...m, operations: operationsOf(lang, ops, null, 'skipped'), verification: [] };
  }
  if (result.outcome === 'refused') {
    const message = t(`plans:result.refused.${result.refusal ?? 'invalid'}`);
    return {
      planId: file.id,
      outcome: 'refused',
      message,
      operations: operationsOf(lang, ops, null, 'skipped'),
      verification: [],
    };
  }
  const operations = operationsOf(lang, ops, result, 'skipped');
  // The undo data is saved before anything else: it is what makes the change reversible.
  const { changeId, failure } = await recordChange(deps, file, result, lang, operations);
  if (failure) return failure;
  const withChange = changeId ? { changeId } : {};
  if (result.outcome === 'rolled-back' || result.outcome === 'failed') {
    const reason = reasonText(lang, firstFailure(result)) ?? '';
    const key = result.outcome === 'rolled-back' ? 'plans:result.rolledBack' : 'plans:result.rollbackFailed';
    return {
      planId: file.id,
      outcome: result.outcome,
      message: t(key, { reason }),
      operations,
      verification: [],
      ...withChange,
    };
  }
  const { message, verification } = await appliedMessage(deps, result, lang);
  return { planId: file.id, outcome: result.outcome, message, operations, verification, ...withChange };
}
