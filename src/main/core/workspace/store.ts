/**
 * The owner's workspace on disk: workspace.json, written atomically (temp file, fsync, rename),
 * with the previous good copy kept as workspace.json.bak. A corrupted file is set aside, the
 * last good copy restored, and the owner told (notices). A file from a newer app is never
 * overwritten: the store opens read-only and says so.
 */
import { copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckupReport } from '../../../shared/checkup';
import {
  WORKSPACE_SCHEMA_VERSION,
  emptyWorkspace,
  workspaceSchema,
  type Workspace,
} from '../../../shared/workspace';
import { migrate, WorkspaceTooNewError } from './migrations';

export const WORKSPACE_FILE = 'workspace.json';
export const BACKUP_FILE = 'workspace.json.bak';
export const LAST_CHECKUP_FILE = 'last-checkup.json';

/** Something the owner must be told about their data (in French; the UI shows it). */
export interface WorkspaceNotice {
  readonly kind: 'restored-from-backup' | 'reset-corrupted' | 'newer-version' | 'migrated';
  readonly message: string;
  /** Where the bad file was set aside, when it was. */
  readonly setAside?: string;
}

/** A workspace could not be written (read-only because newer, or the disk refused). */
export class WorkspaceWriteError extends Error {
  override readonly name = 'WorkspaceWriteError';
}

/** The app's product name: Electron names its data folder (app.getPath('userData')) after it. */
export const PRODUCT_NAME = 'Révision';

/**
 * The folder where the owner's data lives: REVISION_HOME, else the folder Electron gives the app
 * (app.getPath('userData'): the OS's app-data folder + the product name), so that the app and
 * the `revision` command line share one carnet d'entretien.
 */
export function defaultWorkspaceDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.REVISION_HOME) return env.REVISION_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

let tmpCounter = 0;

/** Errors Windows gives while an antivirus or the indexer holds the file for a moment. */
const transientRenameCodes = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= 4 || !transientRenameCodes.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Flushes a folder's entries to disk, so a rename survives a power cut (not possible on Windows: skipped). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: some file systems refuse fsync on a folder.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, fsync, then rename over the target.
 * A reader (or a process killed at any instant) sees either the old file or the new one, whole.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  tmpCounter += 1;
  const tmp = `${path}.${process.pid}.${Date.now()}.${tmpCounter}.tmp`;
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDir(dirname(path));
}

/** Removes temp files left by a process killed in the middle of a write (older than a minute). */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const limit = Date.now() - 60_000;
  for (const name of names) {
    const ours = [WORKSPACE_FILE, LAST_CHECKUP_FILE].some((file) => name.startsWith(`${file}.`));
    if (!ours || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < limit) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Held while a change is written, so the app and the command line never write at the same time. */
export const LOCK_FILE = 'workspace.lock';
const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` holding a lock file (created exclusively, holding our pid). A lock whose process is
 * gone (killed) or that is older than 30 s is taken over; after 10 s of waiting, the owner is
 * told to try again and nothing is written.
 */
async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new WorkspaceWriteError(
          `Je n’ai pas pu enregistrer vos données dans ${dirname(path)} (${diskProblem(error)}). Rien n’est perdu : la version précédente est intacte.`,
          { cause: error },
        );
      }
      const [text, info] = await Promise.all([
        readFile(path, 'utf8').catch(() => ''),
        stat(path).catch(() => null),
      ]);
      const pid = Number.parseInt(text, 10);
      const stale =
        !info ||
        Date.now() - info.mtimeMs > LOCK_STALE_MS ||
        (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid));
      if (stale && text !== '') {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new WorkspaceWriteError(
          'Vos données sont en cours d’enregistrement par une autre fenêtre ou commande Révision. Rien n’a été modifié : réessayez dans un instant.',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true }).catch(() => undefined);
  }
}

type Parsed =
  | { ok: true; workspace: Workspace; migrated: boolean }
  | { ok: false; reason: string; tooNew?: number; raw?: unknown };

function parseWorkspace(text: string): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'fichier illisible (JSON abîmé ou tronqué)' };
  }
  try {
    const { value, migrated } = migrate(raw);
    const parsed = workspaceSchema.safeParse(value);
    if (!parsed.success)
      return { ok: false, reason: `contenu invalide (${parsed.error.issues[0]?.path.join('.') ?? '?'})` };
    return { ok: true, workspace: parsed.data, migrated };
  } catch (error) {
    if (error instanceof WorkspaceTooNewError)
      return { ok: false, reason: error.message, tooNew: error.version, raw };
    return { ok: false, reason: (error as Error).message };
  }
}

/**
 * A newer app's file, shown (never written) as well as this version can read it; null when
 * its layout changed too much to be shown.
 */
function viewOfNewer(raw: unknown): Workspace | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const parsed = workspaceSchema.safeParse({
    ...(raw as Record<string, unknown>),
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
  });
  return parsed.success ? parsed.data : null;
}

function serialize(workspace: Workspace): string {
  return JSON.stringify(workspace, null, 2) + '\n';
}

/** A disk error in the owner's words. */
function diskProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
      return 'le disque est plein';
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé au dossier';
    case 'EROFS':
      return 'le disque est en lecture seule';
    default:
      return `erreur ${(error as NodeJS.ErrnoException).code ?? 'inconnue'}`;
  }
}

const READ_ONLY_MESSAGE =
  'Vos données viennent d’une version plus récente de Révision : je ne les modifie pas. Mettez Révision à jour.';

function newerNotice(version: number): WorkspaceNotice {
  return {
    kind: 'newer-version',
    message: `Vos données ont été enregistrées par une version plus récente de Révision (format ${version}). Je ne les modifie pas : mettez Révision à jour.`,
  };
}

/** The workspace store; every change goes through `update`, one at a time. */
export interface WorkspaceStore {
  readonly dir: string;
  readonly notices: readonly WorkspaceNotice[];
  /** True when the file comes from a newer app: nothing is written. */
  readonly readOnly: boolean;
  read(): Workspace;
  /**
   * Applies a change and saves it. The change is applied to the file as it is on disk now (the
   * command line may have written it meanwhile), so no one's entry is lost.
   */
  update(mutate: (draft: Workspace) => void): Promise<Workspace>;
  saveCheckup(report: CheckupReport): Promise<void>;
  latestCheckup(): Promise<CheckupReport | null>;
}

/** Opens (or creates) the workspace in a folder, recovering from corruption as described above. */
export async function openWorkspace(
  dir: string,
  now: () => Date = () => new Date(),
): Promise<WorkspaceStore> {
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir);
  const file = join(dir, WORKSPACE_FILE);
  const backup = join(dir, BACKUP_FILE);
  const notices: WorkspaceNotice[] = [];
  let readOnly = false;
  let current: Workspace;
  /** workspace.json's text as this store last read or wrote it: a different text was written by someone else. */
  let lastText: string | null = null;

  const readText = async (path: string): Promise<string | null> => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const stamp = (): string => now().toISOString().replace(/[:.]/g, '-');
  const readBackup = async (): Promise<Workspace | null> => {
    const text = await readText(backup).catch(() => null);
    const parsed = text ? parseWorkspace(text) : null;
    return parsed?.ok ? parsed.workspace : null;
  };
  const writeMain = async (workspace: Workspace): Promise<void> => {
    const text = serialize(workspace);
    await writeFileAtomic(file, text);
    lastText = text;
  };
  const setAside = async (): Promise<string> => {
    const path = join(dir, `workspace.corrupt-${stamp()}.json`);
    await rename(file, path);
    return path;
  };

  const mainText = await readText(file);
  if (mainText === null) {
    const fromBackup = await readBackup();
    if (fromBackup) {
      // workspace.json is gone but the last good copy is there: never start from an empty carnet.
      current = fromBackup;
      notices.push({
        kind: 'restored-from-backup',
        message: 'Le fichier de vos données avait disparu. J’ai repris la dernière copie saine.',
      });
    } else {
      current = emptyWorkspace(now());
    }
    await writeMain(current);
  } else {
    const parsed = parseWorkspace(mainText);
    if (parsed.ok) {
      current = parsed.workspace;
      lastText = mainText;
      if (parsed.migrated) {
        await copyFile(file, join(dir, `workspace.v-old-${stamp()}.json`));
        notices.push({
          kind: 'migrated',
          message:
            'Vos données ont été mises au format de cette version (une copie de l’ancien fichier est gardée).',
        });
        await writeMain(current);
      }
    } else if (parsed.tooNew !== undefined) {
      readOnly = true;
      lastText = mainText;
      notices.push(newerNotice(parsed.tooNew));
      current = viewOfNewer(parsed.raw) ?? (await readBackup()) ?? emptyWorkspace(now());
    } else {
      const asidePath = await setAside();
      const fromBackup = await readBackup();
      if (fromBackup) {
        current = fromBackup;
        notices.push({
          kind: 'restored-from-backup',
          message: `Le fichier de vos données était abîmé (${parsed.reason}). J’ai repris la dernière copie saine et mis le fichier abîmé de côté.`,
          setAside: asidePath,
        });
      } else {
        current = emptyWorkspace(now());
        notices.push({
          kind: 'reset-corrupted',
          message: `Le fichier de vos données était abîmé (${parsed.reason}) et aucune copie saine n’existait. Je repars d’un carnet vide ; le fichier abîmé est gardé de côté pour votre prestataire.`,
          setAside: asidePath,
        });
      }
      await writeMain(current);
    }
  }

  /** The workspace to change: the file on disk when someone else wrote it since, else ours. */
  const freshBase = async (): Promise<{ base: Workspace; previousText: string | null }> => {
    const diskText = await readText(file).catch(() => null);
    if (diskText === null || diskText === lastText)
      return { base: current, previousText: diskText ?? lastText };
    const parsed = parseWorkspace(diskText);
    if (parsed.ok) {
      current = parsed.workspace;
      return { base: parsed.workspace, previousText: parsed.migrated ? lastText : diskText };
    }
    if (parsed.tooNew !== undefined) {
      readOnly = true;
      notices.push(newerNotice(parsed.tooNew));
      throw new WorkspaceWriteError(READ_ONLY_MESSAGE);
    }
    // Damaged meanwhile: keep it aside for the prestataire and go on from our last good copy.
    const asidePath = await setAside().catch(() => undefined);
    notices.push({
      kind: 'restored-from-backup',
      message: `Le fichier de vos données a été abîmé pendant que Révision était ouvert (${parsed.reason}). J’ai gardé la dernière version saine et mis le fichier abîmé de côté.`,
      ...(asidePath ? { setAside: asidePath } : {}),
    });
    return { base: current, previousText: lastText };
  };

  let queue: Promise<unknown> = Promise.resolve();
  const store: WorkspaceStore = {
    dir,
    notices,
    get readOnly() {
      return readOnly;
    },
    read: () => structuredClone(current),
    update(mutate) {
      const next = queue.then(() =>
        withFileLock(join(dir, LOCK_FILE), async () => {
          if (readOnly) throw new WorkspaceWriteError(READ_ONLY_MESSAGE);
          const { base, previousText } = await freshBase();
          const draft = structuredClone(base);
          mutate(draft);
          draft.updatedAt = now().toISOString();
          const checked = workspaceSchema.parse(draft);
          const text = serialize(checked);
          try {
            // The file on disk is the last good copy: keep it (atomically too) as the backup before replacing it.
            if (previousText !== null) await writeFileAtomic(backup, previousText);
            await writeFileAtomic(file, text);
          } catch (error) {
            throw new WorkspaceWriteError(
              `Je n’ai pas pu enregistrer vos données dans ${dir} (${diskProblem(error)}). Rien n’est perdu : la version précédente est intacte.`,
              { cause: error },
            );
          }
          current = checked;
          lastText = text;
          return structuredClone(current);
        }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    async saveCheckup(report) {
      if (readOnly) return;
      await writeFileAtomic(join(dir, LAST_CHECKUP_FILE), JSON.stringify(report) + '\n');
    },
    async latestCheckup() {
      const text = await readText(join(dir, LAST_CHECKUP_FILE));
      if (!text) return null;
      try {
        const report = JSON.parse(text) as CheckupReport;
        return report && Array.isArray(report.findings) ? report : null;
      } catch {
        return null;
      }
    },
  };
  return store;
}

/** Writes raw text as the workspace file (tests of corruption use it). */
export async function writeRawWorkspace(dir: string, text: string): Promise<void> {
  await writeFile(join(dir, WORKSPACE_FILE), text, 'utf8');
}

export { WORKSPACE_SCHEMA_VERSION };
