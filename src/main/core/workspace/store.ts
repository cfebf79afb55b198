/**
 * The owner's workspace on disk: workspace.json, written atomically (temp file, fsync, rename),
 * with the previous good copy kept as workspace.json.bak. A corrupted file is set aside, the
 * last good copy restored, and the owner told (notices). A file from a newer app is never
 * overwritten: the store opens read-only and says so.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckupReport } from '../../../shared/checkup';
import {
  WORKSPACE_SCHEMA_VERSION,
  emptyWorkspace,
  workspaceSchema,
  type Workspace,
} from '../../../shared/workspace';
import { writeFileAtomic } from './atomic-file';
import { acquireLock, LOCK_FILE, LockError, removeStaleLockFiles } from './lock';
import { migrate, WorkspaceTooNewError } from './migrations';

export { writeFileAtomic, LOCK_FILE };

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

/** Runs `fn` holding the workspace lock (lock.ts); the owner is told in French when it cannot be taken. */
async function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await acquireLock(path);
  } catch (error) {
    if (error instanceof LockError && error.reason === 'busy') {
      throw new WorkspaceWriteError(
        'Vos données sont en cours d’enregistrement par une autre fenêtre ou commande Révision. Rien n’a été modifié : réessayez dans un instant.',
      );
    }
    const cause = error instanceof LockError ? error.cause : error;
    throw new WorkspaceWriteError(
      `Je n’ai pas pu enregistrer vos données dans ${dirname(path)} (${diskProblem(cause)}). Rien n’est perdu : la version précédente est intacte.`,
      { cause },
    );
  }
  try {
    return await fn();
  } finally {
    await release();
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

/** The store's files in its folder, and the few operations on them. */
interface StoreFiles {
  readonly dir: string;
  readonly file: string;
  readonly backup: string;
  readonly now: () => Date;
  readText(path: string): Promise<string | null>;
  readBackup(): Promise<Workspace | null>;
  /** Moves the damaged workspace.json aside under a name no other damaged file can take. */
  setAside(): Promise<string>;
  /** Writes workspace.json, then the same text as workspace.json.bak: the backup is never a save behind. */
  writeBoth(text: string): Promise<void>;
}

function storeFiles(dir: string, now: () => Date): StoreFiles {
  const file = join(dir, WORKSPACE_FILE);
  const backup = join(dir, BACKUP_FILE);
  const readText = async (path: string): Promise<string | null> => {
    try {
      // A UTF-8 byte-order mark (Notepad adds one) is not part of the data.
      return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    dir,
    file,
    backup,
    now,
    readText,
    async readBackup() {
      const text = await readText(backup).catch(() => null);
      const parsed = text ? parseWorkspace(text) : null;
      return parsed?.ok ? parsed.workspace : null;
    },
    async setAside() {
      // Unique even when the clock is frozen (a replay) or two damaged files come in the same millisecond.
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const path = join(
        dir,
        `workspace.corrupt-${stamp}-${process.pid}-${randomBytes(4).toString('hex')}.json`,
      );
      await rename(file, path);
      return path;
    },
    async writeBoth(text) {
      await writeFileAtomic(file, text);
      await writeFileAtomic(backup, text);
    },
  };
}

/** What the store holds after opening: the workspace, the text on disk, and what the owner must be told. */
interface Opened {
  current: Workspace;
  lastText: string | null;
  readOnly: boolean;
  readonly notices: WorkspaceNotice[];
}

/** Reads workspace.json at opening, repairing what can be repaired (see the file's comment). */
async function loadAtOpen(files: StoreFiles): Promise<Opened> {
  const { now } = files;
  const notices: WorkspaceNotice[] = [];
  const save = async (current: Workspace): Promise<Opened> => {
    const text = serialize(current);
    await files.writeBoth(text);
    return { current, lastText: text, readOnly: false, notices };
  };
  const mainText = await files.readText(files.file);
  if (mainText === null) {
    const fromBackup = await files.readBackup();
    // workspace.json is gone but the last good copy is there: never start from an empty carnet.
    if (fromBackup)
      notices.push({
        kind: 'restored-from-backup',
        message: 'Le fichier de vos données avait disparu. J’ai repris la dernière copie saine.',
      });
    return save(fromBackup ?? emptyWorkspace(now()));
  }
  const parsed = parseWorkspace(mainText);
  if (parsed.ok) {
    if (parsed.migrated) {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      await copyFile(files.file, join(files.dir, `workspace.v-old-${stamp}.json`));
      notices.push({
        kind: 'migrated',
        message:
          'Vos données ont été mises au format de cette version (une copie de l’ancien fichier est gardée).',
      });
      return save(parsed.workspace);
    }
    // A backup a save behind (killed between the two writes) is brought up to date now.
    const backupText = await files.readText(files.backup).catch(() => null);
    if (backupText !== mainText) await writeFileAtomic(files.backup, mainText).catch(() => undefined);
    return { current: parsed.workspace, lastText: mainText, readOnly: false, notices };
  }
  if (parsed.tooNew !== undefined) {
    notices.push(newerNotice(parsed.tooNew));
    const current = viewOfNewer(parsed.raw) ?? (await files.readBackup()) ?? emptyWorkspace(now());
    return { current, lastText: mainText, readOnly: true, notices };
  }
  const setAside = await files.setAside();
  const fromBackup = await files.readBackup();
  notices.push(
    fromBackup
      ? {
          kind: 'restored-from-backup',
          message: `Le fichier de vos données était abîmé (${parsed.reason}). J’ai repris la dernière copie saine et mis le fichier abîmé de côté.`,
          setAside,
        }
      : {
          kind: 'reset-corrupted',
          message: `Le fichier de vos données était abîmé (${parsed.reason}) et aucune copie saine n’existait. Je repars d’un carnet vide ; le fichier abîmé est gardé de côté pour votre prestataire.`,
          setAside,
        },
  );
  return save(fromBackup ?? emptyWorkspace(now()));
}

/** Opens (or creates) the workspace in a folder, recovering from corruption as described above. */
export async function openWorkspace(
  dir: string,
  now: () => Date = () => new Date(),
): Promise<WorkspaceStore> {
  await mkdir(dir, { recursive: true });
  await removeStaleTemps(dir);
  await removeStaleLockFiles(dir);
  const files = storeFiles(dir, now);
  const state = await loadAtOpen(files);
  const { notices } = state;

  /** The workspace to change: the file on disk when someone else wrote it since, else ours. */
  const freshBase = async (): Promise<Workspace> => {
    const diskText = await files.readText(files.file).catch(() => null);
    if (diskText === null || diskText === state.lastText) return state.current;
    const parsed = parseWorkspace(diskText);
    if (parsed.ok) return (state.current = parsed.workspace);
    if (parsed.tooNew !== undefined) {
      state.readOnly = true;
      notices.push(newerNotice(parsed.tooNew));
      throw new WorkspaceWriteError(READ_ONLY_MESSAGE);
    }
    // Damaged meanwhile: keep it aside for the prestataire and go on from our last good copy.
    const asidePath = await files.setAside().catch(() => undefined);
    notices.push({
      kind: 'restored-from-backup',
      message: `Le fichier de vos données a été abîmé pendant que Révision était ouvert (${parsed.reason}). J’ai gardé la dernière version saine et mis le fichier abîmé de côté.`,
      ...(asidePath ? { setAside: asidePath } : {}),
    });
    return state.current;
  };

  const save = async (mutate: (draft: Workspace) => void): Promise<Workspace> => {
    if (state.readOnly) throw new WorkspaceWriteError(READ_ONLY_MESSAGE);
    const draft = structuredClone(await freshBase());
    mutate(draft);
    draft.updatedAt = now().toISOString();
    const checked = workspaceSchema.parse(draft);
    const text = serialize(checked);
    try {
      await files.writeBoth(text);
    } catch (error) {
      throw new WorkspaceWriteError(
        `Je n’ai pas pu enregistrer vos données dans ${dir} (${diskProblem(error)}). Rien n’est perdu : la version précédente est intacte.`,
        { cause: error },
      );
    }
    state.current = checked;
    state.lastText = text;
    return structuredClone(checked);
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    dir,
    notices,
    get readOnly() {
      return state.readOnly;
    },
    read: () => structuredClone(state.current),
    update(mutate) {
      const next = queue.then(() => withFileLock(join(dir, LOCK_FILE), () => save(mutate)));
      queue = next.catch(() => undefined);
      return next;
    },
    async saveCheckup(report) {
      if (state.readOnly) return;
      await writeFileAtomic(join(dir, LAST_CHECKUP_FILE), JSON.stringify(report) + '\n');
    },
    async latestCheckup() {
      const text = await files.readText(join(dir, LAST_CHECKUP_FILE));
      if (!text) return null;
      try {
        const report = JSON.parse(text) as CheckupReport;
        return report && Array.isArray(report.findings) ? report : null;
      } catch {
        return null;
      }
    },
  };
}

/** Writes raw text as the workspace file (tests of corruption use it). */
export async function writeRawWorkspace(dir: string, text: string): Promise<void> {
  await writeFile(join(dir, WORKSPACE_FILE), text, 'utf8');
}

export { WORKSPACE_SCHEMA_VERSION };
