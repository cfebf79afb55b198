/**
 * File access for the code that runs as administrator. The owner's account can change anything
 * in the owner's folders at any moment, so this code never follows a link (O_NOFOLLOW, lstat),
 * never blocks on a FIFO or a device (O_NONBLOCK, then fstat: regular files only), sets modes on
 * the open file (fchmod, before any rename) and writes only into folders whose whole path only
 * the administrator can change.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, parse, resolve, sep } from 'node:path';

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOCTTY = constants.O_NOCTTY ?? 0;

/** Why a file or folder was not used: the French reason for the prestataire. */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

/** What a read accepts. */
export interface SafeReadOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The user ids that may own the file (POSIX); any owner when absent. */
  readonly owners?: ReadonlySet<number>;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnsafePathError(`${what} : lecture trop longue (plus de ${ms} ms)`)),
      ms,
    );
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * Reads a whole regular file without following a link at its last component and without
 * blocking on a FIFO or device; refuses a file owned by anyone else than `owners`, a file larger
 * than maxBytes, and a read longer than timeoutMs.
 */
export async function readRegularFile(path: string, options: SafeReadOptions): Promise<Buffer> {
  return (await readRegularFileInfo(path, options)).bytes;
}

/** readRegularFile, with the mode of the file that was read (from the same open file). */
export async function readRegularFileInfo(
  path: string,
  options: SafeReadOptions,
): Promise<{ bytes: Buffer; mode: number }> {
  const handle = await open(path, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnsafePathError(`${path} : pas un fichier ordinaire`);
    if (options.owners && process.platform !== 'win32' && !options.owners.has(info.uid)) {
      throw new UnsafePathError(`${path} : appartient à l’utilisateur ${info.uid}, refusé`);
    }
    if (info.size > options.maxBytes)
      throw new UnsafePathError(`${path} : trop volumineux (${info.size} octets)`);
    const read = (async () => {
      const buffer = Buffer.alloc(options.maxBytes + 1);
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > options.maxBytes) throw new UnsafePathError(`${path} : trop volumineux`);
      }
      return buffer.subarray(0, total);
    })();
    return { bytes: await withTimeout(read, options.timeoutMs, path), mode: info.mode & 0o7777 };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The folder itself and each of its parents, outermost first. */
function chainOf(dir: string): string[] {
  const full = resolve(dir);
  const root = parse(full).root;
  const parts = full.slice(root.length).split(sep).filter(Boolean);
  return parts.map((_, i) => root + parts.slice(0, i + 1).join(sep));
}

async function checkDir(path: string, euid: number | null, own: boolean): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink() || !info.isDirectory())
    throw new UnsafePathError(`${path} : pas un dossier (lien refusé)`);
  if (euid === null) return;
  const trustedOwner = own ? info.uid === euid : info.uid === 0 || info.uid === euid;
  // Others may not rename or replace what is inside, unless the sticky bit protects it (/tmp).
  const othersCanChange = (info.mode & 0o022) !== 0 && (own || (info.mode & 0o1000) === 0);
  if (!trustedOwner || othersCanChange)
    throw new UnsafePathError(`${path} : modifiable par un autre compte que l’administrateur, refusé`);
}

/**
 * Makes sure `dir` exists, was created by this account (mode 0755) and that no other account can
 * change it or any of its parents; creates the missing folders. Throws UnsafePathError otherwise.
 */
export async function ensureOwnedDir(dir: string): Promise<void> {
  const euid = typeof process.geteuid === 'function' ? process.geteuid() : null;
  const chain = chainOf(dir);
  for (const [i, path] of chain.entries()) {
    const last = i === chain.length - 1;
    try {
      await checkDir(path, euid, last);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // mkdir never follows a link at its last component: EEXIST if one appeared meanwhile.
      await mkdir(path, { mode: 0o755 });
      await checkDir(path, euid, true);
    }
  }
}

/**
 * Replaces `target` atomically: a NEW temporary file `tmp` (O_CREAT|O_EXCL|O_NOFOLLOW: never an
 * existing file, never through a link), its mode set on the open file, synced, then renamed.
 */
export async function replaceFileAtomically(
  tmp: string,
  target: string,
  bytes: Buffer | string,
  mode: number,
): Promise<void> {
  const handle = await open(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW,
    mode,
  );
  try {
    await handle.chmod(mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(tmp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Writes a file atomically into a folder checked (and created) by ensureOwnedDir. */
export async function writeOwnedFile(
  dir: string,
  name: string,
  bytes: Buffer | string,
  mode: number,
): Promise<string> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.'))
    throw new UnsafePathError(`${name} : nom refusé`);
  await ensureOwnedDir(dir);
  const target = join(dir, name);
  await replaceFileAtomically(join(dir, `.${name}.${randomUUID()}.tmp`), target, bytes, mode);
  return target;
}

/** The folder of a path (for owner checks). */
export function parentOf(path: string): string {
  return dirname(resolve(path));
}
