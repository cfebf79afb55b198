/**
 * Auto-updates plans: plan, apply, undo (issue 4). The service's `autoUpdates:*` channels and
 * the `revision auto-updates` command both call this object.
 *
 * plan   → reads the facts (OS identity + auto-updates probes), computes typed operations,
 *          saves the plan file in the workspace and keeps its SHA-256 in memory.
 * apply  → one elevated step runs the verified plan file; the change record (previous states)
 *          goes into workspace.changes, then a fresh checkup verifies the result.
 * undo   → a plan made of the recorded previous states, applied the same way.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import type { Finding } from '../../../shared/checkup';
import type { MachineFacts } from '../../../shared/facts';
import type { Lang } from '../../../shared/i18n';
import type { ChannelArgs } from '../../../shared/ipc';
import type { ApplyResult, OperationStatus, PlanLine, PlanView } from '../../../shared/plans';
import type { ChangeRecord, Schedule } from '../../../shared/workspace';
import { runCheckup } from '../checkup/run-checkup';
import type { Probe } from '../checkup/probe';
import { getT } from '../i18n';
import { probesFor } from '../platforms';
import type { ServiceContext } from '../context';
import { currentSelfEntry, defaultElevationRunner, type ElevationOutcome, type ElevationRunner, type SelfEntry } from './elevation';
import { inverseOperations, type ReasonCode } from './executor';
import { operationSchema, previousStateSchema, technicalLine, type Operation } from './operations';
import { planResultSchema, resultPathOf, savePlanFile, type PlanFile, type PlanResult } from './plan-file';
import { computePlan, type LineSpec } from './planners';
import { z } from 'zod';

/** The auto-updates part of the service. */
export interface AutoUpdatesApi {
  plan(args: ChannelArgs<'autoUpdates:plan'>[0]): Promise<PlanView>;
  apply(args: ChannelArgs<'autoUpdates:apply'>[0]): Promise<ApplyResult>;
  undo(args: ChannelArgs<'autoUpdates:undo'>[0]): Promise<ApplyResult>;
}

/** Options (tests and the Electron shell choose the elevation runner and the probes). */
export interface AutoUpdatesOptions {
  /** How the elevated step runs; default: in-process when already administrator, else the OS's prompt. */
  readonly elevation?: ElevationRunner | (() => Promise<ElevationRunner>);
  /** The probes that read the facts a plan needs (default: the platform's probes filling os + autoUpdates). */
  readonly factProbes?: readonly Probe[];
  /** The program that starts our CLI for the elevated step (the Electron shell passes its own; default: this process's). */
  readonly entry?: SelfEntry;
}

/** An owner-facing error of the auto-updates API (message already in the owner's language). */
export class AutoUpdatesError extends Error {
  override readonly name = 'AutoUpdatesError';
  constructor(
    readonly code: 'conflict' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** One operation as stored in a change record. */
const recordedOperationSchema = z.object({
  index: z.number().int(),
  op: operationSchema,
  status: z.string(),
  previous: previousStateSchema.optional(),
  reason: z.string().optional(),
});

interface PendingPlan {
  /** null: nothing to do (the plan is empty). */
  readonly file: PlanFile | null;
  readonly path: string;
  readonly sha256: string;
  readonly view: PlanView;
}

/** The i18n key describing an operation to the owner. */
function operationKey(op: Operation): { key: string; params?: Record<string, string> } {
  switch (op.op) {
    case 'command':
      if (op.command.startsWith('apt-install') || op.command.startsWith('dnf-install')) return { key: 'op.install' };
      if (op.command.startsWith('apt-purge') || op.command.startsWith('dnf-remove')) return { key: 'op.uninstall' };
      if (op.command === 'systemctl-daemon-reload') return { key: 'op.reload' };
      return { key: 'op.timer' };
    case 'file-write':
    case 'file-remove':
      return { key: op.path.includes('.timer.d/') ? 'op.schedule' : op.op === 'file-remove' ? 'op.removeSetting' : 'op.setting' };
    case 'ini-set':
      return { key: 'op.setting' };
    case 'registry-set':
    case 'registry-delete':
      return { key: 'op.windows', params: { name: op.name } };
    case 'registry-delete-key':
    case 'registry-add-key':
      return { key: 'op.windows', params: { name: op.key.split('\\').pop() ?? '' } };
    case 'defaults-write':
    case 'defaults-delete':
      return { key: 'op.macos', params: { name: op.key } };
  }
}

/** Creates the auto-updates API over the service context. */
export function createAutoUpdatesApi(context: ServiceContext, options: AutoUpdatesOptions = {}): AutoUpdatesApi {
  const { host, store } = context;
  const pending = new Map<string, PendingPlan>();
  let busy = false;

  const line = (lang: Lang, spec: LineSpec): PlanLine & { text: string } => ({
    key: spec.key,
    params: { ...(spec.params ?? {}) },
    text: getT(lang)(`plans:${spec.key}`, { ...(spec.params ?? {}) }),
  });

  const factProbes = (): readonly Probe[] =>
    options.factProbes ?? probesFor(host.platform).filter((p) => p.sections.includes('os') || p.sections.includes('autoUpdates'));

  async function readFacts(lang: Lang): Promise<MachineFacts> {
    const report = await runCheckup({ host, lang, now: context.now(), probes: factProbes() });
    return report.facts;
  }

  async function runner(): Promise<ElevationRunner> {
    if (typeof options.elevation === 'function') return options.elevation();
    return options.elevation ?? defaultElevationRunner(host, options.entry ?? currentSelfEntry());
  }

  function describe(lang: Lang, op: Operation): string {
    const { key, params } = operationKey(op);
    return getT(lang)(`plans:${key}`, params ?? {});
  }

  function reasonText(lang: Lang, reason: string | undefined): string | undefined {
    return reason ? getT(lang)(`plans:reason.${reason}`) : undefined;
  }

  /** Runs the elevated step and reads its answer; null answer means it could not run. */
  async function elevateAndRead(path: string, sha256: string, planId: string): Promise<{ outcome: ElevationOutcome; result: PlanResult | null }> {
    const r = await runner();
    const outcome = await r.elevate({ planPath: path, sha256 });
    let result: PlanResult | null = null;
    if (outcome.status === 'completed') {
      try {
        const parsed = planResultSchema.safeParse(JSON.parse(await readFile(resultPathOf(path), 'utf8')));
        if (parsed.success && parsed.data.planId === planId && parsed.data.sha256 === sha256) result = parsed.data;
      } catch {
        result = null;
      }
    }
    await rm(resultPathOf(path), { force: true }).catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    return { outcome, result };
  }

  /** Saves a plan file of operations and runs it through the elevated step. */
  async function saveAndElevate(purpose: 'apply' | 'undo', operations: readonly Operation[], schedule: Schedule, changeId?: string) {
    const id = randomUUID();
    const saved = await savePlanFile(store.dir, {
      format: 'revision-plan',
      formatVersion: 1,
      id,
      purpose,
      kind: 'auto-updates',
      platform: host.platform,
      schedule,
      createdAt: context.now().toISOString(),
      ...(changeId ? { changeId } : {}),
      operations: [...operations],
    });
    return { plan: saved.plan, ...(await elevateAndRead(saved.path, saved.sha256, id)) };
  }

  async function verify(lang: Lang): Promise<Finding[]> {
    try {
      const report = await context.runAndRecordCheckup(lang);
      return report.findings.filter((f) => f.id === 'auto-updates');
    } catch {
      return [];
    }
  }

  function operationsOf(lang: Lang, ops: readonly Operation[], result: PlanResult | null, fallback: OperationStatus): ApplyResult['operations'] {
    return ops.map((op, index) => {
      const r = result?.operations.find((o) => o.index === index);
      const message = reasonText(lang, r?.reason);
      return { index, description: describe(lang, op), status: r?.status ?? fallback, ...(message ? { message } : {}) };
    });
  }

  function firstFailure(result: PlanResult): ReasonCode | undefined {
    return result.operations.find((o) => o.status === 'failed')?.reason ?? result.operations.find((o) => o.reason === 'rollback-failed')?.reason;
  }

  /** The owner-facing message for an elevation that did not complete. */
  function elevationMessage(lang: Lang, outcome: ElevationOutcome, undo: boolean): { outcome: ApplyResult['outcome']; message: string } {
    const t = getT(lang);
    const suffix = undo ? 'Undo' : '';
    switch (outcome.status) {
      case 'cancelled':
        return { outcome: 'cancelled', message: t(`plans:result.cancelled${suffix}`) };
      case 'denied':
        return { outcome: 'failed', message: t(`plans:result.denied${suffix}`) };
      case 'unavailable':
        return { outcome: 'failed', message: t(`plans:result.unavailable${suffix}`) };
      default:
        return { outcome: 'failed', message: t(`plans:result.noAnswer${suffix}`) };
    }
  }

  async function exclusive<T>(work: () => Promise<T>, lang: Lang): Promise<T> {
    if (busy) throw new AutoUpdatesError('conflict', getT(lang)('plans:result.busy'));
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  return {
    async plan(args) {
      const lang = context.langOf(args.lang);
      const ws = store.read();
      const schedule: Schedule = args.schedule ?? ws.settings.schedule ?? 'always';
      const facts = await readFacts(lang);
      const computed = computePlan(facts, schedule, host.platform);
      const operations = computed.operations.map((op) => operationSchema.parse(op));
      const notChanged = [...computed.notChanged];
      const isServer = ws.settings.thisComputerIsServer ?? facts.os?.isServer ?? false;
      if (isServer && schedule === 'always' && operations.length > 0) notChanged.push({ key: 'notChanged.serverSchedule' });
      // One plan at a time: a new plan replaces the one shown before (its file is removed).
      for (const old of pending.values()) if (old.path) await rm(old.path, { force: true }).catch(() => undefined);
      pending.clear();
      const id = randomUUID();
      const createdAt = context.now().toISOString();
      const view: PlanView = {
        id,
        kind: 'auto-updates',
        platform: host.platform,
        schedule,
        createdAt,
        changes: computed.changes.map((c) => line(lang, c)),
        notChanged: notChanged.map((c) => line(lang, c)),
        technical: operations.map(technicalLine),
        requiresAdmin: operations.length > 0,
        empty: operations.length === 0,
        guide: computed.guide.map((c) => line(lang, c)),
      };
      if (operations.length === 0) {
        pending.set(id, { file: null, path: '', sha256: '', view });
      } else if (host.mode === 'live' && !store.readOnly) {
        const saved = await savePlanFile(store.dir, {
          format: 'revision-plan',
          formatVersion: 1,
          id,
          purpose: 'apply',
          kind: 'auto-updates',
          platform: host.platform,
          schedule,
          createdAt,
          operations,
        });
        pending.set(id, { file: saved.plan, path: saved.path, sha256: saved.sha256, view });
      }
      return view;
    },

    async apply(args) {
      const lang = context.langOf(args.lang);
      const t = getT(lang);
      return exclusive(async () => {
        const plan = pending.get(args.planId);
        if (!plan) {
          return { planId: args.planId, outcome: 'nothing-to-do', message: t('plans:result.unknownPlan'), operations: [], verification: [] };
        }
        pending.delete(args.planId);
        if (!plan.file) {
          // Nothing for the app to change (already on, guided path, managed): read back the effective state.
          const verification = plan.view.notChanged.some((l) => l.key === 'notChanged.unknownSystem' || l.key === 'notChanged.unsupported') ? [] : await verify(lang);
          const state = verification[0]?.state;
          let message: string;
          const managed = plan.view.notChanged.find((l) => l.key === 'notChanged.managed');
          if (managed) message = managed.text;
          else if (state === 'ok') message = t('plans:result.alreadyVerified');
          else if (plan.view.guide.length > 0 && state) message = t('plans:result.guideNotYet', { detail: verification[0]?.detail ?? '' });
          else message = plan.view.notChanged[0]?.text ?? t('plans:result.nothingToDo');
          return { planId: args.planId, outcome: 'nothing-to-do', message, operations: [], verification };
        }
        const file = plan.file;
        if (store.readOnly) {
          return { planId: file.id, outcome: 'refused', message: t('plans:result.workspaceReadOnly'), operations: [], verification: [] };
        }
        const ops = file.operations;
        const { outcome, result } = await elevateAndRead(plan.path, plan.sha256, file.id);
        if (outcome.status !== 'completed' || !result) {
          const m = outcome.status === 'completed' ? { outcome: 'failed' as const, message: t('plans:result.noAnswer') } : elevationMessage(lang, outcome, false);
          return { planId: file.id, ...m, operations: operationsOf(lang, ops, null, 'skipped'), verification: [] };
        }
        if (result.outcome === 'refused') {
          return { planId: file.id, outcome: 'refused', message: t(`plans:result.refused.${result.refusal ?? 'invalid'}`), operations: operationsOf(lang, ops, null, 'skipped'), verification: [] };
        }
        const operations = operationsOf(lang, ops, result, 'skipped');
        let changeId: string | undefined;
        const changed = result.operations.filter((o) => o.previous && (o.status === 'done' || (o.status !== 'rolled-back' && o.reason === 'rollback-failed')));
        if (changed.length > 0) {
          // The undo data is saved before anything else: it is what makes the change reversible.
          changeId = randomUUID();
          const record: ChangeRecord = {
            id: changeId,
            planId: file.id,
            appliedAt: result.finishedAt,
            by: context.user,
            kind: 'auto-updates',
            schedule: file.schedule,
            operations: result.operations
              .filter((o) => o.previous)
              .map((o) => ({ index: o.index, op: ops[o.index], status: o.status, previous: o.previous, ...(o.reason ? { reason: o.reason } : {}) })),
            platform: host.platform,
          };
          try {
            await store.update((ws) => {
              ws.changes.push(record);
              ws.history.push({
                at: result.finishedAt,
                kind: 'change',
                by: context.user,
                summary: `auto-updates ${file.schedule}: ${changed.length} change(s)${result.outcome === 'failed' ? ' (rollback incomplete)' : ''}`,
                key: file.schedule === 'night' ? 'history.autoUpdatesOnNight' : file.schedule === 'weekend' ? 'history.autoUpdatesOnWeekend' : 'history.autoUpdatesOn',
                params: { changes: changed.length },
              });
            });
          } catch (error) {
            // Without its undo record the change could not be undone later: take it back now.
            const back = inverseOperations(result.operations.filter((o) => o.status === 'done'));
            const revert = back.length > 0 ? await saveAndElevate('undo', back, file.schedule).catch(() => null) : null;
            const reverted = revert?.outcome.status === 'completed' && (revert.result?.outcome === 'applied' || revert.result?.outcome === 'nothing-to-do');
            const message = t(reverted ? 'plans:result.notSavedReverted' : 'plans:result.notSavedNotReverted', { message: (error as Error).message });
            return { planId: file.id, outcome: reverted ? 'rolled-back' : 'failed', message, operations, verification: [] };
          }
        }
        if (result.outcome === 'rolled-back' || result.outcome === 'failed') {
          const reason = reasonText(lang, firstFailure(result)) ?? '';
          const key = result.outcome === 'rolled-back' ? 'plans:result.rolledBack' : 'plans:result.rollbackFailed';
          return { planId: file.id, outcome: result.outcome, message: t(key, { reason }), operations, verification: [], ...(changeId ? { changeId } : {}) };
        }
        const verification = await verify(lang);
        const finding = verification[0];
        const skipped = result.operations.find((o) => o.status === 'skipped' && o.reason);
        let message: string;
        if (!finding || finding.state === 'unknown') message = t('plans:result.appliedUnverified');
        else if (finding.state === 'ok') message = t(result.outcome === 'nothing-to-do' ? 'plans:result.alreadyVerified' : 'plans:result.appliedVerified');
        else message = t('plans:result.appliedNotEffective', { detail: finding.detail, action: finding.action });
        if (skipped) message += ' ' + t('plans:result.withSkipped', { reason: reasonText(lang, skipped.reason) ?? '' });
        return { planId: file.id, outcome: result.outcome, message, operations, verification, ...(changeId ? { changeId } : {}) };
      }, lang);
    },

    async undo(args) {
      const lang = context.langOf(args.lang);
      const t = getT(lang);
      return exclusive(async () => {
        const ws = store.read();
        const record = args.changeId
          ? ws.changes.find((c) => c.id === args.changeId)
          : [...ws.changes].reverse().find((c) => c.kind === 'auto-updates' && !c.undoneAt);
        if (!record || record.undoneAt) {
          return { planId: '', outcome: 'nothing-to-do', message: t(record ? 'plans:result.alreadyUndone' : 'plans:result.nothingToUndo'), operations: [], verification: [] };
        }
        if (host.mode !== 'live' || store.readOnly) {
          return { planId: '', outcome: 'refused', message: t('plans:result.workspaceReadOnly'), operations: [], verification: [] };
        }
        const recorded = z.array(recordedOperationSchema).safeParse(record.operations);
        if (!recorded.success) {
          return { planId: '', outcome: 'failed', message: t('plans:result.recordDamaged'), operations: [], verification: [], changeId: record.id };
        }
        const inverse = inverseOperations(recorded.data.filter((o) => o.status === 'done' || o.reason === 'rollback-failed'));
        const markUndone = async (count: number): Promise<void> => {
          const at = context.now().toISOString();
          await store.update((draft) => {
            const r = draft.changes.find((c) => c.id === record.id);
            if (r) r.undoneAt = at;
            draft.history.push({ at, kind: 'undo', by: context.user, summary: `auto-updates change ${record.id} undone: ${count} operation(s)`, key: 'history.autoUpdatesUndone', params: { changes: count } });
          });
        };
        if (inverse.length === 0) {
          await markUndone(0);
          return { planId: '', outcome: 'undone', message: t('plans:result.undone'), operations: [], verification: [], changeId: record.id };
        }
        const { plan: saved, outcome, result } = await saveAndElevate('undo', inverse, record.schedule ?? 'always', record.id);
        const id = saved.id;
        if (outcome.status !== 'completed' || !result) {
          const m = outcome.status === 'completed' ? { outcome: 'failed' as const, message: t('plans:result.noAnswerUndo') } : elevationMessage(lang, outcome, true);
          return { planId: id, ...m, operations: operationsOf(lang, saved.operations, null, 'skipped'), verification: [], changeId: record.id };
        }
        const operations = operationsOf(lang, saved.operations, result, 'skipped');
        if (result.outcome === 'refused') {
          return { planId: id, outcome: 'refused', message: t(`plans:result.refused.${result.refusal ?? 'invalid'}`), operations, verification: [], changeId: record.id };
        }
        if (result.outcome === 'rolled-back' || result.outcome === 'failed') {
          const reason = reasonText(lang, firstFailure(result)) ?? '';
          return { planId: id, outcome: result.outcome, message: t(result.outcome === 'rolled-back' ? 'plans:result.undoRolledBack' : 'plans:result.rollbackFailed', { reason }), operations, verification: [], changeId: record.id };
        }
        await markUndone(result.operations.filter((o) => o.status === 'done').length);
        const verification = await verify(lang);
        return { planId: id, outcome: 'undone', message: t('plans:result.undone'), operations, verification, changeId: record.id };
      }, lang);
    },
  };
}

export { computePlan } from './planners';
export type { ElevationRunner, SelfEntry } from './elevation';
export { inProcessRunner, pkexecRunner } from './elevation';
