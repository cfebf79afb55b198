/**
 * Why an operation of the elevated side failed: the reason codes shown to the owner (i18n keys
 * under `plans:reason.`), the error carrying one, and how a program's failure is classified.
 */
import { isRunError } from '../exec/host';

/** Why an operation failed or was skipped (an i18n key under `plans:reason.`). */
export const reasonCodes = [
  'network',
  'package-not-found',
  'busy',
  'systemd-not-running',
  'permission',
  'program-missing',
  'timeout',
  'missing-file',
  'not-attempted',
  'rollback-failed',
  'failed',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/** An operation failed, with its reason and a technical detail for the prestataire. */
export class OperationError extends Error {
  constructor(
    readonly reason: ReasonCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const MAX_DETAIL = 2000;

/** The end of a long program output (what tells why it failed). */
export function tail(text: string): string {
  const t = text.trim();
  return t.length > MAX_DETAIL ? '…' + t.slice(-MAX_DETAIL) : t;
}

/** The text of any error (a program's stderr included). */
export function errorText(error: unknown): string {
  if (isRunError(error)) return `${error.message}\n${error.stderr}`;
  return error instanceof Error ? error.message : String(error);
}

/** Classifies a package manager's failure output. */
export function classifyPackageFailure(output: string): ReasonCode {
  if (
    /Could not get lock|Unable to acquire the dpkg|Waiting for cache lock|another app is currently holding/i.test(
      output,
    )
  )
    return 'busy';
  if (
    /Could not connect|Failed to fetch|Temporary failure resolving|Connection refused|Network is unreachable|Unable to connect|Cannot download|Curl error|Could not resolve host|Failed to download metadata/i.test(
      output,
    )
  )
    return 'network';
  if (/Unable to locate package|has no installation candidate|No match for argument/i.test(output))
    return 'package-not-found';
  if (/Permission denied|are you root|superuser/i.test(output)) return 'permission';
  return 'failed';
}

/** The reason of a Host run failure (program missing, timeout, permission…). */
export function reasonOfRunError(error: unknown): ReasonCode {
  if (!isRunError(error)) return 'failed';
  switch (error.kind) {
    case 'not-found':
      return 'program-missing';
    case 'timeout':
      return 'timeout';
    case 'permission-denied':
      return 'permission';
    default:
      return 'failed';
  }
}
