/**
 * Windows: one program updated with `winget upgrade --id … --exact --silent …` through the core's
 * runner, and winget's answer (exit code first, then its output) mapped to what the owner is
 * told: done, needs admin, needs the program closed, nothing newer, or failed with the reason.
 * Codes: winget's documented return codes (returnCodes.md, see fixtures/README.md).
 */
import type { ProgramUpdateOutcome } from '../../../shared/program-updates';
import { isRunError, type Host } from '../exec/host';
import { wingetUpgradeArgs } from './sources/winget';

/** How one winget answer reads for the owner (`reason`: a key under `programUpdates:reason.`). */
export interface WingetVerdict {
  readonly outcome: ProgramUpdateOutcome;
  readonly reason: string;
  /** winget's code as it documents it (0x8A15…), for the prestataire. */
  readonly code: string;
}

/** Documented winget return codes (unsigned) and what they mean for the owner. */
export const WINGET_CODES: Readonly<Record<number, { outcome: ProgramUpdateOutcome; reason: string }>> = {
  0x8a150019: { outcome: 'needs-admin', reason: 'admin' }, // COMMAND_REQUIRES_ADMIN
  0x8a150056: { outcome: 'failed', reason: 'noAdminContext' }, // INSTALLER_PROHIBITS_ELEVATION
  0x8a150101: { outcome: 'needs-close', reason: 'close' }, // INSTALL_PACKAGE_IN_USE
  0x8a150111: { outcome: 'needs-close', reason: 'close' }, // INSTALL_PACKAGE_IN_USE_BY_APPLICATION
  0x8a150103: { outcome: 'needs-close', reason: 'close' }, // INSTALL_FILE_IN_USE
  0x8a150102: { outcome: 'failed', reason: 'busy' }, // INSTALL_INSTALL_IN_PROGRESS
  0x8a150105: { outcome: 'failed', reason: 'diskFull' }, // INSTALL_DISK_FULL
  0x8a150106: { outcome: 'failed', reason: 'memory' }, // INSTALL_INSUFFICIENT_MEMORY
  0x8a150107: { outcome: 'failed', reason: 'network' }, // INSTALL_NO_NETWORK
  0x8a150008: { outcome: 'failed', reason: 'network' }, // DOWNLOAD_FAILED
  0x8a150109: { outcome: 'done', reason: 'restart' }, // INSTALL_REBOOT_REQUIRED_TO_FINISH
  0x8a15010b: { outcome: 'done', reason: 'restart' }, // INSTALL_REBOOT_INITIATED
  0x8a15010a: { outcome: 'failed', reason: 'restartFirst' }, // INSTALL_REBOOT_REQUIRED_TO_INSTALL
  0x8a15010c: { outcome: 'cancelled', reason: 'cancelled' }, // INSTALL_CANCELLED_BY_USER
  0x8a15010f: { outcome: 'failed', reason: 'policy' }, // INSTALL_BLOCKED_BY_POLICY
  0x8a15003a: { outcome: 'failed', reason: 'policy' }, // BLOCKED_BY_POLICY
  0x8a15002b: { outcome: 'not-needed', reason: 'notNeeded' }, // UPDATE_NOT_APPLICABLE
  0x8a15004f: { outcome: 'not-needed', reason: 'notNeeded' }, // UPGRADE_VERSION_NOT_NEWER
  0x8a150014: { outcome: 'failed', reason: 'notFound' }, // NO_APPLICATIONS_FOUND
  0x8a150006: { outcome: 'failed', reason: 'failed' }, // SHELLEXEC_INSTALL_FAILED (the installer's code is in the output)
  0x8a150049: { outcome: 'failed', reason: 'failed' }, // MSI_INSTALL_FAILED
  0x8a150068: { outcome: 'failed', reason: 'pinned' }, // PACKAGE_IS_PINNED
  0x8a150011: { outcome: 'failed', reason: 'tampered' }, // INSTALLER_HASH_MISMATCH
  0x8a15002d: { outcome: 'failed', reason: 'tampered' }, // INSTALLER_SECURITY_CHECK_FAILED
};

/** Installer exit codes winget passes through (« Installer failed with exit code: 1618 »). */
const INSTALLER_CODES: Readonly<Record<number, { outcome: ProgramUpdateOutcome; reason: string }>> = {
  1618: { outcome: 'failed', reason: 'busy' }, // another installation in progress (MSI)
  1602: { outcome: 'cancelled', reason: 'cancelled' },
  1603: { outcome: 'failed', reason: 'failed' },
  3010: { outcome: 'done', reason: 'restart' },
  1641: { outcome: 'done', reason: 'restart' },
};

/** Exit codes read as answers (their output is kept): every code above, signed and unsigned. */
export const WINGET_ANSWER_CODES: readonly number[] = [
  0,
  ...Object.keys(WINGET_CODES),
  ...Object.keys(INSTALLER_CODES),
]
  .map(Number)
  .flatMap((c) => [c, c | 0]);

const hex = (code: number): string => `0x${(code >>> 0).toString(16).toUpperCase()}`;

/** Reads winget's answer: its exit code (signed or unsigned), else its output. */
export function mapWingetResult(exitCode: number, output: string): WingetVerdict {
  const code = exitCode >>> 0;
  const known = WINGET_CODES[code];
  if (code === 0) {
    // Exit 0 also when nothing was newer (older winget): its words tell.
    if (
      /No (available|applicable) upgrade|No newer package versions|Aucune mise à (jour|niveau) (disponible|applicable)|Keine (verfügbaren |anwendbaren )?(Upgrades|Aktualisierung)/i.test(
        output,
      )
    )
      return { outcome: 'not-needed', reason: 'notNeeded', code: hex(code) };
    return { outcome: 'done', reason: 'done', code: hex(code) };
  }
  const installer =
    /(?:Installer failed with exit code|Échec du programme d'installation avec le code de sortie|Installer ist mit Exitcode fehlgeschlagen)\s*:?\s*(\d+)/i.exec(
      output,
    );
  const passed = installer?.[1] ? INSTALLER_CODES[Number(installer[1])] : undefined;
  if (passed) return { ...passed, code: `${hex(code)} / ${installer?.[1]}` };
  if (known) return { ...known, code: hex(code) };
  return { outcome: 'failed', reason: 'failed', code: hex(code) };
}

/** Runs winget for one program id; winget missing or timed out is `failed` with its reason, never done. */
export async function runWingetUpgrade(
  host: Host,
  wingetId: string,
): Promise<WingetVerdict & { detail: string }> {
  let args: string[];
  try {
    args = wingetUpgradeArgs(wingetId);
  } catch {
    return { outcome: 'failed', reason: 'badId', code: '', detail: wingetId };
  }
  try {
    const r = await host.run(
      {
        id: `winget upgrade ${wingetId}`,
        file: 'winget',
        args,
        timeoutMs: 900_000,
        okExitCodes: WINGET_ANSWER_CODES,
      },
      { probe: 'programs' },
    );
    return { ...mapWingetResult(r.exitCode, r.stdout), detail: r.stdout.slice(-2000) };
  } catch (error) {
    if (isRunError(error) && error.kind === 'non-zero-exit' && error.exitCode !== null)
      return {
        ...mapWingetResult(error.exitCode, `${error.message}\n${error.stderr}`),
        detail: error.stderr.slice(-2000),
      };
    const reason =
      isRunError(error) && error.kind === 'not-found'
        ? 'noWinget'
        : isRunError(error) && error.kind === 'timeout'
          ? 'timeout'
          : 'failed';
    return {
      outcome: 'failed',
      reason,
      code: '',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
