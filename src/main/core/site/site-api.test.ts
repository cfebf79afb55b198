/**
 * The owner's sites in the workspace, through the service (as the app calls it): added by address,
 * re-checked with each checkup against the real local WordPress, and the logbook says when
 * WordPress was updated.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteReport } from '../../../shared/site';
import { startWordPress, wordpressInstalled, type TestWordPress } from '../../../../tests/support/wordpress';
import { createService } from '../service';
import type { Probe } from '../checkup/probe';

const installed = wordpressInstalled();
let wp: TestWordPress;
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-site-api-'));
  if (installed) wp = await startWordPress();
});
afterAll(async () => {
  if (installed) {
    await wp.serveVersion(null);
    await wp.stop();
  }
  await rm(home, { recursive: true, force: true });
});

// No machine probe: this test is about the site re-check that follows every checkup.
const probes: readonly Probe[] = [];

describe('sites in the workspace', () => {
  it('refuses a bad address with the reason in French, and keeps nothing', async () => {
    const service = await createService({ home: join(home, 'refuse'), probes, site: { allowLocal: false } });
    await expect(service.sitesAdd({ url: 'transports-dubois.fr' })).rejects.toThrow(
      /avec https:\/\/ au début/,
    );
    await expect(service.sitesAdd({ url: 'http://127.0.0.1:8080/' })).rejects.toThrow(
      /cet ordinateur lui-même/,
    );
    expect((await service.workspaceGet()).sites ?? []).toEqual([]);
  });

  it.skipIf(!installed)(
    're-checks the site with each checkup and logs « WordPress mis à jour »',
    async () => {
      const service = await createService({ home: join(home, 'wp'), probes, site: { allowLocal: true } });
      let ws = await service.sitesAdd({ url: wp.url });
      const id = ws.sites![0]!.id;
      await service.checkupRun({ lang: 'fr' });
      ws = await service.workspaceGet();
      const first = ws.sites![0]!.last as unknown as SiteReport;
      expect(first.software?.name).toBe('WordPress');
      const before = first.software!.version!;
      // The message to the prestataire carries the site and what to ask the web agency.
      const email = await service.reportEmail({ lang: 'fr' });
      expect(email.body).toContain(`Site web ${new URL(wp.url).hostname} (vérifié le `);
      expect(email.body).toContain(`mettre à jour WordPress ${before} vers`);

      await wp.serveVersion('7.1.0');
      ws = await service.sitesCheck({ id });
      const second = ws.sites![0]!.last as unknown as SiteReport;
      expect(second.software?.version).toBe('7.1.0');
      const entry = ws.history.find((h) => h.key === 'site:history.updated');
      expect(entry?.params).toMatchObject({ name: 'WordPress', from: before, to: '7.1.0' });

      // Once WordPress is current, the request about it leaves the message.
      expect((await service.reportEmail({ lang: 'fr' })).body).not.toContain('mettre à jour WordPress');
      await wp.serveVersion(null);
    },
  );
});
