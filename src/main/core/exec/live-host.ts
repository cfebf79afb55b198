/**
 * The live Host: runs programs with execFile (argument arrays, no shell), with a timeout,
 * an output cap and a fixed locale, and turns every failure into a typed RunError.
 */
import { execFile } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';
import type { Platform } from '../../../shared/facts';
import { liveHttp, liveTls } from './web';
import { RunError, commandKey, type CallOptions, type CommandResult, type CommandSpec, type Host } from './host';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024;

/** The environment every command gets: the parent's, with a fixed C locale so output parses the same everywhere. */
function commandEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C', LANGUAGE: 'C' };
  return extra ? { ...env, ...extra } : env;
}

/** Maps a file-system error to a RunError. */
export function fsError(error: unknown, path: string): RunError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new RunError('not-found', path, `${path}: fichier absent`);
  if (code === 'EACCES' || code === 'EPERM') return new RunError('permission-denied', path, `${path}: accès refusé`);
  if (code === 'ABORT_ERR') return new RunError('aborted', path, `${path}: lecture interrompue`);
  return new RunError('failed', path, `${path}: ${(error as Error).message}`);
}

/** Runs one command for real. Exported for the bench, which times raw commands. */
export function runCommand(spec: CommandSpec, options: CallOptions = {}): Promise<CommandResult> {
  const key = commandKey(spec);
  const started = performance.now();
  const timeout = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new RunError('aborted', key, `${key}: interrompu avant le démarrage`));
      return;
    }
    const child = execFile(
      spec.file,
      [...spec.args],
      {
        encoding: 'utf8',
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
        env: commandEnv(spec.env),
        signal: options.signal,
        windowsHide: true,
        shell: false,
      },
      (error, stdout, stderr) => {
        const durationMs = Math.round(performance.now() - started);
        if (!error) {
          resolve({ stdout, stderr, exitCode: 0, durationMs });
          return;
        }
        const err = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number };
        if (err.code === 'ENOENT') {
          reject(new RunError('not-found', key, `${spec.file} : programme introuvable sur cette machine`));
        } else if (err.code === 'EACCES' || err.code === 'EPERM') {
          reject(new RunError('permission-denied', key, `${spec.file} : permission refusée`));
        } else if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(new RunError('output-too-large', key, `${key} : sortie trop longue (plafond atteint)`));
        } else if (err.name === 'AbortError' || err.code === 'ABORT_ERR') {
          reject(new RunError('aborted', key, `${key} : interrompu`));
        } else if (err.killed && err.signal === 'SIGKILL') {
          reject(new RunError('timeout', key, `${key} : pas de réponse après ${Math.round(timeout / 1000)} s`));
        } else if (typeof err.code === 'number') {
          const exitCode = err.code;
          if ((spec.okExitCodes ?? [0]).includes(exitCode)) {
            resolve({ stdout, stderr, exitCode, durationMs });
          } else if (/permission denied|not permitted|are you root|must be root|superuser/i.test(stderr)) {
            reject(new RunError('permission-denied', key, `${key} : droits d'administrateur nécessaires`, exitCode, stderr));
          } else {
            reject(new RunError('non-zero-exit', key, `${key} : a échoué (code ${exitCode})`, exitCode, stderr));
          }
        } else {
          reject(new RunError('failed', key, `${key} : ${err.message}`, null, stderr));
        }
      },
    );
    if (spec.input !== undefined) child.stdin?.end(spec.input);
  });
}

/** Creates the Host that looks at this machine for real. */
export function createLiveHost(platform: Platform = process.platform as Platform): Host {
  return {
    platform,
    mode: 'live',
    run: runCommand,
    async readFile(path, options: CallOptions = {}) {
      try {
        return await readFile(path, { encoding: 'utf8', signal: options.signal });
      } catch (error) {
        throw fsError(error, path);
      }
    },
    async exists(path) {
      try {
        await access(path);
        return true;
      } catch {
        return false;
      }
    },
    async readDir(path) {
      try {
        return (await readdir(path)).sort();
      } catch (error) {
        throw fsError(error, path);
      }
    },
    async call(_name, fn) {
      return fn();
    },
    http: liveHttp,
    tls: liveTls,
  };
}
