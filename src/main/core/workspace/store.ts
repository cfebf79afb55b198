/**
 * The owner's workspace on disk: workspace.json, written atomically (temp file, fsync, rename),
 * with the previous good copy kept as workspace.json.bak. A corrupted file is set aside, the
 * last good copy restored, and the owner told (notices). A file from a newer app is never
 * overwritten: the store opens read-only and says so.
 */
import { mkdir, open, readFile, rename, rm, copyFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CheckupReport } from '../../../shared/checkup';
import { WORKSPACE_SCHEMA_VERSION, emptyWorkspace, workspaceSchema, type Workspace } from '../../../shared/workspace';
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

/** The folder where the owner's data lives: --workspace, REVISION_HOME, or the OS's app-data folder. */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.REVISION_HOME) return env.REVISION_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Revision');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Revision');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'revision');
}

/** Writes a file atomically: a temp file in the same folder, fsync, then rename over the target. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

type Parsed = { ok: true; workspace: Workspace; migrated: boolean } | { ok: false; reason: string; tooNew?: number };

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
    if (!parsed.success) return { ok: false, reason: `contenu invalide (${parsed.error.issues[0]?.path.join('.') ?? '?'})` };
    return { ok: true, workspace: parsed.data, migrated };
  } catch (error) {
    if (error instanceof WorkspaceTooNewError) return { ok: false, reason: error.message, tooNew: error.version };
    return { ok: false, reason: (error as Error).message };
  }
}

/** The workspace store; every change goes through `update`, one at a time. */
export interface WorkspaceStore {
  readonly dir: string;
  readonly notices: readonly WorkspaceNotice[];
  /** True when the file comes from a newer app: nothing is written. */
  readonly readOnly: boolean;
  read(): Workspace;
  update(mutate: (draft: Workspace) => void): Promise<Workspace>;
  saveCheckup(report: CheckupReport): Promise<void>;
  latestCheckup(): Promise<CheckupReport | null>;
}

/** Opens (or creates) the workspace in a folder, recovering from corruption as described above. */
export async function openWorkspace(dir: string, now: () => Date = () => new Date()): Promise<WorkspaceStore> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, WORKSPACE_FILE);
  const backup = join(dir, BACKUP_FILE);
  const notices: WorkspaceNotice[] = [];
  let readOnly = false;
  let current: Workspace;

  const readText = async (path: string): Promise<string | null> => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
  const stamp = now().toISOString().replace(/[:.]/g, '-');

  const mainText = await readText(file);
  if (mainText === null) {
    current = emptyWorkspace(now());
    await writeFileAtomic(file, JSON.stringify(current, null, 2) + '\n');
  } else {
    const parsed = parseWorkspace(mainText);
    if (parsed.ok) {
      current = parsed.workspace;
      if (parsed.migrated) {
        await copyFile(file, join(dir, `workspace.v-old-${stamp}.json`));
        notices.push({ kind: 'migrated', message: 'Vos données ont été mises au format de cette version (une copie de l’ancien fichier est gardée).' });
        await writeFileAtomic(file, JSON.stringify(current, null, 2) + '\n');
      }
    } else if (parsed.tooNew !== undefined) {
      readOnly = true;
      current = emptyWorkspace(now());
      notices.push({
        kind: 'newer-version',
        message: `Vos données ont été enregistrées par une version plus récente de Révision (format ${parsed.tooNew}). Je ne les modifie pas : mettez Révision à jour.`,
      });
      const fromBackup = await readText(backup);
      const b = fromBackup ? parseWorkspace(fromBackup) : null;
      if (b?.ok) current = b.workspace;
    } else {
      const setAside = join(dir, `workspace.corrupt-${stamp}.json`);
      await rename(file, setAside);
      const backupText = await readText(backup);
      const b = backupText ? parseWorkspace(backupText) : null;
      if (b?.ok) {
        current = b.workspace;
        notices.push({
          kind: 'restored-from-backup',
          message: `Le fichier de vos données était abîmé (${parsed.reason}). J’ai repris la dernière copie saine et mis le fichier abîmé de côté.`,
          setAside,
        });
      } else {
        current = emptyWorkspace(now());
        notices.push({
          kind: 'reset-corrupted',
          message: `Le fichier de vos données était abîmé (${parsed.reason}) et aucune copie saine n’existait. Je repars d’un carnet vide ; le fichier abîmé est gardé de côté pour votre prestataire.`,
          setAside,
        });
      }
      await writeFileAtomic(file, JSON.stringify(current, null, 2) + '\n');
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  const store: WorkspaceStore = {
    dir,
    notices,
    get readOnly() {
      return readOnly;
    },
    read: () => structuredClone(current),
    update(mutate) {
      const next = queue.then(async () => {
        if (readOnly) throw new WorkspaceWriteError('Vos données viennent d’une version plus récente de Révision : je ne les modifie pas. Mettez Révision à jour.');
        const draft = structuredClone(current);
        mutate(draft);
        draft.updatedAt = now().toISOString();
        const checked = workspaceSchema.parse(draft);
        const text = JSON.stringify(checked, null, 2) + '\n';
        try {
          // The file on disk is the last good copy: keep it as the backup before replacing it.
          await copyFile(file, backup).catch(() => undefined);
          await writeFileAtomic(file, text);
        } catch (error) {
          throw new WorkspaceWriteError(`Je n’ai pas pu enregistrer vos données dans ${dir} (${(error as NodeJS.ErrnoException).code ?? 'erreur'}). Rien n’est perdu : la version précédente est intacte.`);
        }
        current = checked;
        return structuredClone(current);
      });
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
