/**
 * From what ran to what the owner reads, per program: the elevated step's answer (Linux) or
 * winget's (Windows), then the fresh check's voyant. A program is « à jour » only when the
 * re-check says so; critical business software that changed is handed to the test journal.
 */
import type { Lang } from '../../../shared/i18n';
import type {
  ProgramUpdateItem,
  ProgramUpdateOutcome,
  ProgramUpdateResultItem,
} from '../../../shared/program-updates';
import type { ProgramsReport } from '../../../shared/programs';
import type { BusinessSoftware } from '../../../shared/workspace';
import type { ElevationOutcome } from '../actions/elevation';
import type { Operation } from '../actions/operations';
import type { PlanResult } from '../actions/plan-file';
import { reasonText } from '../actions/plan-texts';
import { getT } from '../i18n';
import { criticalEntry } from './update-plan';

/** A program's outcome before the re-check. */
export interface RawOutcome {
  readonly item: ProgramUpdateItem;
  readonly outcome: ProgramUpdateOutcome;
  readonly message: string;
}

/** Linux: the prompt did not complete → every program gets the same answer. */
export function elevationOutcomes(
  lang: Lang,
  items: readonly ProgramUpdateItem[],
  outcome: ElevationOutcome,
): RawOutcome[] {
  const t = getT(lang);
  const [o, key]: [ProgramUpdateOutcome, string] =
    outcome.status === 'cancelled'
      ? ['cancelled', 'cancelledPrompt']
      : outcome.status === 'denied'
        ? ['needs-admin', 'deniedPrompt']
        : outcome.status === 'unavailable'
          ? ['needs-admin', 'unavailablePrompt']
          : ['failed', 'failed'];
  return items.map((item) => ({ item, outcome: o, message: t(`programUpdates:reason.${key}`) }));
}

/** Linux: each program from the results of its packages' operations. */
export function aptOutcomes(
  lang: Lang,
  items: readonly { item: ProgramUpdateItem; packages: readonly string[] }[],
  operations: readonly Operation[],
  result: PlanResult,
): RawOutcome[] {
  const t = getT(lang);
  const statusOf = (pkg: string) => {
    const index = operations.findIndex((op) => op.op === 'package-upgrade' && op.package === pkg);
    return result.operations.find((r) => r.index === index);
  };
  return items.map(({ item, packages }) => {
    const rs = packages.map(statusOf);
    const failed = rs.find((r) => r?.status === 'failed');
    if (failed) {
      const why = reasonText(lang, failed.reason) ?? t('programUpdates:reason.failed');
      return { item, outcome: 'failed', message: why };
    }
    if (rs.some((r) => r?.status === 'done'))
      return { item, outcome: 'done', message: t('programUpdates:reason.done') };
    if (rs.length > 0 && rs.every((r) => r?.status === 'already'))
      return { item, outcome: 'not-needed', message: t('programUpdates:reason.notNeeded') };
    return { item, outcome: 'failed', message: t('programUpdates:reason.stoppedBefore') };
  });
}

/** Adds the fresh check's voyant; « done » not confirmed by it is said so; critical software is to test. */
export function withVerification(
  lang: Lang,
  raw: readonly RawOutcome[],
  after: ProgramsReport | null,
  software: readonly BusinessSoftware[],
): ProgramUpdateResultItem[] {
  const t = getT(lang);
  return raw.map(({ item, outcome, message }) => {
    const now = after?.programs.find((p) => p.id === item.programId) ?? null;
    const statusAfter = after ? (now?.status ?? null) : null;
    let text = message;
    if (outcome === 'done' && statusAfter !== 'current')
      text = `${message} ${t('programUpdates:reason.notVerified')}`;
    const entry = now && outcome === 'done' ? criticalEntry(now, software) : undefined;
    if (entry) text = `${text} ${t('programUpdates:test.ask', { name: item.name })}`;
    return {
      ...item,
      outcome,
      message: text,
      statusAfter,
      versionAfter: now?.version ?? null,
      ...(entry ? { testSoftwareId: entry.id } : {}),
    };
  });
}
