/**
 * How the Windows probes start PowerShell: Windows PowerShell 5.1 (present on every Windows 10/11),
 * no profile, no prompt, execution policy bypassed for this process only. The command line carries a
 * constant bootstrap (-EncodedCommand) that reads the script from standard input and runs it as one
 * block (`-Command -` alone would run it line by line, which breaks multi-line statements).
 */
import type { CommandSpec } from '../../exec/host';
import { RunError, isRunError } from '../../exec/host';

/** The bootstrap, before encoding: read all of stdin, run it as one script block. */
export const POWERSHELL_BOOTSTRAP = '$s = [Console]::In.ReadToEnd(); & ([scriptblock]::Create($s))';

/** UTF-16LE base64, as -EncodedCommand expects. */
export function encodePowerShellCommand(text: string): string {
  return Buffer.from(text, 'utf16le').toString('base64');
}

/** The program: Windows PowerShell, found through PATH like any Windows tool. */
export const POWERSHELL_EXE = 'powershell.exe';

/** A CommandSpec running one constant script; values reach it only through `env`. */
export function powershellSpec(id: string, script: string, timeoutMs: number, env?: Readonly<Record<string, string>>): CommandSpec {
  return {
    id,
    file: POWERSHELL_EXE,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShellCommand(POWERSHELL_BOOTSTRAP)],
    input: script,
    timeoutMs,
    maxOutputBytes: 32 * 1024 * 1024,
    ...(env ? { env } : {}),
  };
}

/** Whether PowerShell's error output says scripts are blocked by an execution policy or AppLocker. */
export function isScriptBlocked(stderr: string): boolean {
  return /running scripts is disabled|PSSecurityException|UnauthorizedAccess|execution de scripts est d.sactiv|l'ex.cution de scripts est d.sactiv/i.test(stderr);
}

/**
 * Turns a failure to run PowerShell into an error whose message tells the prestataire what happened
 * (French), keeping the RunError kind so that the finding says "je n'ai pas pu vérifier" precisely.
 */
export function explainPowerShellFailure(error: unknown, id: string): Error {
  if (!isRunError(error)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'not-found') {
    return new RunError('not-found', id, 'PowerShell (powershell.exe) est introuvable sur ce PC : impossible de lire son état.', error.exitCode, error.stderr);
  }
  if (error.kind === 'non-zero-exit' && isScriptBlocked(error.stderr)) {
    return new RunError(
      'permission-denied',
      id,
      'PowerShell est bloqué par une stratégie de ce PC (exécution des scripts désactivée) : le prestataire doit autoriser Révision ou lancer le contrôle lui-même.',
      error.exitCode,
      error.stderr,
    );
  }
  if (error.kind === 'non-zero-exit') {
    const first = error.stderr.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    return new RunError('non-zero-exit', id, `PowerShell a échoué (code ${error.exitCode ?? '?'})${first ? ` : ${first.trim().slice(0, 200)}` : ''}`, error.exitCode, error.stderr);
  }
  return error;
}
