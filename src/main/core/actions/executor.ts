/**
 * Runs a validated list of operations on the machine (the elevated side). Before each operation
 * it records the state of the target, so that a failure halfway rolls back what was done and
 * undo later puts back exactly what was there.
 */
import { createHash } from 'node:crypto';
import type { OperationStatus } from '../../../shared/plans';
import { schedules } from '../../../shared/workspace';
import { isRunError, type CommandResult, type Host } from '../exec/host';
import type { MachineFiles } from './machine-files';
import { aptConfigContent, timerDropInContent } from './planners';
import {
  ALLOWED_COMMANDS,
  ALLOWED_DIRS,
  INVERSE_COMMANDS,
  commandLineOf,
  setIniValue,
  type CommandId,
  type Operation,
  type PreviousState,
} from './operations';

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

/** What happened to one operation. */
export interface OperationResult {
  readonly index: number;
  readonly op: Operation;
  status: OperationStatus;
  /** The state before the operation (when it changed something). */
  previous?: PreviousState;
  reason?: ReasonCode;
  /** Technical detail for the prestataire (program output, error). */
  detail?: string;
}

/** The outcome of a run: everything applied, failure rolled back, or (worst) rollback failed too. */
export interface ExecutionResult {
  readonly outcome: 'applied' | 'nothing-to-do' | 'rolled-back' | 'failed';
  readonly operations: OperationResult[];
}

/** What the executor works with. */
export interface ExecutorDeps {
  readonly host: Host;
  readonly files: MachineFiles;
}

function isAllowedDir(dir: string): dir is (typeof ALLOWED_DIRS)[number] {
  return (ALLOWED_DIRS as readonly string[]).includes(dir);
}

class OperationError extends Error {
  constructor(
    readonly reason: ReasonCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const MAX_DETAIL = 2000;

function tail(text: string): string {
  const t = text.trim();
  return t.length > MAX_DETAIL ? '…' + t.slice(-MAX_DETAIL) : t;
}

/** Classifies a package manager's failure output. */
export function classifyPackageFailure(output: string): ReasonCode {
  if (/Could not get lock|Unable to acquire the dpkg|Waiting for cache lock|another app is currently holding/i.test(output)) return 'busy';
  if (/Could not connect|Failed to fetch|Temporary failure resolving|Connection refused|Network is unreachable|Unable to connect|Cannot download|Curl error|Could not resolve host|Failed to download metadata/i.test(output))
    return 'network';
  if (/Unable to locate package|has no installation candidate|No match for argument/i.test(output)) return 'package-not-found';
  if (/Permission denied|are you root|superuser/i.test(output)) return 'permission';
  return 'failed';
}

function reasonOfRunError(error: unknown): ReasonCode {
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

async function runAllowed(host: Host, id: CommandId): Promise<CommandResult> {
  const c = ALLOWED_COMMANDS[id];
  return host.run({ id: `plan:${id}`, file: c.file, args: [...c.args], timeoutMs: c.timeoutMs, ...('env' in c ? { env: c.env } : {}) });
}

function errorText(error: unknown): string {
  if (isRunError(error)) return `${error.message}\n${error.stderr}`;
  return error instanceof Error ? error.message : String(error);
}

async function dpkgInstalled(host: Host, pkg: string): Promise<boolean> {
  const r = await host.run({ id: `dpkg-status:${pkg}`, file: 'dpkg-query', args: ['-W', '-f=${Status}', pkg], okExitCodes: [0, 1], timeoutMs: 30_000 });
  return r.exitCode === 0 && /install ok installed/.test(r.stdout);
}

async function rpmInstalled(host: Host, pkg: string): Promise<boolean> {
  const r = await host.run({ id: `rpm-q:${pkg}`, file: 'rpm', args: ['-q', pkg], okExitCodes: [0, 1], timeoutMs: 30_000 });
  return r.exitCode === 0;
}

async function unitEnabled(host: Host, unit: string): Promise<boolean> {
  const r = await host.run({ id: `systemctl-is-enabled:${unit}`, file: 'systemctl', args: ['is-enabled', unit], okExitCodes: [0, 1], timeoutMs: 15_000 });
  return r.stdout.trim() === 'enabled';
}

/** Whether an allow-listed command's effect is already in place (nothing to run). */
async function commandAlready(host: Host, id: CommandId): Promise<boolean> {
  switch (id) {
    case 'apt-install-unattended-upgrades':
      return dpkgInstalled(host, 'unattended-upgrades');
    case 'apt-purge-unattended-upgrades':
      return !(await dpkgInstalled(host, 'unattended-upgrades'));
    case 'dnf-install-dnf-automatic':
      return rpmInstalled(host, 'dnf-automatic');
    case 'dnf-remove-dnf-automatic':
      return !(await rpmInstalled(host, 'dnf-automatic'));
    case 'systemctl-enable-dnf-automatic-timer':
      return unitEnabled(host, 'dnf-automatic.timer');
    case 'systemctl-disable-dnf-automatic-timer':
      return !(await unitEnabled(host, 'dnf-automatic.timer'));
    default:
      return false;
  }
}

/** Parses `reg query KEY /v NAME` output: the value's type and data (DWORD/QWORD in decimal). */
export function parseRegQuery(stdout: string, name: string): { type: string; data: string } | null {
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    if (!m || m[1] !== name || !m[2]) continue;
    const type = m[2];
    let data = m[3] ?? '';
    if ((type === 'REG_DWORD' || type === 'REG_QWORD') && /^0x[0-9a-f]+$/i.test(data.trim())) data = BigInt(data.trim()).toString(10);
    return { type, data };
  }
  return null;
}

/** `reg query KEY`: its listing, or null when the key does not exist (exit 1). */
async function queryKey(host: Host, key: string): Promise<string | null> {
  const r = await host.run({ id: `reg-query-key:${key}`, file: 'reg.exe', args: ['query', key], okExitCodes: [0, 1], timeoutMs: 15_000 });
  return r.exitCode === 0 ? r.stdout : null;
}

/** Whether a `reg query KEY` listing shows no value and no subkey. */
export function keyIsEmpty(listing: string, key: string): boolean {
  const full = key.replace(/^HKLM\\/, 'HKEY_LOCAL_MACHINE\\').toLowerCase();
  return listing
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .every((line) => line.trim().toLowerCase() === full);
}

async function readRegistry(host: Host, key: string, name: string): Promise<{ type: string; data: string } | null> {
  // reg query exits 1 when the key or value is missing (the message is localised: the code is what counts).
  const r = await host.run({ id: `reg-query:${key}:${name}`, file: 'reg.exe', args: ['query', key, '/v', name], okExitCodes: [0, 1], timeoutMs: 15_000 });
  if (r.exitCode === 1) return null;
  return parseRegQuery(r.stdout, name);
}

/** Normalises a `defaults read` answer to what `defaults write -TYPE` takes back. */
function defaultsValue(type: 'bool' | 'int' | 'string', raw: string): string {
  const v = raw.trim();
  if (type === 'bool') return v === '1' || /^(true|yes)$/i.test(v) ? 'true' : 'false';
  return v;
}

async function readDefaults(host: Host, domain: string, key: string): Promise<{ type: 'bool' | 'int' | 'string'; value: string } | null> {
  const typeRun = await host.run({ id: `defaults-read-type:${domain}:${key}`, file: 'defaults', args: ['read-type', domain, key], okExitCodes: [0, 1], timeoutMs: 15_000 });
  if (typeRun.exitCode !== 0) return null;
  const typeText = typeRun.stdout.trim();
  const type = /boolean/.test(typeText) ? 'bool' : /integer/.test(typeText) ? 'int' : /string/.test(typeText) ? 'string' : null;
  if (!type) throw new OperationError('failed', `${domain} ${key}: type non pris en charge (${typeText})`);
  const valueRun = await host.run({ id: `defaults-read:${domain}:${key}`, file: 'defaults', args: ['read', domain, key], timeoutMs: 15_000 });
  return { type, value: defaultsValue(type, valueRun.stdout) };
}

async function runOrThrow(host: Host, file: string, args: string[]): Promise<void> {
  try {
    await host.run({ file, args, timeoutMs: 60_000 });
  } catch (error) {
    throw new OperationError(reasonOfRunError(error), tail(errorText(error)));
  }
}

/**
 * The elevated side keeps every previous file content it replaces in a folder only the
 * administrator can write, named by its SHA-256. A restore (undo, rollback) may only write back
 * bytes found there: the undo data in the owner's workspace can say WHICH content to restore, but
 * never smuggle new content into the system's configuration.
 */
export const BACKUP_DIR = '/var/lib/revision/backups';

async function keepBackup(files: MachineFiles, path: string, bytes: Buffer): Promise<void> {
  // The app's own exact contents need no copy: they can always be written again.
  if (allowedContents(path).includes(bytes.toString('utf8'))) return;
  await files.ensureDir(BACKUP_DIR);
  const copy = `${BACKUP_DIR}/${createHash('sha256').update(bytes).digest('hex')}`;
  const existing = await files.read(copy);
  if (!existing || !existing.bytes.equals(bytes)) await files.write(copy, bytes, 0o600);
}

async function isKnownContent(files: MachineFiles, path: string, bytes: Buffer): Promise<boolean> {
  if (allowedContents(path).includes(bytes.toString('utf8'))) return true;
  const backup = await files.read(`${BACKUP_DIR}/${createHash('sha256').update(bytes).digest('hex')}`);
  return backup !== null && backup.bytes.equals(bytes);
}

/** The exact contents the app itself writes to each of its own files (any other text is refused). */
export function allowedContents(path: string): readonly string[] {
  if (path.endsWith('52revision-auto-upgrades')) return schedules.map((s) => aptConfigContent(s));
  if (path.endsWith('revision-schedule.conf')) return (['night', 'weekend'] as const).map((s) => timerDropInContent(s));
  return [];
}

/** Applies one operation; returns its status and the previous state. Throws OperationError. */
async function applyOne(deps: ExecutorDeps, op: Operation): Promise<Pick<OperationResult, 'status' | 'previous' | 'reason' | 'detail'>> {
  const { host, files } = deps;
  switch (op.op) {
    case 'file-write': {
      const bytes = Buffer.from(op.content, op.encoding === 'base64' ? 'base64' : 'utf8');
      if (op.encoding === 'utf8' && !allowedContents(op.path).includes(op.content)) throw new OperationError('failed', `${op.path} : contenu non autorisé`);
      if (op.encoding === 'base64' && !(await isKnownContent(files, op.path, bytes))) throw new OperationError('failed', `${op.path} : contenu à restaurer inconnu de l’étape administrateur, refusé`);
      const current = await files.read(op.path);
      if (current && current.bytes.equals(bytes) && current.mode === op.mode) return { status: 'already' };
      if (current) await keepBackup(files, op.path, current.bytes);
      const dir = op.path.slice(0, op.path.lastIndexOf('/'));
      // Only the app's own folders are recorded (removed again on undo when empty).
      const createdDirs = (await files.ensureDir(dir)).filter(isAllowedDir);
      const previous: PreviousState = current
        ? { kind: 'file', path: op.path, exists: true, contentBase64: current.bytes.toString('base64'), mode: current.mode, createdDirs: [] }
        : { kind: 'file', path: op.path, exists: false, createdDirs };
      await files.write(op.path, bytes, op.mode);
      return { status: 'done', previous };
    }
    case 'file-remove': {
      const current = await files.read(op.path);
      if (current) {
        await keepBackup(files, op.path, current.bytes);
        await files.remove(op.path);
      }
      // Folders are removed innermost first, and only when empty (someone else's file stays).
      for (const dir of [...op.removeDirs].reverse()) await files.removeDirIfEmpty(dir);
      if (!current) return { status: 'already' };
      return {
        status: 'done',
        previous: { kind: 'file', path: op.path, exists: true, contentBase64: current.bytes.toString('base64'), mode: current.mode, createdDirs: [] },
      };
    }
    case 'ini-set': {
      const current = await files.read(op.path);
      if (!current) throw new OperationError('missing-file', `${op.path} est absent`);
      const text = current.bytes.toString('utf8');
      const next = setIniValue(text, op.section, op.key, op.value);
      if (next === text) return { status: 'already' };
      await keepBackup(files, op.path, current.bytes);
      await files.write(op.path, Buffer.from(next, 'utf8'), current.mode);
      return {
        status: 'done',
        previous: { kind: 'file', path: op.path, exists: true, contentBase64: current.bytes.toString('base64'), mode: current.mode, createdDirs: [] },
      };
    }
    case 'registry-set': {
      const current = await readRegistry(host, op.key, op.name);
      if (current && current.type === op.type && current.data === op.data) return { status: 'already' };
      // reg add creates a missing key: remember it, so undo leaves no empty key behind.
      const keyExisted = current ? true : (await queryKey(host, op.key)) !== null;
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return {
        status: 'done',
        previous: current
          ? { kind: 'registry', key: op.key, name: op.name, exists: true, type: current.type as 'REG_DWORD', data: current.data }
          : { kind: 'registry', key: op.key, name: op.name, exists: false, keyExisted },
      };
    }
    case 'registry-delete-key': {
      const listing = await queryKey(host, op.key);
      if (listing === null) return { status: 'already' };
      // Someone else's value or subkey lives there now: the key stays.
      if (!keyIsEmpty(listing, op.key)) return { status: 'already' };
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return { status: 'done', previous: { kind: 'registry-key', key: op.key } };
    }
    case 'registry-add-key': {
      if ((await queryKey(host, op.key)) !== null) return { status: 'already' };
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return { status: 'done' };
    }
    case 'registry-delete': {
      const current = await readRegistry(host, op.key, op.name);
      if (!current) return { status: 'already' };
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return { status: 'done', previous: { kind: 'registry', key: op.key, name: op.name, exists: true, type: current.type as 'REG_DWORD', data: current.data } };
    }
    case 'defaults-write': {
      const current = await readDefaults(host, op.domain, op.key);
      const wanted = defaultsValue(op.type, op.value);
      if (current && current.type === op.type && current.value === wanted) return { status: 'already' };
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return {
        status: 'done',
        previous: current
          ? { kind: 'defaults', domain: op.domain, key: op.key, exists: true, type: current.type, value: current.value }
          : { kind: 'defaults', domain: op.domain, key: op.key, exists: false },
      };
    }
    case 'defaults-delete': {
      const current = await readDefaults(host, op.domain, op.key);
      if (!current) return { status: 'already' };
      const line = commandLineOf(op)!;
      await runOrThrow(host, line.file, line.args);
      return { status: 'done', previous: { kind: 'defaults', domain: op.domain, key: op.key, exists: true, type: current.type, value: current.value } };
    }
    case 'command': {
      if (await commandAlready(host, op.command)) return { status: 'already' };
      let prepared = '';
      if (op.command === 'apt-install-unattended-upgrades') {
        // Fresh package lists first. apt-get update exits 0 even when a source cannot be reached
        // (it only warns), so its output is kept: if the install then fails, it tells why.
        try {
          const r = await runAllowed(host, 'apt-update');
          prepared = tail(`${r.stdout}\n${r.stderr}`);
        } catch (error) {
          prepared = tail(errorText(error));
        }
      }
      try {
        await runAllowed(host, op.command);
      } catch (error) {
        const own = errorText(error);
        const text = `${prepared}\n${own}`;
        let reason = isRunError(error) && error.kind === 'non-zero-exit' ? classifyPackageFailure(own) : reasonOfRunError(error);
        // "Unable to locate package" after lists that could not be downloaded: the network is the cause.
        if (reason === 'package-not-found' && classifyPackageFailure(prepared) === 'network') reason = 'network';
        if (op.command === 'systemctl-daemon-reload' && !(await host.exists('/run/systemd/system'))) reason = 'systemd-not-running';
        throw new OperationError(reason, tail(text));
      }
      return { status: 'done', previous: { kind: 'command', command: op.command, inverse: INVERSE_COMMANDS[op.command] ?? null } };
    }
  }
}

/**
 * The operations that put back the previous states, in reverse order. A systemd reload is added
 * at the end when a unit drop-in was restored (optional: without systemd it takes effect at boot).
 */
export function inverseOperations(results: readonly Pick<OperationResult, 'previous'>[]): Operation[] {
  const ops: Operation[] = [];
  let systemd = false;
  for (const r of [...results].reverse()) {
    const p = r.previous;
    if (!p) continue;
    switch (p.kind) {
      case 'file':
        if (p.path.startsWith('/etc/systemd/')) systemd = true;
        ops.push(
          p.exists
            ? { op: 'file-write', path: p.path, content: p.contentBase64 ?? '', encoding: 'base64', mode: p.mode ?? 0o644 }
            : { op: 'file-remove', path: p.path, removeDirs: [...p.createdDirs] },
        );
        break;
      case 'registry':
        ops.push(
          p.exists && p.type !== undefined && p.data !== undefined
            ? { op: 'registry-set', key: p.key, name: p.name, type: p.type, data: p.data }
            : { op: 'registry-delete', key: p.key, name: p.name },
        );
        if (!p.exists && p.keyExisted === false) ops.push({ op: 'registry-delete-key', key: p.key });
        break;
      case 'registry-key':
        ops.push({ op: 'registry-add-key', key: p.key });
        break;
      case 'defaults':
        ops.push(
          p.exists && p.type !== undefined && p.value !== undefined
            ? { op: 'defaults-write', domain: p.domain, key: p.key, type: p.type, value: p.value }
            : { op: 'defaults-delete', domain: p.domain, key: p.key },
        );
        break;
      case 'command':
        if (p.inverse) ops.push({ op: 'command', command: p.inverse, optional: false });
        break;
    }
  }
  if (systemd) ops.push({ op: 'command', command: 'systemctl-daemon-reload', optional: true });
  return ops;
}

/** Options of a run. */
export interface ExecuteOptions {
  /** Called before each operation (progress, and tests that inject a failure). */
  readonly beforeEach?: (index: number, op: Operation) => Promise<void> | void;
}

/** Runs the operations in order; on a failure, rolls back what was done, newest first. */
export async function executeOperations(deps: ExecutorDeps, operations: readonly Operation[], options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const results: OperationResult[] = operations.map((op, index) => ({ index, op, status: 'skipped', reason: 'not-attempted' }));
  let failedAt = -1;
  for (const [index, op] of operations.entries()) {
    const result = results[index]!;
    try {
      await options.beforeEach?.(index, op);
      const outcome = await applyOne(deps, op);
      result.status = outcome.status;
      delete result.reason;
      if (outcome.previous) result.previous = outcome.previous;
    } catch (error) {
      const reason = error instanceof OperationError ? error.reason : reasonOfRunError(error);
      const detail = error instanceof OperationError ? error.detail : tail(errorText(error));
      if (op.op === 'command' && op.optional) {
        result.status = 'skipped';
        result.reason = reason;
        result.detail = detail;
        continue;
      }
      result.status = 'failed';
      result.reason = reason;
      result.detail = detail;
      failedAt = index;
      break;
    }
  }
  if (failedAt === -1) {
    const changed = results.some((r) => r.status === 'done');
    return { outcome: changed ? 'applied' : 'nothing-to-do', operations: results };
  }
  // Roll back what was done, newest first; each rollback step is itself recorded.
  let rollbackFailed = false;
  for (const result of [...results.slice(0, failedAt)].reverse()) {
    if (result.status !== 'done' || !result.previous) continue;
    const inverse = inverseOperations([result]).filter((op) => !(op.op === 'command' && op.optional));
    try {
      for (const op of inverse) await applyOne(deps, op);
      result.status = 'rolled-back';
    } catch (error) {
      rollbackFailed = true;
      result.reason = 'rollback-failed';
      result.detail = error instanceof OperationError ? error.detail : tail(errorText(error));
    }
  }
  // Rolled-back unit files: let systemd know (optional, as above).
  if (results.some((r) => r.status === 'rolled-back' && r.previous?.kind === 'file' && r.previous.path.startsWith('/etc/systemd/'))) {
    await runAllowed(deps.host, 'systemctl-daemon-reload').catch(() => undefined);
  }
  return { outcome: rollbackFailed ? 'failed' : 'rolled-back', operations: results };
}
