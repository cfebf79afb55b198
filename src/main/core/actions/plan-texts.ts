/**
 * The owner-facing words of plans and their results: what each operation does, why one failed,
 * what an elevation that did not complete means. Pure: the language is a parameter.
 */
import type { Lang } from '../../../shared/i18n';
import type { ApplyResult, OperationStatus, PlanLine } from '../../../shared/plans';
import { getT } from '../i18n';
import type { ElevationOutcome } from './elevation';
import type { ReasonCode } from './executor';
import type { Operation } from './operations';
import type { PlanResult } from './plan-file';
import type { LineSpec } from './planners';

/** The i18n key describing an operation to the owner. */
export function operationKey(op: Operation): { key: string; params?: Record<string, string> } {
  switch (op.op) {
    case 'command':
      if (op.command.startsWith('apt-install') || op.command.startsWith('dnf-install'))
        return { key: 'op.install' };
      if (op.command.startsWith('apt-purge') || op.command.startsWith('dnf-remove'))
        return { key: 'op.uninstall' };
      if (op.command === 'systemctl-daemon-reload') return { key: 'op.reload' };
      return { key: 'op.timer' };
    case 'file-write':
    case 'file-remove':
      return {
        key: op.path.includes('.timer.d/')
          ? 'op.schedule'
          : op.op === 'file-remove'
            ? 'op.removeSetting'
            : 'op.setting',
      };
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
    case 'package-upgrade':
      return { key: 'op.upgrade', params: { name: op.package } };
  }
}

/** One line of a plan, with its text in the owner's language. */
export function planLine(lang: Lang, spec: LineSpec): PlanLine & { text: string } {
  return {
    key: spec.key,
    params: { ...(spec.params ?? {}) },
    text: getT(lang)(`plans:${spec.key}`, { ...(spec.params ?? {}) }),
  };
}

/** What an operation does, for the owner. */
export function describeOperation(lang: Lang, op: Operation): string {
  const { key, params } = operationKey(op);
  return getT(lang)(`plans:${key}`, params ?? {});
}

/** Why an operation failed or was skipped, for the owner. */
export function reasonText(lang: Lang, reason: string | undefined): string | undefined {
  return reason ? getT(lang)(`plans:reason.${reason}`) : undefined;
}

/** Each operation of a plan with its status in the result (or the fallback) and its reason. */
export function operationsOf(
  lang: Lang,
  ops: readonly Operation[],
  result: PlanResult | null,
  fallback: OperationStatus,
): ApplyResult['operations'] {
  return ops.map((op, index) => {
    const r = result?.operations.find((o) => o.index === index);
    const message = reasonText(lang, r?.reason);
    return {
      index,
      description: describeOperation(lang, op),
      status: r?.status ?? fallback,
      ...(message ? { message } : {}),
    };
  });
}

/** The reason of the first failure of a result (or of a failed rollback). */
export function firstFailure(result: PlanResult): ReasonCode | undefined {
  return (
    result.operations.find((o) => o.status === 'failed')?.reason ??
    result.operations.find((o) => o.reason === 'rollback-failed')?.reason
  );
}

/** The owner-facing message for an elevation that did not complete. */
export function elevationMessage(
  lang: Lang,
  outcome: ElevationOutcome,
  undo: boolean,
): { outcome: ApplyResult['outcome']; message: string } {
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
