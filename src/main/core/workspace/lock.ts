/**
 * The workspace lock: held while a change is written, so the app and the command line never
 * write at the same time, and a process killed at any instant never blocks the owner for good.
 *
 * - The lock file appears whole (written to a temp file, then hard-linked into place: `link`
 *   fails when the name exists, like O_EXCL), holding `<pid> <token>`; the token is unique.
 * - Only ONE process may remove the lock holding a given token: whoever removes it (its owner
 *   releasing it, or a waiter taking over a dead owner's lock) first creates the claim file
 *   `workspace.lock.release-<token>` exclusively. So two waiters can never both take over the same
 *   dead lock, and an owner never removes a lock that is not its own (compare-and-swap).
 * - Stale: the owner's process is gone, or the lock is older than 30 s, or it is empty or
 *   unreadable (an older version killed between create and write) and older than 3 s.
 */
import { randomUUID } from 'node:crypto';
import { link, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock's file name in the workspace folder. */
export const LOCK_FILE = 'workspace.lock';
const LOCK_STALE_MS = 30_000;
const EMPTY_STALE_MS = 3_000;
const LOCK_WAIT_MS = 10_000;
/** A claim whose holder is still alive is passed over only after this long (the holder needs milliseconds). */
const CLAIM_STALE_MS = LOCK_STALE_MS;
const MAX_CLAIMS = 8;

/** The lock could not be taken (folder gone, disk refused) or stayed busy too long. */
export class LockError extends Error {
  override readonly name = 'LockError';
  constructor(
    readonly reason: 'busy' | 'io',
    options?: ErrorOptions,
  ) {
    super(reason === 'busy' ? 'workspace lock busy' : 'workspace lock could not be created', options);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let tmpCounter = 0;

/** Creates `path` holding `content`, whole, only if it does not exist yet (false when it does). */
async function createExclusive(path: string, content: string): Promise<boolean> {
  tmpCounter += 1;
  const tmp = `${path}.${process.pid}.${tmpCounter}.${randomUUID().slice(0, 8)}.locktmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links (FAT USB keys): O_EXCL, then the content.
    return createExclusiveFallback(path, content);
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

async function createExclusiveFallback(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

interface LockInfo {
  readonly text: string;
  readonly pid: number | null;
  readonly token: string | null;
  readonly ageMs: number;
  /** Which file this is: inode and modification time (an empty lock has no token). */
  readonly identity: string;
}

async function readLock(path: string): Promise<LockInfo | null> {
  const [text, info] = await Promise.all([
    readFile(path, 'utf8').catch(() => null),
    stat(path).catch(() => null),
  ]);
  if (!info) return null;
  const [pidText, token] = (text ?? '').trim().split(/\s+/);
  const pid = Number.parseInt(pidText ?? '', 10);
  return {
    text: text ?? '',
    pid: Number.isInteger(pid) && pid > 0 ? pid : null,
    token: token && /^[\w-]{8,100}$/.test(token) ? token : null,
    ageMs: Date.now() - info.mtimeMs,
    identity: `${info.ino}-${info.mtimeMs}`,
  };
}

function isStale(lock: LockInfo): boolean {
  if (lock.ageMs > LOCK_STALE_MS) return true;
  if (lock.pid === null) return lock.ageMs > EMPTY_STALE_MS;
  return lock.pid !== process.pid && !processAlive(lock.pid);
}

/** The claim file names for removing the lock that holds `key`; the n-th is used when the (n-1)-th holder died. */
const claimPath = (lockPath: string, key: string, n: number): string =>
  `${lockPath}.release-${key}${n === 0 ? '' : `.${n}`}`;

/**
 * Wins the sole right to remove the lock holding `key`: the claim's path when this process holds
 * it, else null. A claim whose holder died before finishing is passed over for the next one.
 */
async function claimRemoval(lockPath: string, key: string): Promise<string | null> {
  for (let n = 0; n < MAX_CLAIMS; n += 1) {
    const path = claimPath(lockPath, key, n);
    if (await createExclusive(path, `${process.pid}\n`)) return path;
    const claim = await readLock(path);
    if (!claim) return null; // Just released: the lock it was about is gone.
    const dead =
      claim.pid === null
        ? claim.ageMs > EMPTY_STALE_MS
        : !processAlive(claim.pid) || claim.ageMs > CLAIM_STALE_MS;
    if (!dead) return null;
  }
  return null;
}

/** The key of a lock for its claims: its token, or which file it is when it has none. */
const keyOf = (lock: LockInfo): string => lock.token ?? `empty-${lock.identity}`;

/**
 * Removes the lock file if it is still the one described by `expected`. Only the claim's winner
 * gets to the removal, and no one else can remove or replace that lock meanwhile, so the check
 * and the removal act on the same file. Once that lock is gone its key never comes back, so the
 * claim can go too (a late waiter claiming it again finds another lock and leaves it alone).
 */
async function removeIfStill(lockPath: string, expected: LockInfo): Promise<void> {
  const claim = await claimRemoval(lockPath, keyOf(expected));
  if (!claim) return;
  const now = await readLock(lockPath);
  if (now && now.text === expected.text && keyOf(now) === keyOf(expected))
    await rm(lockPath, { force: true });
  await rm(claim, { force: true }).catch(() => undefined);
}

/**
 * Removes claim files whose lock is gone (its token no longer in workspace.lock) and temp files
 * of killed processes, older than a minute. Called when the workspace opens.
 */
export async function removeStaleLockFiles(dir: string): Promise<void> {
  const lockPath = join(dir, LOCK_FILE);
  const names = await readdir(dir).catch(() => [] as string[]);
  const current = await readLock(lockPath);
  const limit = Date.now() - 60_000;
  for (const name of names) {
    if (!name.startsWith(`${LOCK_FILE}.`)) continue;
    if (current?.token && name.includes(current.token)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < limit) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Takes the lock (waiting up to 10 s); returns the release function. Throws LockError. */
export async function acquireLock(lockPath: string, waitMs = LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const token = randomUUID();
  const text = `${process.pid} ${token}\n`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    let created: boolean;
    try {
      created = await createExclusive(lockPath, text);
    } catch (error) {
      throw new LockError('io', { cause: error });
    }
    if (created) return () => release(lockPath, text, token);
    const held = await readLock(lockPath);
    if (held && isStale(held)) {
      await removeIfStill(lockPath, held).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new LockError('busy');
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

async function release(lockPath: string, text: string, token: string): Promise<void> {
  const now = await readLock(lockPath).catch(() => null);
  if (!now || now.text !== text) return; // Taken over (we were too slow): never remove someone else's lock.
  const claim = await claimRemoval(lockPath, token).catch(() => null);
  if (!claim) return;
  const still = await readLock(lockPath).catch(() => null);
  if (still && still.text === text) await rm(lockPath, { force: true }).catch(() => undefined);
  await rm(claim, { force: true }).catch(() => undefined);
}
