/**
 * The Host: the core's only door to the machine. Every process start, file read and
 * library call that looks at the machine goes through a Host, so that a checkup can be
 * captured to a folder and replayed from one (docs/capture-format.md).
 */
import type { Platform } from '../../../shared/facts';
import type { HttpFacts, HttpSpec, TlsFacts, TlsSpec } from './web-types';

/** A command to run: a program and its argument array, never a shell string. */
export interface CommandSpec {
  /** Stable id used as the capture/replay key (e.g. "apt-config-dump"); defaults to file + args. */
  readonly id?: string;
  readonly file: string;
  readonly args: readonly string[];
  /** Milliseconds before the process is killed. Default 15 s. */
  readonly timeoutMs?: number;
  /** Cap on stdout + stderr, in bytes. Default 16 MiB. */
  readonly maxOutputBytes?: number;
  /** Extra environment (values reach scripts this way, never spliced into their text). */
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that count as success (default [0]). */
  readonly okExitCodes?: readonly number[];
  /** Text written to the process's standard input. */
  readonly input?: string;
}

/** What a finished command returned. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly durationMs: number;
}

/** Options every Host call takes. */
export interface CallOptions {
  /** Aborts the call (a probe's own timeout). */
  readonly signal?: AbortSignal;
  /** The probe making the call, recorded in captures. */
  readonly probe?: string;
}

/** Typed failures of a Host call. */
export type RunErrorKind =
  | 'not-found'
  | 'timeout'
  | 'permission-denied'
  | 'non-zero-exit'
  | 'output-too-large'
  | 'aborted'
  | 'not-captured'
  /** Web requests: the name did not resolve, the connection or the TLS handshake failed (code in `stderr`). */
  | 'network'
  | 'failed';

/** A failed Host call, with what the owner's prestataire needs to understand it. */
export class RunError extends Error {
  override readonly name = 'RunError';
  constructor(
    readonly kind: RunErrorKind,
    /** The command or path concerned, e.g. "apt-config dump" or "/etc/os-release". */
    readonly target: string,
    message: string,
    readonly exitCode: number | null = null,
    readonly stderr: string = '',
  ) {
    super(message);
  }

  /** A plain object, for captures and reports. */
  toJSON(): { kind: RunErrorKind; target: string; message: string; exitCode: number | null; stderr: string } {
    return { kind: this.kind, target: this.target, message: this.message, exitCode: this.exitCode, stderr: this.stderr };
  }
}

/** Access to the machine; implemented live, capturing, and replaying. */
export interface Host {
  readonly platform: Platform;
  readonly mode: 'live' | 'replay';
  /** Runs a program. Rejects with RunError. */
  run(spec: CommandSpec, options?: CallOptions): Promise<CommandResult>;
  /** Reads a text file (UTF-8). Rejects with RunError (not-found, permission-denied). */
  readFile(path: string, options?: CallOptions): Promise<string>;
  /** Whether a path exists. */
  exists(path: string, options?: CallOptions): Promise<boolean>;
  /** Lists a directory's entry names. Rejects with RunError. */
  readDir(path: string, options?: CallOptions): Promise<string[]>;
  /** Calls a library that looks at the machine (systeminformation), recording its JSON result. */
  call<T>(name: string, fn: () => Promise<T>, options?: CallOptions): Promise<T>;
  /** One HTTP GET, redirects not followed (exec/web.ts). Optional: a Host without it cannot read websites. */
  http?(spec: HttpSpec, options?: CallOptions): Promise<HttpFacts>;
  /** The TLS handshake facts of a server (exec/web.ts). Optional, like `http`. */
  tls?(spec: TlsSpec, options?: CallOptions): Promise<TlsFacts>;
}

export type { HttpSpec, HttpFacts, TlsSpec, TlsFacts } from './web-types';

/** The key a command is captured and replayed under. */
export function commandKey(spec: CommandSpec): string {
  return spec.id ?? [spec.file, ...spec.args].join(' ');
}

/** Whether the value is a RunError (also across realms, by shape). */
export function isRunError(value: unknown): value is RunError {
  return value instanceof RunError || (typeof value === 'object' && value !== null && (value as { name?: string }).name === 'RunError');
}
