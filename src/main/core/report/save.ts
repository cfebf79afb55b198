/**
 * Saving the PDF: never over an existing file unless asked, through a temp file in the same
 * folder renamed over the target (so the target is either the old file or the whole new one,
 * never half a PDF), with a plain message for each way the disk can refuse.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../../../shared/i18n';
import { getT } from '../i18n';

/** Why a report could not be written. */
export type ReportErrorCode =
  | 'exists'
  | 'not-directory'
  | 'no-folder'
  | 'denied'
  | 'busy'
  | 'disk-full'
  | 'is-directory'
  | 'render'
  | 'failed';

/** A report export that did not happen; the message is for the owner, in the report's language. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

function errorFor(error: unknown, path: string, lang: Lang): ReportError {
  const t = getT(lang);
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const dir = dirname(path);
  switch (code) {
    case 'ENOTDIR':
      return new ReportError('not-directory', t('report:errors.notDirectory', { path }), path);
    case 'ENOENT':
      return new ReportError('no-folder', t('report:errors.noFolder', { dir }), path);
    case 'EBUSY':
      return new ReportError('busy', t('report:errors.busy', { path }), path);
    case 'EPERM':
      // On Windows, replacing a file that a PDF reader holds open fails with EPERM.
      if (process.platform === 'win32' && existsSync(path))
        return new ReportError('busy', t('report:errors.busy', { path }), path);
      return new ReportError('denied', t('report:errors.denied', { dir }), path);
    case 'EACCES':
    case 'EROFS':
      return new ReportError('denied', t('report:errors.denied', { dir }), path);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ReportError('disk-full', t('report:errors.full'), path);
    case 'EISDIR':
      return new ReportError('is-directory', t('report:errors.isDirectory', { path }), path);
    default:
      return new ReportError('failed', t('report:errors.failed', { path, code }), path);
  }
}

/** Checks, before any work, that the target can be written: not an existing file (unless overwrite), not a folder. */
export async function checkTarget(path: string, overwrite: boolean, lang: Lang): Promise<void> {
  const t = getT(lang);
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // The file does not exist: its folder must.
      try {
        const parent = await stat(dirname(path));
        if (!parent.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
        return;
      } catch (parentError) {
        throw errorFor(parentError, path, lang);
      }
    }
    throw errorFor(error, path, lang);
  }
  if (info.isDirectory())
    throw new ReportError('is-directory', t('report:errors.isDirectory', { path }), path);
  if (!overwrite) throw new ReportError('exists', t('report:errors.exists', { path }), path);
}

/** Writes bytes atomically at `path` (temp file in the same folder, fsync, rename). */
export async function writePdfFile(
  path: string,
  bytes: Uint8Array,
  overwrite: boolean,
  lang: Lang,
): Promise<void> {
  await checkTarget(path, overwrite, lang);
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  let created = false;
  try {
    const handle = await open(tmp, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Re-check just before the rename: a file may have appeared while the PDF was written.
    if (!overwrite) await checkTarget(path, false, lang);
    await rename(tmp, path);
    created = false;
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw errorFor(error, path, lang);
  } finally {
    if (created) await rm(tmp, { force: true }).catch(() => undefined);
  }
}
