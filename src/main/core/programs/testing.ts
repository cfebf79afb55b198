/** Test and bench helpers: the real inventories the matching is proven on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineFacts } from '../../../shared/facts';
import { createReplayHost, loadCapture } from '../exec/capture';
import { runCheckup } from '../checkup/run-checkup';
import { parseDesktopOwners, parseDpkgQuery } from '../platforms/linux/inventory';
import { parseAptSimulate } from '../platforms/linux/pending-updates';

/** The repository's fixtures folder. */
export const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'tests', 'fixtures');

/** This Debian's real dpkg-query, desktop owners and apt simulation (tests/fixtures/programs/debian-12-this-machine). */
export function debianFacts(dir = join(FIXTURES, 'programs', 'debian-12-this-machine')): MachineFacts {
  const owners = parseDesktopOwners(readFileSync(join(dir, 'dpkg-desktop.txt'), 'utf8'));
  const applications = parseDpkgQuery(readFileSync(join(dir, 'dpkg-query.tsv'), 'utf8')).map((a) =>
    owners.has(a.name) ? { ...a, desktop: true } : a,
  );
  return {
    inventory: { applications },
    pendingUpdates: parseAptSimulate(readFileSync(join(dir, 'apt-simulate.txt'), 'utf8')),
  };
}

/** The facts and "now" of a committed capture. */
export async function captureFacts(relative: string): Promise<{ facts: MachineFacts; now: Date }> {
  const capture = await loadCapture(join(FIXTURES, relative));
  const now = new Date(capture.manifest.now!);
  const report = await runCheckup({ host: createReplayHost(capture), now });
  return { facts: report.facts, now };
}
