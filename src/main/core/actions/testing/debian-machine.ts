/**
 * Test support for the tests that switch automatic updates on for real on this Debian machine:
 * a byte-for-byte snapshot of everything the plans touch (apt.conf.d, the timer drop-in folder,
 * the packages), and a restore that puts the machine back after each test. Used inside
 * withMachineLock only.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The folders the Debian plans touch. */
export const WATCHED_DIRS = ['/etc/apt/apt.conf.d', '/etc/systemd/system/apt-daily-upgrade.timer.d'] as const;
/** The packages the Debian plans install (and their one new dependency on Debian 12). */
export const WATCHED_PACKAGES = ['unattended-upgrades', 'python3-distro-info'] as const;

/** What the plans may change, captured exactly. */
export interface MachineSnapshot {
  /** path → { base64 content, mode }; a folder that does not exist has no entries and is listed in `absentDirs`. */
  readonly files: Readonly<Record<string, { content: string; mode: number }>>;
  readonly absentDirs: readonly string[];
  readonly packages: Readonly<Record<string, boolean>>;
  /** Whether the elevated side's backup folder existed (removed again when a test created it). */
  readonly stateDirExisted: boolean;
  /** Whether its folder of copies of replaced contents existed (the step's answers live beside it). */
  readonly backupDirExisted: boolean;
}

/** The elevated side's own folder (copies of replaced contents). */
export const STATE_DIR = '/var/lib/revision';

/** Whether a Debian package is installed. */
export async function packageInstalled(name: string): Promise<boolean> {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f=${Status}', name]);
    return /install ok installed/.test(stdout);
  } catch {
    return false;
  }
}

/** Takes a snapshot of the watched folders and packages. */
export async function snapshotMachine(): Promise<MachineSnapshot> {
  const files: Record<string, { content: string; mode: number }> = {};
  const absentDirs: string[] = [];
  for (const dir of WATCHED_DIRS) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      absentDirs.push(dir);
      continue;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      const info = await stat(path);
      if (!info.isFile()) continue;
      files[path] = { content: (await readFile(path)).toString('base64'), mode: info.mode & 0o7777 };
    }
  }
  const packages: Record<string, boolean> = {};
  for (const p of WATCHED_PACKAGES) packages[p] = await packageInstalled(p);
  const stateDirExisted = await stat(STATE_DIR).then(
    () => true,
    () => false,
  );
  const backupDirExisted = await stat(`${STATE_DIR}/backups`).then(
    () => true,
    () => false,
  );
  return { files, absentDirs, packages, stateDirExisted, backupDirExisted };
}

/** A short, comparable digest of a snapshot's files (path, mode and SHA-256 of each). */
export function digest(snapshot: MachineSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, f] of Object.entries(snapshot.files)) out[path] = `${f.mode.toString(8)} ${createHash('sha256').update(Buffer.from(f.content, 'base64')).digest('hex')}`;
  for (const dir of snapshot.absentDirs) out[dir] = 'absent';
  return out;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/** apt-get with the given arguments (tests' own set-up, not the app's). */
export async function aptGet(...args: string[]): Promise<void> {
  await run('apt-get', ['-o', 'DPkg::Lock::Timeout=120', '-y', '-q', ...args], { env: APT_ENV, maxBuffer: 64 * 1024 * 1024 });
}

/** Removes unattended-upgrades (and the dependency it pulled in) completely. */
export async function purgeUnattendedUpgrades(): Promise<void> {
  const installed: string[] = [];
  for (const p of WATCHED_PACKAGES) if (await packageInstalled(p)) installed.push(p);
  if (installed.length > 0) await aptGet('purge', ...installed);
}

/** Puts the machine back as in the snapshot: packages first (their scripts write files), then every file. */
export async function restoreMachine(snapshot: MachineSnapshot): Promise<void> {
  const toPurge = WATCHED_PACKAGES.filter((p) => !snapshot.packages[p]);
  const present: string[] = [];
  for (const p of toPurge) if (await packageInstalled(p)) present.push(p);
  if (present.length > 0) await aptGet('purge', ...present);
  const toInstall: string[] = [];
  for (const p of WATCHED_PACKAGES) if (snapshot.packages[p] && !(await packageInstalled(p))) toInstall.push(p);
  if (toInstall.length > 0) await aptGet('install', ...toInstall);
  for (const dir of WATCHED_DIRS) {
    if (snapshot.absentDirs.includes(dir)) {
      await rm(dir, { recursive: true, force: true });
      continue;
    }
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (!(path in snapshot.files) && (await stat(path)).isFile()) await rm(path, { force: true });
    }
  }
  if (!snapshot.stateDirExisted) await rm(STATE_DIR, { recursive: true, force: true });
  for (const [path, f] of Object.entries(snapshot.files)) {
    const wanted = Buffer.from(f.content, 'base64');
    const current = await readFile(path).catch(() => null);
    if (!current || !current.equals(wanted)) await writeFile(path, wanted);
    await chmod(path, f.mode);
  }
}

/** The effective apt settings (`apt-config dump`) for the keys the plans set. */
export async function aptSettings(): Promise<Record<string, string>> {
  const { stdout } = await run('apt-config', ['dump']);
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^(APT::Periodic::[\w-]+|Unattended-Upgrade::Automatic-Reboot(?:-Time)?) "(.*)";$/.exec(line.trim());
    if (m?.[1]) out[m[1]] = m[2] ?? '';
  }
  return out;
}
