/** Steps the e2e scenarios share: onboarding through the UI, and the machine safety net. */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const run = promisify(execFile);

/** Fills the welcome form and runs the first checkup; waits for the result. */
export async function onboard(page: Page, company = 'Transport Dubois', provider?: { name: string; email: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Bienvenue dans Révision' }).waitFor();
  await page.getByLabel('Nom de votre entreprise').fill(company);
  if (provider) {
    await page.getByLabel('Nom du prestataire').fill(provider.name);
    await page.getByLabel('Adresse e-mail du prestataire').fill(provider.email);
  }
  await page.getByRole('button', { name: 'Lancer le contrôle technique' }).click();
  await page.getByRole('heading', { name: 'Résultat du contrôle technique' }).waitFor({ timeout: 120_000 });
}

/** Watched places the auto-updates change may touch. */
const WATCHED_DIRS = ['/etc/apt/apt.conf.d', '/etc/systemd/system/apt-daily-upgrade.timer.d', '/etc/systemd/system/apt-daily.timer.d'];

/** What the machine looked like before a test that changes it. */
export interface MachineSnapshot {
  readonly files: Map<string, string>;
  readonly packages: Set<string>;
}

async function installedPackages(): Promise<Set<string>> {
  const { stdout } = await run('dpkg-query', ['-W', '-f=${Package}\t${Status}\n'], { maxBuffer: 32 * 1024 * 1024 });
  return new Set(
    stdout
      .split('\n')
      .filter((l) => l.includes('install ok installed'))
      .map((l) => l.split('\t')[0]!),
  );
}

/** Records the watched files and the installed packages. */
export async function snapshotMachine(): Promise<MachineSnapshot> {
  const files = new Map<string, string>();
  for (const dir of WATCHED_DIRS) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) files.set(join(dir, name), await readFile(join(dir, name), 'utf8'));
  }
  return { files, packages: await installedPackages() };
}

/** The safety net: puts back every watched file and purges packages that were not there before. */
export async function restoreMachine(snapshot: MachineSnapshot): Promise<string[]> {
  const repaired: string[] = [];
  for (const dir of WATCHED_DIRS) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, name);
      if (!snapshot.files.has(path)) {
        await rm(path, { force: true });
        repaired.push(`removed ${path}`);
      }
    }
  }
  for (const [path, content] of snapshot.files) {
    const now = await readFile(path, 'utf8').catch(() => null);
    if (now !== content) {
      await writeFile(path, content);
      repaired.push(`restored ${path}`);
    }
  }
  const extra = [...(await installedPackages())].filter((p) => !snapshot.packages.has(p));
  if (extra.length > 0) {
    await run('apt-get', ['purge', '-y', '-q', ...extra], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, maxBuffer: 32 * 1024 * 1024 });
    repaired.push(`purged ${extra.join(' ')}`);
  }
  if (repaired.length > 0) await run('systemctl', ['daemon-reload']).catch(() => undefined);
  return repaired;
}

/** Presses Tab until the focused element matches, like a keyboard user; fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; label: string; role: string }) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(`(() => { const a = document.activeElement; if (!a) return null; return { tag: a.tagName.toLowerCase(), text: (a.textContent || '').trim(), label: a.getAttribute('aria-label') || (a.labels && a.labels[0] ? a.labels[0].textContent.trim() : ''), role: a.getAttribute('role') || '' }; })()`);
    if (el && matches(el as { tag: string; text: string; label: string; role: string })) return;
  }
  expect.fail('keyboard focus never reached the expected element');
}

/** Picks a radio chip by its visible label (react-aria keeps the native input visually hidden). */
export async function pickChip(page: Page, label: string): Promise<void> {
  await page.locator('label.chip', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click();
}
