/**
 * `revision auto-updates plan|apply|undo`: shows what the app would change to switch automatic
 * updates on, applies it with one administrator step, or undoes the last change. The same
 * service methods serve the app's `autoUpdates:*` channels.
 */
import { resolve } from 'node:path';
import type { Lang } from '../../../shared/i18n';
import type { ApplyResult, PlanView } from '../../../shared/plans';
import { schedules, type Schedule } from '../../../shared/workspace';
import { CaptureError, createReplayHost, loadCapture } from '../../core/exec/capture';
import type { Host } from '../../core/exec/host';
import { getT } from '../../core/i18n';
import { createService, type RevisionService } from '../../core/service';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { replayError, workspaceError } from '../errors';
import { CliError, type CliCommand, type CliIo, type CliOptions } from '../io';
import { printNotices } from '../notices';

/** The plan as terminal text: what changes, what does not, the guide, the technical view. */
export function formatPlanText(plan: PlanView, lang: Lang): string {
  const t = getT(lang);
  const lines: string[] = [t('cli:autoUpdates.planTitle', { schedule: t(`cli:autoUpdates.schedules.${plan.schedule}`) }), ''];
  if (plan.changes.length > 0) {
    lines.push(t('cli:autoUpdates.willChange'));
    for (const c of plan.changes) lines.push(`  • ${c.text}`);
    lines.push('');
  }
  if (plan.notChanged.length > 0) {
    lines.push(t('cli:autoUpdates.wontChange'));
    for (const c of plan.notChanged) lines.push(`  • ${c.text}`);
    lines.push('');
  }
  if (plan.guide.length > 0) {
    lines.push(t('cli:autoUpdates.guide'));
    plan.guide.forEach((g, i) => lines.push(`  ${i + 1}. ${g.text}`));
    lines.push('');
  }
  if (plan.technical.length > 0) {
    lines.push(t('cli:autoUpdates.technical'));
    for (const tech of plan.technical) lines.push(`  $ ${tech.replace(/\n/g, '\n    ')}`);
    lines.push('');
  }
  lines.push(plan.empty ? t('cli:autoUpdates.nothingToDo') : t(plan.requiresAdmin ? 'cli:autoUpdates.adminOnce' : 'cli:autoUpdates.noAdmin'));
  return lines.join('\n') + '\n';
}

/** The result of apply or undo as terminal text. */
export function formatResultText(result: ApplyResult, lang: Lang): string {
  const t = getT(lang);
  const lines: string[] = [];
  for (const op of result.operations) {
    lines.push(`  ${t(`cli:autoUpdates.status.${op.status}`)} — ${op.description}${op.message ? ` (${op.message})` : ''}`);
  }
  if (result.operations.length > 0) lines.push('');
  for (const f of result.verification) lines.push(t('cli:autoUpdates.verified', { state: t(`cli:checkup.states.${f.state}`), title: f.title }));
  if (result.verification.length > 0) lines.push('');
  lines.push(result.message);
  return lines.join('\n') + '\n';
}

function parseSchedule(value: string | undefined, lang: Lang): Schedule | undefined {
  if (value === undefined) return undefined;
  if ((schedules as readonly string[]).includes(value)) return value as Schedule;
  throw new CliError(getT(lang)('cli:autoUpdates.badSchedule', { value }), 2);
}

async function openService(options: CliOptions, io: CliIo): Promise<RevisionService> {
  let host: Host | undefined;
  let now: Date | undefined;
  if (options.replay) {
    try {
      const capture = await loadCapture(resolve(options.replay));
      host = createReplayHost(capture);
      now = capture.manifest.now ? new Date(capture.manifest.now) : undefined;
    } catch (error) {
      if (error instanceof CaptureError) throw replayError(error, resolve(options.replay), options.lang);
      throw error;
    }
  }
  const home = options.workspace ? resolve(options.workspace) : defaultWorkspaceDir(io.env);
  let service: RevisionService;
  try {
    service = await createService({ home, ...(host ? { host } : {}), ...(now ? { now: () => now } : {}) });
  } catch (error) {
    throw workspaceError(error, home, options.lang);
  }
  printNotices(service.context.store, options.lang, io);
  return service;
}

const exitOf = (result: ApplyResult): number => (['applied', 'nothing-to-do', 'undone'].includes(result.outcome) ? 0 : 1);

/** Runs `revision auto-updates`. */
export const autoUpdatesCommand: CliCommand = async (options, io) => {
  const lang = options.lang;
  const t = getT(lang);
  const [action] = options.positionals;
  if (action !== 'plan' && action !== 'apply' && action !== 'undo') throw new CliError(t('cli:autoUpdates.usage'), 2);
  const schedule = parseSchedule(options.schedule, lang);
  if (action !== 'plan' && options.replay) throw new CliError(t('cli:autoUpdates.replayReadOnly'), 2);
  // Refuse before anything runs: without --yes there must be someone at a terminal to confirm.
  if (action !== 'plan' && !options.yes && !io.tty) throw new CliError(t('cli:autoUpdates.needsYes', { action }), 2);
  const service = await openService(options, io);

  if (action === 'undo') {
    if (!options.yes && !(await io.confirm(t('cli:autoUpdates.confirmUndo')))) {
      io.out(t('cli:autoUpdates.notConfirmed') + '\n');
      return 1;
    }
    const result = await service.autoUpdatesUndo({ lang });
    io.out(options.json ? JSON.stringify(result, null, 2) + '\n' : formatResultText(result, lang));
    return exitOf(result);
  }

  const plan = await service.autoUpdatesPlan({ lang, ...(schedule ? { schedule } : {}) });
  if (action === 'plan') {
    io.out(options.json ? JSON.stringify(plan, null, 2) + '\n' : formatPlanText(plan, lang));
    return 0;
  }
  if (!options.json) io.out(formatPlanText(plan, lang) + '\n');
  if (plan.empty) {
    if (options.json) io.out(JSON.stringify({ plan, result: null }, null, 2) + '\n');
    return 0;
  }
  if (!options.yes && !(await io.confirm(t('cli:autoUpdates.confirmApply')))) {
    io.out(t('cli:autoUpdates.notConfirmed') + '\n');
    return 1;
  }
  const result = await service.autoUpdatesApply({ planId: plan.id, sha256: plan.sha256, lang });
  io.out(options.json ? JSON.stringify({ plan, result }, null, 2) + '\n' : formatResultText(result, lang));
  return exitOf(result);
};
