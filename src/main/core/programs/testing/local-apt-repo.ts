/**
 * Test support: a tiny throwaway Debian package in two versions (built with dpkg-deb) and a
 * local file-based apt repository offering the newer one, declared in a sources list of its own.
 * `apt-get update` is limited to that list and never cleans the other lists (other tests and
 * developers share this machine). Everything is removed again by `remove()`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The throwaway package's name (a program: it ships a desktop entry). */
export const TEST_PACKAGE = 'revision-test-hello';
const LIST = `/etc/apt/sources.list.d/${TEST_PACKAGE}.list`;
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=900'];

async function buildDeb(work: string, version: string): Promise<string> {
  const root = join(work, `pkg-${version}`);
  await mkdir(join(root, 'DEBIAN'), { recursive: true });
  await mkdir(join(root, 'usr/share/applications'), { recursive: true });
  await writeFile(
    join(root, 'DEBIAN/control'),
    [
      `Package: ${TEST_PACKAGE}`,
      `Version: ${version}`,
      'Architecture: all',
      'Maintainer: Revision tests <tests@example.invalid>',
      'Description: throwaway package of the Revision test suite',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(root, `usr/share/applications/${TEST_PACKAGE}.desktop`),
    `[Desktop Entry]\nType=Application\nName=Revision Test Hello\nExec=true\nVersion=1.0\n`,
  );
  const deb = join(work, `${TEST_PACKAGE}_${version}_all.deb`);
  await run('dpkg-deb', ['--root-owner-group', '--build', root, deb]);
  return deb;
}

/** A Packages index for one .deb (what dpkg-scanpackages writes, without needing dpkg-dev). */
async function packagesIndex(deb: string, fileName: string): Promise<string> {
  const bytes = await readFile(deb);
  const { stdout: control } = await run('dpkg-deb', ['--field', deb]);
  const sum = (algo: string) => createHash(algo).update(bytes).digest('hex');
  return `${control.trimEnd()}\nFilename: ./${fileName}\nSize: ${bytes.length}\nMD5sum: ${sum('md5')}\nSHA256: ${sum('sha256')}\n\n`;
}

/** Runs apt-get update on the test's list only (other lists kept). */
async function updateTestList(): Promise<void> {
  await run('apt-get', [
    ...APT_LOCK,
    '-o',
    `Dir::Etc::sourcelist=${LIST}`,
    '-o',
    'Dir::Etc::sourceparts=-',
    '-o',
    'APT::Get::List-Cleanup=0',
    'update',
    '-q',
  ]);
}

/** The installed version of the test package (null: not installed). */
export async function testPackageVersion(): Promise<string | null> {
  const r = await run('dpkg-query', ['-W', '-f=${Status}\t${Version}', TEST_PACKAGE]).catch(() => null);
  const [status, version] = (r?.stdout ?? '').split('\t');
  return /install ok installed/.test(status ?? '') ? (version ?? null) : null;
}

/** Builds 1.0 and 1.1, installs 1.0, offers 1.1 from a local repository. */
export async function arrangeOutdatedPackage(): Promise<{ remove: () => Promise<void> }> {
  const work = await mkdtemp(join(tmpdir(), 'revision-repo-'));
  // apt's downloader runs as _apt: the repository must be readable by everyone.
  await chmod(work, 0o755);
  const repo = join(work, 'repo');
  await mkdir(repo, { mode: 0o755 });
  const older = await buildDeb(work, '1.0');
  const newer = await buildDeb(work, '1.1');
  const name = `${TEST_PACKAGE}_1.1_all.deb`;
  await writeFile(join(repo, name), await readFile(newer), { mode: 0o644 });
  await writeFile(join(repo, 'Packages'), await packagesIndex(newer, name), { mode: 0o644 });
  const remove = async (): Promise<void> => {
    await run('apt-get', [...APT_LOCK, 'purge', '-y', '-q', TEST_PACKAGE]).catch(() => undefined);
    await rm(LIST, { force: true });
    // The lists apt kept for this repository: their names start with its path, slashes as underscores.
    const prefix = repo.replace(/^\//, '').replace(/\//g, '_');
    const lists = '/var/lib/apt/lists';
    for (const f of await readdir(lists).catch(() => [] as string[]))
      if (f.includes(prefix)) await rm(join(lists, f), { force: true });
    await rm(work, { recursive: true, force: true });
  };
  try {
    await run('apt-get', [...APT_LOCK, 'install', '-y', '-q', '--no-install-recommends', older], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    await writeFile(LIST, `deb [trusted=yes] file:${repo} ./\n`, { mode: 0o644 });
    await updateTestList();
    if ((await stat(LIST)).size === 0) throw new Error('sources list not written');
  } catch (error) {
    await remove();
    throw error;
  }
  return { remove };
}
