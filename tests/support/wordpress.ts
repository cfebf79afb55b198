/**
 * The real WordPress of the site tests (Debian's package, .ci/wordpress.sh). Uses the one CI
 * started (REVISION_WORDPRESS_URL + REVISION_WP_STATE_DIR, else /tmp/revision-wordpress/url);
 * otherwise starts a private one in a temporary folder and stops it afterwards.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { alive } from './machine-lock';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../.ci/wordpress.sh');
const CI_STATE = process.env.REVISION_WP_STATE_DIR ?? '/tmp/revision-wordpress';

/** A running WordPress: its address, and how to make it serve another version string. */
export interface TestWordPress {
  readonly url: string;
  /** Makes WordPress report this version everywhere it shows one (null: its real version). */
  serveVersion(version: string | null): Promise<void>;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

function handle(url: string, state: string, stop: () => Promise<void>): TestWordPress {
  return {
    url,
    async serveVersion(version) {
      const file = join(state, 'served-version');
      if (version === null) await rm(file, { force: true });
      else await writeFile(file, version);
    },
    stop,
  };
}

/** Whether Debian's wordpress package (and what it needs) is installed here. */
export function wordpressInstalled(): boolean {
  return (
    existsSync('/usr/share/wordpress/wp-settings.php') &&
    existsSync('/usr/sbin/mariadbd') &&
    existsSync('/usr/bin/php')
  );
}

/** Takes the CI WordPress for this test file (tests change the version it serves): one file at a time. */
async function takeShared(): Promise<() => Promise<void>> {
  const lock = join(CI_STATE, 'in-use.lock');
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch {
      const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => 'NaN'));
      if (Number.isFinite(pid) && !alive(pid)) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`the CI WordPress is still used by pid ${pid}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The CI's WordPress (taken for this test file), or a private one started now. */
export async function startWordPress(): Promise<TestWordPress> {
  const ciUrl =
    process.env.REVISION_WORDPRESS_URL ??
    (existsSync(join(CI_STATE, 'url')) ? readFileSync(join(CI_STATE, 'url'), 'utf8').trim() : '');
  if (ciUrl && (await answers(ciUrl))) {
    const release = await takeShared();
    return handle(ciUrl, CI_STATE, release);
  }
  const state = await mkdtemp(join(tmpdir(), 'revision-wp-'));
  const { stdout } = await run('bash', [SCRIPT, 'start', state], { timeout: 120_000 });
  const url = stdout.trim().split('\n').pop()!;
  return handle(url, state, async () => {
    await run('bash', [SCRIPT, 'stop', state], { timeout: 60_000 });
  });
}
