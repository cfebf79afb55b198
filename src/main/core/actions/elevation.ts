/**
 * One administrator prompt per plan, through the OS's own mechanism: pkexec on Linux,
 * `osascript … with administrator privileges` on macOS, UAC (Start-Process -Verb RunAs) on
 * Windows. The elevated program is always our own CLI entry with the hidden command
 * `elevated-apply --plan FILE --sha256 HEX`; nothing else is ever run elevated. When the app
 * already has administrator rights, the same step runs in-process with no prompt.
 */
import type { Platform } from '../../../shared/facts';
import { isRunError, type Host } from '../exec/host';
import { elevatedApply } from './elevated-apply';
import type { MachineFiles } from './machine-files';
import type { ExecuteOptions } from './executor';
import type { PlanResult } from './plan-file';

/** Why the elevated step refused a plan. */
export type PlanRefusal = NonNullable<PlanResult['refusal']>;

/** Exit code of the elevated step when it refused the plan (it then prints `refused (<why>)`). */
export const REFUSED_EXIT_CODE = 3;

/** The refusal the elevated step printed on its standard output, if any. */
export function refusalOf(stdout: string): PlanRefusal | undefined {
  const m = /^refused \((tampered|invalid|unreadable|wrong-platform)\)$/m.exec(stdout);
  return m ? (m[1] as PlanRefusal) : undefined;
}

/** What to elevate: a plan file and the hash it must have. */
export interface ElevationRequest {
  readonly planPath: string;
  readonly sha256: string;
}

/** How the elevated step went (its detailed answer is in the plan's result file). */
export type ElevationOutcome =
  | { readonly status: 'completed'; readonly exitCode: number; readonly refusal?: PlanRefusal }
  /** The owner closed or cancelled the prompt. */
  | { readonly status: 'cancelled' }
  /** The password was refused or the account may not administer the machine. */
  | { readonly status: 'denied'; readonly detail: string }
  /** No way to ask for administrator rights here (pkexec missing…). */
  | { readonly status: 'unavailable'; readonly detail: string }
  | { readonly status: 'failed'; readonly detail: string };

/** Runs the elevated step for a plan. A parameter everywhere, so tests choose it. */
export interface ElevationRunner {
  /** "none": already administrator, no prompt; otherwise the mechanism used. */
  readonly mechanism: 'none' | 'pkexec' | 'osascript' | 'uac';
  elevate(request: ElevationRequest): Promise<ElevationOutcome>;
}

/** The program and arguments that start our own CLI entry (before the command name). */
export interface SelfEntry {
  readonly file: string;
  readonly args: readonly string[];
  /** The command word: `elevated-apply` for the CLI, `--elevated-apply` for the Electron executable. */
  readonly command?: 'elevated-apply' | '--elevated-apply';
}

/** Our own CLI as this process runs it: node (with its loader flags, e.g. tsx) and the entry script. */
export function currentSelfEntry(): SelfEntry {
  const script = process.argv[1];
  return { file: process.execPath, args: [...process.execArgv, ...(script ? [script] : [])] };
}

const HEX64 = /^[0-9a-f]{64}$/;
const SAFE_ARG = /^[^\0\r\n]*$/;

/** The full argument list of the elevated command, validated: our entry, a plan path, a hex hash. */
export function elevatedArgv(entry: SelfEntry, request: ElevationRequest): string[] {
  if (!HEX64.test(request.sha256)) throw new Error('empreinte invalide');
  if (!/^(\/|[A-Za-z]:\\)/.test(request.planPath)) throw new Error('chemin du plan non absolu');
  const argv = [
    entry.file,
    ...entry.args,
    entry.command ?? 'elevated-apply',
    '--plan',
    request.planPath,
    '--sha256',
    request.sha256,
  ];
  for (const a of argv)
    if (!SAFE_ARG.test(a)) throw new Error('caractère de contrôle refusé dans la commande');
  return argv;
}

/** Quotes one word for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes text as an AppleScript string literal. */
export function appleScriptString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The one osascript statement for our own entry + plan path + hash (tested quoting). */
export function osascriptStatement(entry: SelfEntry, request: ElevationRequest): string {
  const command = elevatedArgv(entry, request).map(shellQuote).join(' ');
  return `do shell script ${appleScriptString(command)} with administrator privileges`;
}

/** Quotes one argument for a Windows command line (CommandLineToArgvW rules). */
export function windowsQuoteArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes += 1;
    } else if (ch === '"') {
      out += '\\'.repeat(backslashes * 2 + 1) + '"';
      backslashes = 0;
    } else {
      out += '\\'.repeat(backslashes) + ch;
      backslashes = 0;
    }
  }
  return out + '\\'.repeat(backslashes * 2) + '"';
}

/**
 * The PowerShell that asks UAC to start our entry elevated and waits for it. Constant text:
 * the program and its command line arrive through environment variables.
 * Exit 1223 (ERROR_CANCELLED) when the owner says no.
 */
export const UAC_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'try {',
  '  $p = Start-Process -FilePath $env:REVISION_ELEVATED_FILE -ArgumentList $env:REVISION_ELEVATED_ARGS -Verb RunAs -WindowStyle Hidden -Wait -PassThru',
  '  exit $p.ExitCode',
  '} catch {',
  '  $e = $_.Exception',
  '  while ($e) { if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq 1223) { exit 1223 }; $e = $e.InnerException }',
  '  [Console]::Error.WriteLine($_.Exception.Message)',
  '  exit 1',
  '}',
].join('\n');

const ELEVATED_TIMEOUT_MS = 30 * 60_000;

/** No prompt: the app already has administrator rights; the same verified step runs in-process. */
export function inProcessRunner(
  host: Host,
  options: { files?: MachineFiles; beforeEach?: ExecuteOptions['beforeEach']; resultsDir?: string } = {},
): ElevationRunner {
  return {
    mechanism: 'none',
    async elevate(request) {
      const result = await elevatedApply({
        planPath: request.planPath,
        sha256: request.sha256,
        host,
        ...options,
      });
      if (result.outcome === 'refused')
        return {
          status: 'completed',
          exitCode: REFUSED_EXIT_CODE,
          ...(result.refusal ? { refusal: result.refusal } : {}),
        };
      return {
        status: 'completed',
        exitCode: result.outcome === 'applied' || result.outcome === 'nothing-to-do' ? 0 : 1,
      };
    },
  };
}

function failureDetail(error: unknown): string {
  if (isRunError(error)) return `${error.message} ${error.stderr}`.trim();
  return error instanceof Error ? error.message : String(error);
}

/** Linux: pkexec (126 = the owner dismissed the dialog, 127 = not authorised). */
export function pkexecRunner(
  host: Host,
  entry: SelfEntry = currentSelfEntry(),
  pkexec = 'pkexec',
  env?: Readonly<Record<string, string>>,
): ElevationRunner {
  return {
    mechanism: 'pkexec',
    async elevate(request) {
      try {
        const r = await host.run({
          id: 'elevate:pkexec',
          file: pkexec,
          args: elevatedArgv(entry, request),
          timeoutMs: ELEVATED_TIMEOUT_MS,
          okExitCodes: [0, 1, 2, 3],
          ...(env ? { env } : {}),
        });
        const refusal = r.exitCode === REFUSED_EXIT_CODE ? refusalOf(r.stdout) : undefined;
        return { status: 'completed', exitCode: r.exitCode, ...(refusal ? { refusal } : {}) };
      } catch (error) {
        if (isRunError(error) && error.exitCode === 126) return { status: 'cancelled' };
        if (isRunError(error) && error.exitCode === 127)
          return { status: 'denied', detail: failureDetail(error) };
        if (isRunError(error) && error.kind === 'not-found')
          return { status: 'unavailable', detail: failureDetail(error) };
        return { status: 'failed', detail: failureDetail(error) };
      }
    },
  };
}

/** macOS: osascript's administrator dialog (-128 = the owner cancelled). */
export function osascriptRunner(host: Host, entry: SelfEntry = currentSelfEntry()): ElevationRunner {
  return {
    mechanism: 'osascript',
    async elevate(request) {
      try {
        await host.run({
          id: 'elevate:osascript',
          file: '/usr/bin/osascript',
          args: ['-e', osascriptStatement(entry, request)],
          timeoutMs: ELEVATED_TIMEOUT_MS,
        });
        return { status: 'completed', exitCode: 0 };
      } catch (error) {
        const text = isRunError(error) ? error.stderr : '';
        if (/\(-128\)/.test(text)) return { status: 'cancelled' };
        // `do shell script` fails when our step exits non-zero: its answer is still in the result file.
        const code = /exited with (?:status|code) (\d+)|\((\d+)\)\s*$/.exec(text);
        if (isRunError(error) && error.kind === 'non-zero-exit' && code)
          return { status: 'completed', exitCode: Number(code[1] ?? code[2]) };
        return { status: 'failed', detail: failureDetail(error) };
      }
    },
  };
}

/** Windows: UAC through Start-Process -Verb RunAs (1223 = the owner said no). */
export function uacRunner(host: Host, entry: SelfEntry = currentSelfEntry()): ElevationRunner {
  return {
    mechanism: 'uac',
    async elevate(request) {
      const [file, ...args] = elevatedArgv(entry, request);
      try {
        const r = await host.run({
          id: 'elevate:uac',
          file: 'powershell.exe',
          args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', UAC_SCRIPT],
          env: {
            REVISION_ELEVATED_FILE: file ?? '',
            REVISION_ELEVATED_ARGS: args.map(windowsQuoteArg).join(' '),
          },
          timeoutMs: ELEVATED_TIMEOUT_MS,
          okExitCodes: [0, 1, 2, 3],
        });
        return { status: 'completed', exitCode: r.exitCode };
      } catch (error) {
        if (isRunError(error) && error.exitCode === 1223) return { status: 'cancelled' };
        return { status: 'failed', detail: failureDetail(error) };
      }
    },
  };
}

/** No elevated step from here (e.g. the app runs from files the owner can change): said, never tried. */
export function unavailableRunner(detail: string): ElevationRunner {
  return {
    mechanism: 'none',
    async elevate() {
      return { status: 'unavailable', detail };
    },
  };
}

/** Whether this process already has administrator rights. */
export async function isElevated(host: Host, platform: Platform = host.platform): Promise<boolean> {
  if (platform !== 'win32') return typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    const r = await host.run({
      id: 'elevation-check',
      file: 'powershell.exe',
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        '([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)',
      ],
      timeoutMs: 20_000,
    });
    return r.stdout.trim() === 'True';
  } catch {
    return false;
  }
}

/** The runner for this machine: in-process when already administrator, else the OS's prompt. */
export async function defaultElevationRunner(
  host: Host,
  entry: SelfEntry = currentSelfEntry(),
): Promise<ElevationRunner> {
  if (host.mode === 'live' && (await isElevated(host))) return inProcessRunner(host);
  switch (host.platform) {
    case 'linux':
      return pkexecRunner(host, entry);
    case 'darwin':
      return osascriptRunner(host, entry);
    case 'win32':
      return uacRunner(host, entry);
  }
}
