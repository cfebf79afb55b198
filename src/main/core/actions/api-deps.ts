/**
 * What the auto-updates API's steps share: the service context, the elevated step (run, then
 * its answer read back from the administrator's results folder) and the verification checkup.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Finding } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import type { PlanView } from '../../../shared/plans';
import type { Schedule } from '../../../shared/workspace';
import type { Probe } from '../checkup/probe';
import type { ServiceContext } from '../context';
import {
  REFUSED_EXIT_CODE,
  currentSelfEntry,
  defaultElevationRunner,
  type ElevationOutcome,
  type ElevationRunner,
  type SelfEntry,
} from './elevation';
import type { Operation } from './operations';
import { savePlanFile, type PlanFile, type PlanResult } from './plan-file';
import { defaultResultsDir, readPlanResult } from './plan-results';

/** Options (tests and the Electron shell choose the elevation runner and the probes). */
export interface AutoUpdatesOptions {
  /** How the elevated step runs; default: in-process when already administrator, else the OS's prompt. */
  readonly elevation?: ElevationRunner | (() => Promise<ElevationRunner>);
  /** The probes that read the facts a plan needs (default: the platform's probes filling os + autoUpdates). */
  readonly factProbes?: readonly Probe[];
  /** The program that starts our CLI for the elevated step (the Electron shell passes its own; default: this process's). */
  readonly entry?: SelfEntry;
  /** Where the elevated step leaves its answers (tests only; default: the system's administrator folder). */
  readonly resultsDir?: string;
}

/** A plan shown to the owner, waiting for « apply ». */
export interface PendingPlan {
  /** null: nothing to do (the plan is empty). */
  readonly file: PlanFile | null;
  readonly path: string;
  readonly sha256: string;
  readonly view: PlanView;
}

/** The outcome of one elevated step: how the prompt went and the step's answer (null: none). */
export interface Elevated {
  readonly outcome: ElevationOutcome;
  readonly result: PlanResult | null;
}

/** What apply and undo work with. */
export interface ApiDeps {
  readonly context: ServiceContext;
  /** Runs the elevated step on a saved plan file and reads its answer; removes the plan file. */
  elevateAndRead(path: string, sha256: string, planId: string): Promise<Elevated>;
  /** Saves a plan file of operations and runs it through the elevated step. */
  saveAndElevate(
    purpose: 'apply' | 'undo',
    operations: readonly Operation[],
    schedule: Schedule,
    changeId?: string,
  ): Promise<Elevated & { plan: PlanFile }>;
  /** The auto-updates finding of a fresh checkup (empty when it could not run). */
  verify(lang: Lang): Promise<Finding[]>;
}

/** Creates the shared steps over the service context. */
export function createApiDeps(context: ServiceContext, options: AutoUpdatesOptions): ApiDeps {
  const { host, store } = context;

  async function runner(): Promise<ElevationRunner> {
    if (typeof options.elevation === 'function') return options.elevation();
    return options.elevation ?? defaultElevationRunner(host, options.entry ?? currentSelfEntry());
  }

  async function elevateAndRead(path: string, sha256: string, planId: string): Promise<Elevated> {
    const outcome = await (await runner()).elevate({ planPath: path, sha256 });
    let result: PlanResult | null = null;
    if (outcome.status === 'completed') {
      const read = await readPlanResult(options.resultsDir ?? defaultResultsDir(host.platform), planId);
      if (read?.sha256 === sha256) result = read;
      // A refused plan leaves no file: the refusal is in the exit code (and the step's output).
      else if (outcome.exitCode === REFUSED_EXIT_CODE) {
        const refusal = outcome.refusal ?? 'invalid';
        result = {
          planId,
          sha256,
          outcome: 'refused',
          refusal,
          operations: [],
          finishedAt: context.now().toISOString(),
        };
      }
    }
    await rm(path, { force: true }).catch(() => undefined);
    return { outcome, result };
  }

  return {
    context,
    elevateAndRead,
    async saveAndElevate(purpose, operations, schedule, changeId) {
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
    },
    async verify(lang) {
      try {
        const report = await context.runAndRecordCheckup(lang);
        return report.findings.filter((f) => f.id === 'auto-updates');
      } catch {
        return [];
      }
    },
  };
}
