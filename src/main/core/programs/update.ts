/**
 * « Mettre à jour » / « Tout mettre à jour » (issue 12): the program-updates API. plan → which
 * programs, what runs (plain words + exact commands), saved as a plan file on Linux with its
 * SHA-256; apply → Linux: the one elevated step runs the verified plan (allow-listed
 * `package-upgrade` operations only); Windows: winget per program through the core's runner.
 * Then a fresh checkup says, per program, whether it is « à jour » now.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Lang } from '../../../shared/i18n';
import type {
  ProgramUpdatePlanView,
  ProgramUpdateResult,
  ProgramUpdateResultItem,
} from '../../../shared/program-updates';
import type { ChannelArgs } from '../../../shared/ipc';
import { createApiDeps, type AutoUpdatesOptions } from '../actions/api-deps';
import { operationSchema, technicalLine, type Operation } from '../actions/operations';
import { savePlanFile, sha256Hex } from '../actions/plan-file';
import type { ServiceContext } from '../context';
import { getT } from '../i18n';
import { wingetUpgradeArgs } from './sources/winget';
import { aptOperations, selectPrograms, type UpdateSelection } from './update-plan';
import { aptOutcomes, elevationOutcomes, withVerification, type RawOutcome } from './update-results';
import { runWingetUpgrade } from './update-winget';

/** The program-updates part of the service. */
export interface ProgramUpdatesApi {
  plan(args: ChannelArgs<'programUpdates:plan'>[0]): Promise<ProgramUpdatePlanView>;
  apply(args: ChannelArgs<'programUpdates:apply'>[0]): Promise<ProgramUpdateResult>;
}

interface Pending {
  readonly view: ProgramUpdatePlanView;
  readonly selection: UpdateSelection;
  readonly operations: readonly Operation[];
  readonly path: string;
  readonly fileSha256: string;
}

/** Creates the program-updates API (elevation options as for auto-updates). */
export function createProgramUpdatesApi(
  context: ServiceContext,
  options: AutoUpdatesOptions = {},
): ProgramUpdatesApi {
  const { host, store } = context;
  const deps = createApiDeps(context, options);
  const pending = new Map<string, Pending>();
  let busy = false;

  async function buildView(lang: Lang, selection: UpdateSelection, operations: readonly Operation[]) {
    const t = getT(lang);
    const lines = selection.items.map(({ item }) =>
      item.from && item.to
        ? t('programUpdates:plan.line', { name: item.name, from: item.from, to: item.to })
        : t('programUpdates:plan.lineUnknown', { name: item.name }),
    );
    const technical =
      host.platform === 'linux'
        ? operations.map(technicalLine)
        : selection.items.flatMap(({ route }) =>
            route.kind === 'winget' ? [`winget ${wingetUpgradeArgs(route.id).join(' ')}`] : [],
          );
    const empty = selection.items.length === 0;
    if (!empty)
      lines.push(
        t(host.platform === 'linux' ? 'programUpdates:plan.admin' : 'programUpdates:plan.adminWindows'),
      );
    return {
      lines,
      technical,
      empty,
      notHandled: selection.notHandled.map((n) => ({
        name: n.name,
        reason: t(`programUpdates:plan.notHandled.${n.reason}`, { name: n.name }),
      })),
      leftOut: selection.leftOut,
      programs: selection.items.map((i) => i.item),
      requiresAdmin: !empty && host.platform === 'linux',
      noUndo: t('programUpdates:plan.noUndo'),
    };
  }

  async function runLinux(lang: Lang, p: Pending): Promise<RawOutcome[]> {
    const items = p.selection.items.map(({ item, route }) => ({
      item,
      packages: route.kind === 'apt' ? route.packages : [],
    }));
    const { outcome, result } = await deps.elevateAndRead(p.path, p.fileSha256, p.view.id);
    if (outcome.status !== 'completed') return elevationOutcomes(lang, p.view.programs, outcome);
    if (!result || result.outcome === 'refused')
      return elevationOutcomes(lang, p.view.programs, { status: 'failed', detail: 'no answer' });
    return aptOutcomes(lang, items, p.operations, result);
  }

  async function runWindows(lang: Lang, p: Pending): Promise<RawOutcome[]> {
    const t = getT(lang);
    const out: RawOutcome[] = [];
    for (const { item, route } of p.selection.items) {
      if (route.kind !== 'winget') continue;
      const v = await runWingetUpgrade(host, route.id);
      out.push({ item, outcome: v.outcome, message: t(`programUpdates:reason.${v.reason}`) });
    }
    return out;
  }

  async function verified(lang: Lang, raw: RawOutcome[]): Promise<ProgramUpdateResultItem[]> {
    const report = await context.runAndRecordCheckup(lang).catch(() => null);
    const results = withVerification(lang, raw, report?.programs ?? null, store.read().software);
    await recordUpdates(results).catch(() => undefined);
    return results;
  }

  /** The journal (and the carnet's history) keeps each program the app updated. */
  async function recordUpdates(results: readonly ProgramUpdateResultItem[]): Promise<void> {
    const done = results.filter((r) => r.outcome === 'done');
    if (done.length === 0 || store.readOnly) return;
    const at = context.now().toISOString();
    const by = context.user;
    await store.update((ws) => {
      for (const r of done)
        ws.history.push({
          at,
          kind: 'change',
          by,
          summary: `program update ${r.name}: ${r.from ?? '?'} -> ${r.versionAfter ?? '?'}`,
          key: 'history.programUpdated',
          params: { name: r.name, from: r.from ?? '?', to: r.versionAfter ?? r.to ?? '?' },
        });
    });
  }

  return {
    async plan(args) {
      const lang = context.langOf(args.lang);
      const latest = await context.latestCheckup();
      const selection = selectPrograms({
        report: latest?.programs ?? {
          programs: [],
          systemComponents: 0,
          data: { endOfLife: '', exploited: '' },
        },
        platform: host.platform,
        pending: latest?.facts.pendingUpdates,
        software: store.read().software,
        ...(args.programIds ? { programIds: args.programIds } : {}),
        all: args.all === true,
      });
      const operations =
        host.platform === 'linux' ? aptOperations(selection).map((o) => operationSchema.parse(o)) : [];
      for (const old of pending.values())
        if (old.path) await rm(old.path, { force: true }).catch(() => undefined);
      pending.clear();
      const id = randomUUID();
      const createdAt = context.now().toISOString();
      const sha256 = sha256Hex(JSON.stringify({ id, createdAt, items: selection.items, operations }));
      const view: ProgramUpdatePlanView = {
        id,
        sha256,
        platform: host.platform,
        ...(await buildView(lang, selection, operations)),
      };
      let path = '';
      let fileSha256 = '';
      if (operations.length > 0 && host.mode === 'live' && !store.readOnly) {
        const saved = await savePlanFile(store.dir, {
          format: 'revision-plan',
          formatVersion: 1,
          id,
          purpose: 'apply',
          kind: 'program-updates',
          platform: host.platform,
          schedule: 'always',
          createdAt,
          operations: [...operations],
        });
        path = saved.path;
        fileSha256 = saved.sha256;
      }
      pending.set(id, { view, selection, operations, path, fileSha256 });
      return view;
    },

    async apply(args) {
      const lang = context.langOf(args.lang);
      const t = getT(lang);
      const p = pending.get(args.planId);
      if (!p || p.view.sha256 !== args.sha256)
        return { planId: args.planId, message: t('programUpdates:reason.notApplied'), results: [] };
      if (busy) return { planId: args.planId, message: t('plans:result.busy'), results: [] };
      busy = true;
      pending.delete(args.planId);
      try {
        if (p.view.empty) return { planId: p.view.id, message: t('programUpdates:plan.empty'), results: [] };
        if (host.platform === 'linux' && !p.path)
          return { planId: p.view.id, message: t('plans:result.workspaceReadOnly'), results: [] };
        const raw = host.platform === 'linux' ? await runLinux(lang, p) : await runWindows(lang, p);
        const results = await verified(lang, raw);
        const left = results.filter((r) => r.statusAfter !== 'current').length;
        const message = results.every((r) => r.statusAfter === null)
          ? t('programUpdates:summary.checkFailed')
          : left === 0
            ? t('programUpdates:summary.allDone')
            : t('programUpdates:summary.someLeft', { count: results.length - left, left });
        return { planId: p.view.id, message, results };
      } finally {
        busy = false;
      }
    },
  };
}
