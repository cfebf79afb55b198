/**
 * Auto-updates plans: plan, apply, undo (issue 4). The service's `autoUpdates:*` channels and
 * the `revision auto-updates` command both call this object.
 *
 * plan   → reads the facts (OS identity + auto-updates probes), computes typed operations,
 *          saves the plan file in the workspace and keeps its SHA-256 in memory.
 * apply  → one elevated step runs the verified plan file (api-apply.ts).
 * undo   → a plan made of the recorded previous states, applied the same way (api-undo.ts).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { MachineFacts } from '../../../shared/facts';
import type { Lang } from '../../../shared/i18n';
import type { ChannelArgs } from '../../../shared/ipc';
import type { ApplyResult, PlanView } from '../../../shared/plans';
import type { Schedule } from '../../../shared/workspace';
import { runCheckup } from '../checkup/run-checkup';
import type { Probe } from '../checkup/probe';
import { getT } from '../i18n';
import { probesFor } from '../platforms';
import type { ServiceContext } from '../context';
import { applyPlan } from './api-apply';
import { createApiDeps, type AutoUpdatesOptions, type PendingPlan } from './api-deps';
import { undoChange } from './api-undo';
import { operationSchema, technicalLine } from './operations';
import { savePlanFile, sha256Hex } from './plan-file';
import { planLine } from './plan-texts';
import { computePlan } from './planners';

export type { AutoUpdatesOptions } from './api-deps';

/** The auto-updates part of the service. */
export interface AutoUpdatesApi {
  plan(args: ChannelArgs<'autoUpdates:plan'>[0]): Promise<PlanView>;
  apply(args: ChannelArgs<'autoUpdates:apply'>[0]): Promise<ApplyResult>;
  undo(args: ChannelArgs<'autoUpdates:undo'>[0]): Promise<ApplyResult>;
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

/** Creates the auto-updates API over the service context. */
export function createAutoUpdatesApi(
  context: ServiceContext,
  options: AutoUpdatesOptions = {},
): AutoUpdatesApi {
  const { host, store } = context;
  const deps = createApiDeps(context, options);
  const pending = new Map<string, PendingPlan>();
  let busy = false;
  const line = planLine;

  const factProbes = (): readonly Probe[] =>
    options.factProbes ??
    probesFor(host.platform).filter((p) => p.sections.includes('os') || p.sections.includes('autoUpdates'));

  async function readFacts(lang: Lang): Promise<MachineFacts> {
    const report = await runCheckup({ host, lang, now: context.now(), probes: factProbes() });
    return report.facts;
  }

  /** One plan or undo at a time. */
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
      if (isServer && schedule === 'always' && operations.length > 0)
        notChanged.push({ key: 'notChanged.serverSchedule' });
      // One plan at a time: a new plan replaces the one shown before (its file is removed).
      for (const old of pending.values())
        if (old.path) await rm(old.path, { force: true }).catch(() => undefined);
      pending.clear();
      const id = randomUUID();
      const createdAt = context.now().toISOString();
      // The plan's fingerprint: apply must name it, so the plan applied is the plan shown.
      const hash = sha256Hex(JSON.stringify({ id, schedule, platform: host.platform, createdAt, operations }));
      const view: PlanView = {
        id,
        sha256: hash,
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
      return exclusive(async () => {
        const plan = pending.get(args.planId);
        if (!plan) {
          const message = getT(lang)('plans:result.unknownPlan');
          // A plan that is no longer valid is a warning to act on, never a green "nothing to do".
          return { planId: args.planId, outcome: 'refused', message, operations: [], verification: [] };
        }
        if (plan.view.sha256 !== args.sha256) {
          const message = getT(lang)('hardening:plan.mismatch');
          return { planId: args.planId, outcome: 'refused', message, operations: [], verification: [] };
        }
        pending.delete(args.planId);
        return applyPlan(deps, plan, args.planId, lang);
      }, lang);
    },

    async undo(args) {
      const lang = context.langOf(args.lang);
      return exclusive(() => undoChange(deps, args.changeId, lang), lang);
    },
  };
}

export { computePlan } from './planners';
export type { ElevationRunner, SelfEntry } from './elevation';
export { inProcessRunner, pkexecRunner } from './elevation';
