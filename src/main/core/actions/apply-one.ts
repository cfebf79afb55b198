/**
 * Applies ONE validated operation on the machine (the elevated side) and returns the state it
 * replaced. Files are written only with the app's own contents (or bytes the elevated side kept
 * itself) and only with the app's own mode, whatever the plan or the workspace says.
 */
import { createHash } from 'node:crypto';
import type { OperationStatus } from '../../../shared/plans';
import { schedules } from '../../../shared/workspace';
import { isRunError, type Host } from '../exec/host';
import type { MachineFiles } from './machine-files';
import { applyPackageUpgrade } from './package-upgrade';
import {
  commandAlready,
  defaultsValue,
  keyIsEmpty,
  queryKey,
  readDefaults,
  readRegistry,
  runAllowed,
  runOrThrow,
} from './machine-queries';
import {
  OperationError,
  classifyPackageFailure,
  errorText,
  reasonOfRunError,
  tail,
  type ReasonCode,
} from './operation-error';
import {
  APP_FILE_MODE,
  ALLOWED_DIRS,
  INVERSE_COMMANDS,
  commandLineOf,
  setIniValue,
  type Operation,
  type PreviousState,
} from './operations';
import { aptConfigContent, timerDropInContent } from './planners';

/** What the executor works with. */
export interface ExecutorDeps {
  readonly host: Host;
  readonly files: MachineFiles;
}

/** What one operation did: its status and the state before it (when it changed something). */
export interface AppliedOne {
  status: OperationStatus;
  previous?: PreviousState;
  reason?: ReasonCode;
  detail?: string;
}

/**
 * The elevated side keeps every previous file content it replaces in a folder only the
 * administrator can write, named by its SHA-256. A restore (undo, rollback) may only write back
 * bytes found there: the undo data in the owner's workspace can say WHICH content to restore, but
 * never smuggle new content into the system's configuration.
 */
export const BACKUP_DIR = '/var/lib/revision/backups';

/** The exact contents the app itself writes to each of its own files (any other text is refused). */
export function allowedContents(path: string): readonly string[] {
  if (path.endsWith('52revision-auto-upgrades')) return schedules.map((s) => aptConfigContent(s));
  if (path.endsWith('revision-schedule.conf'))
    return (['night', 'weekend'] as const).map((s) => timerDropInContent(s));
  return [];
}

const backupPath = (bytes: Buffer): string =>
  `${BACKUP_DIR}/${createHash('sha256').update(bytes).digest('hex')}`;

async function keepBackup(files: MachineFiles, path: string, bytes: Buffer): Promise<void> {
  // The app's own exact contents need no copy: they can always be written again.
  if (allowedContents(path).includes(bytes.toString('utf8'))) return;
  await files.ensureDir(BACKUP_DIR);
  const existing = await files.read(backupPath(bytes));
  if (!existing || !existing.bytes.equals(bytes)) await files.write(backupPath(bytes), bytes, 0o600);
}

async function isKnownContent(files: MachineFiles, path: string, bytes: Buffer): Promise<boolean> {
  if (allowedContents(path).includes(bytes.toString('utf8'))) return true;
  const backup = await files.read(backupPath(bytes));
  return backup !== null && backup.bytes.equals(bytes);
}

const isAllowedDir = (dir: string): dir is (typeof ALLOWED_DIRS)[number] =>
  (ALLOWED_DIRS as readonly string[]).includes(dir);

const previousFile = (
  path: Extract<PreviousState, { kind: 'file' }>['path'],
  bytes: Buffer,
  mode: number,
): PreviousState => ({
  kind: 'file',
  path,
  exists: true,
  contentBase64: bytes.toString('base64'),
  mode,
  createdDirs: [],
});

async function applyFileWrite(
  files: MachineFiles,
  op: Extract<Operation, { op: 'file-write' }>,
): Promise<AppliedOne> {
  // Only the app's own mode, whatever the plan says (a world-writable apt file gives root to anyone).
  if (op.mode !== APP_FILE_MODE)
    throw new OperationError('failed', `${op.path} : mode ${(op.mode as number).toString(8)} refusé`);
  const bytes = Buffer.from(op.content, op.encoding === 'base64' ? 'base64' : 'utf8');
  if (op.encoding === 'utf8' && !allowedContents(op.path).includes(op.content))
    throw new OperationError('failed', `${op.path} : contenu non autorisé`);
  if (op.encoding === 'base64' && !(await isKnownContent(files, op.path, bytes)))
    throw new OperationError(
      'failed',
      `${op.path} : contenu à restaurer inconnu de l’étape administrateur, refusé`,
    );
  const current = await files.read(op.path);
  if (current && current.bytes.equals(bytes) && current.mode === APP_FILE_MODE) return { status: 'already' };
  if (current) await keepBackup(files, op.path, current.bytes);
  const dir = op.path.slice(0, op.path.lastIndexOf('/'));
  // Only the app's own folders are recorded (removed again on undo when empty).
  const createdDirs = (await files.ensureDir(dir)).filter(isAllowedDir);
  const previous: PreviousState = current
    ? previousFile(op.path, current.bytes, current.mode)
    : { kind: 'file', path: op.path, exists: false, createdDirs };
  await files.write(op.path, bytes, APP_FILE_MODE);
  return { status: 'done', previous };
}

async function applyFileOp(
  files: MachineFiles,
  op: Extract<Operation, { op: 'file-write' | 'file-remove' | 'ini-set' }>,
): Promise<AppliedOne> {
  if (op.op === 'file-write') return applyFileWrite(files, op);
  const current = await files.read(op.path);
  if (op.op === 'file-remove') {
    if (current) {
      await keepBackup(files, op.path, current.bytes);
      await files.remove(op.path);
    }
    // Folders are removed innermost first, and only when empty (someone else's file stays).
    for (const dir of [...op.removeDirs].reverse()) await files.removeDirIfEmpty(dir);
    return current
      ? { status: 'done', previous: previousFile(op.path, current.bytes, current.mode) }
      : { status: 'already' };
  }
  if (!current) throw new OperationError('missing-file', `${op.path} est absent`);
  const text = current.bytes.toString('utf8');
  const next = setIniValue(text, op.section, op.key, op.value);
  if (next === text) return { status: 'already' };
  await keepBackup(files, op.path, current.bytes);
  // The system's own file keeps its mode, without any write bit for group or others.
  await files.write(op.path, Buffer.from(next, 'utf8'), current.mode & 0o755);
  return { status: 'done', previous: previousFile(op.path, current.bytes, current.mode) };
}

type RegistryOp = Extract<
  Operation,
  { op: 'registry-set' | 'registry-delete' | 'registry-delete-key' | 'registry-add-key' }
>;

/** The state of a registry value that exists (what undo writes back). */
const registryValueState = (
  op: { key: RegistryOp['key']; name: Extract<RegistryOp, { name: unknown }>['name'] },
  current: { type: string; data: string },
): PreviousState => ({
  kind: 'registry',
  key: op.key,
  name: op.name,
  exists: true,
  type: current.type as 'REG_DWORD',
  data: current.data,
});

/** The state of a macOS preference that is set (what undo writes back). */
const defaultsValueState = (
  op: Extract<Operation, { op: 'defaults-write' | 'defaults-delete' }>,
  current: { type: 'bool' | 'int' | 'string'; value: string },
): PreviousState => ({
  kind: 'defaults',
  domain: op.domain,
  key: op.key,
  exists: true,
  type: current.type,
  value: current.value,
});

async function applyRegistryOp(host: Host, op: RegistryOp): Promise<AppliedOne> {
  const line = commandLineOf(op)!;
  if (op.op === 'registry-delete-key' || op.op === 'registry-add-key') {
    const listing = await queryKey(host, op.key);
    if (op.op === 'registry-add-key' && listing !== null) return { status: 'already' };
    // Someone else's value or subkey lives there now: the key stays.
    if (op.op === 'registry-delete-key' && (listing === null || !keyIsEmpty(listing, op.key)))
      return { status: 'already' };
    await runOrThrow(host, line.file, line.args);
    return op.op === 'registry-delete-key'
      ? { status: 'done', previous: { kind: 'registry-key', key: op.key } }
      : { status: 'done' };
  }
  const current = await readRegistry(host, op.key, op.name);
  if (op.op === 'registry-delete') {
    if (!current) return { status: 'already' };
    await runOrThrow(host, line.file, line.args);
    return {
      status: 'done',
      previous: registryValueState(op, current),
    };
  }
  if (current && current.type === op.type && current.data === op.data) return { status: 'already' };
  // reg add creates a missing key: remember it, so undo leaves no empty key behind.
  const keyExisted = current ? true : (await queryKey(host, op.key)) !== null;
  await runOrThrow(host, line.file, line.args);
  return {
    status: 'done',
    previous: current
      ? registryValueState(op, current)
      : { kind: 'registry', key: op.key, name: op.name, exists: false, keyExisted },
  };
}

async function applyDefaultsOp(
  host: Host,
  op: Extract<Operation, { op: 'defaults-write' | 'defaults-delete' }>,
): Promise<AppliedOne> {
  const current = await readDefaults(host, op.domain, op.key);
  const line = commandLineOf(op)!;
  if (op.op === 'defaults-delete') {
    if (!current) return { status: 'already' };
    await runOrThrow(host, line.file, line.args);
    return {
      status: 'done',
      previous: defaultsValueState(op, current),
    };
  }
  if (current && current.type === op.type && current.value === defaultsValue(op.type, op.value))
    return { status: 'already' };
  await runOrThrow(host, line.file, line.args);
  return {
    status: 'done',
    previous: current
      ? defaultsValueState(op, current)
      : { kind: 'defaults', domain: op.domain, key: op.key, exists: false },
  };
}

async function applyCommandOp(host: Host, op: Extract<Operation, { op: 'command' }>): Promise<AppliedOne> {
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
    let reason =
      isRunError(error) && error.kind === 'non-zero-exit'
        ? classifyPackageFailure(own)
        : reasonOfRunError(error);
    // "Unable to locate package" after lists that could not be downloaded: the network is the cause.
    if (reason === 'package-not-found' && classifyPackageFailure(prepared) === 'network') reason = 'network';
    if (op.command === 'systemctl-daemon-reload' && !(await host.exists('/run/systemd/system')))
      reason = 'systemd-not-running';
    throw new OperationError(reason, tail(`${prepared}\n${own}`));
  }
  return {
    status: 'done',
    previous: { kind: 'command', command: op.command, inverse: INVERSE_COMMANDS[op.command] ?? null },
  };
}

/** Applies one operation; returns its status and the previous state. Throws OperationError. */
export async function applyOne(deps: ExecutorDeps, op: Operation): Promise<AppliedOne> {
  switch (op.op) {
    case 'file-write':
    case 'file-remove':
    case 'ini-set':
      return applyFileOp(deps.files, op);
    case 'registry-set':
    case 'registry-delete':
    case 'registry-delete-key':
    case 'registry-add-key':
      return applyRegistryOp(deps.host, op);
    case 'defaults-write':
    case 'defaults-delete':
      return applyDefaultsOp(deps.host, op);
    case 'command':
      return applyCommandOp(deps.host, op);
    case 'package-upgrade':
      return applyPackageUpgrade(deps.host, op);
  }
}
