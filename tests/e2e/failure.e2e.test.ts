/**
 * Failure: a checkup whose probe cannot run (a real probe calling a command that does not exist
 * on this machine) shows « je n'ai pas pu vérifier » and a next step, never a green light.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/main/core/checkup/probe';
import { axeViolations, goTo, screenshot, startHarness, type Harness } from './harness';
import { onboard } from './steps';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** A real probe: runs a program through the Host; the program is missing, so the Host fails with not-found. */
const missingAntivirusTool: Probe = {
  id: 'antivirus',
  labelKey: 'probes:antivirus',
  sections: ['antivirus'],
  timeoutMs: 10_000,
  async run({ host, signal }) {
    await host.run({ file: 'revision-no-such-antivirus-tool', args: ['--status'] }, { signal, probe: 'antivirus' });
    return {};
  },
};

describe('a probe that fails', () => {
  it('says « je n’ai pas pu vérifier » with a next step, and shows no green light', { timeout: 180_000 }, async () => {
    const { page, service } = await harness.open({ probes: [missingAntivirusTool] });
    await onboard(page);
    const report = await service.checkupLatest();
    expect(report?.probes.find((p) => p.id === 'antivirus')?.status).toBe('failed');

    // The screen: grey voyants, the words, the next step; nothing green.
    await expect(page.getByText('Je n’ai pas pu tout vérifier').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/Relancez le contrôle dans quelques minutes/).count()).resolves.toBe(1);
    await expect(page.locator('main .voyant--ok').count()).resolves.toBe(0);
    await expect(page.locator('.overall .voyant--ok').count()).resolves.toBe(0);
    const antivirus = report?.findings.find((f) => f.id === 'antivirus');
    if (antivirus) {
      expect(antivirus.state).toBe('unknown');
      const card = page.locator('.voyant-card--unknown').first();
      await card.locator('.voyant-card__trigger').click();
      await expect(card.getByText('Que faire ?').count()).resolves.toBe(1);
    }
    await screenshot(page, 'fr-09-probe-failed');
    expect(await axeViolations(page)).toEqual([]);

    // The dashboard does not turn green either.
    await goTo(page, 'dashboard');
    await expect(page.locator('.dashboard .card').first().locator('.voyant--ok').count()).resolves.toBe(0);
    await expect(page.getByText(/Je n’ai pas pu tout vérifier|Des points à corriger vite|Des points à surveiller/).count()).resolves.toBeGreaterThan(0);
  });
});
