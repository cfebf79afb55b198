/**
 * Matching proven on real inventories: every recognised program of a Windows office PC, a
 * Windows 10 PC, a Mac and this Debian is listed in tests/fixtures/programs/expected-matches.json
 * (reviewed by hand: no false « visé par des attaques », no false « plus maintenu »).
 * REVISION_WRITE_EXPECTED=1 rewrites the file, to be reviewed again before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MachineFacts } from '../../../shared/facts';
import { loadEolData } from '../knowledge/eol';
import { loadKevData } from '../knowledge/kev';
import { assessPrograms } from './assess';
import { captureFacts, debianFacts, FIXTURES } from './testing';

const EXPECTED = join(FIXTURES, 'programs', 'expected-matches.json');

async function inventories(): Promise<Record<string, { facts: MachineFacts; now: Date }>> {
  return {
    'windows-11-office-pc': await captureFacts('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender'),
    'windows-10-home': await captureFacts('windows/win10-22h2-home-old-signatures'),
    'macos-14': await captureFacts('macos/macos14-auto-check-off'),
    'debian-12-this-machine': { facts: debianFacts(), now: new Date('2026-11-28T06:00:00Z') },
  };
}

function summary(facts: MachineFacts, now: Date) {
  const report = assessPrograms({ facts, now, eol: loadEolData(), kev: loadKevData() });
  return {
    programs: report.programs.length,
    systemComponents: report.systemComponents,
    recognised: report.programs
      .filter((p) => p.knownAs || p.exploited)
      .map((p) => ({
        id: p.id,
        knownAs: p.knownAs,
        status: p.status,
        latestVersion: p.latestVersion,
        endOfLife: p.endOfLife,
        exploited: p.exploited ? `${p.exploited.count} (last ${p.exploited.lastAdded})` : null,
      })),
  };
}

describe('matching on real inventories', () => {
  it('recognises exactly the reviewed programs, with their voyants', async () => {
    const actual = Object.fromEntries(
      Object.entries(await inventories()).map(([k, v]) => [k, summary(v.facts, v.now)]),
    );
    if (process.env.REVISION_WRITE_EXPECTED === '1')
      writeFileSync(EXPECTED, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
  });

  it('on this Debian, the 700-odd packages are system components and the programs have desktop entries', () => {
    const report = assessPrograms({
      facts: debianFacts(),
      now: new Date('2026-11-28'),
      eol: loadEolData(),
      kev: loadKevData(),
    });
    expect(report.systemComponents).toBeGreaterThan(700);
    expect(report.programs.map((p) => p.name)).toContain('Chromium');
    expect(report.programs.some((p) => /^(fonts-|lib)/.test(p.name))).toBe(false);
    // A publisher is a name, never an e-mail.
    for (const p of report.programs) expect(p.publisher ?? '').not.toMatch(/@|</);
  });
});
