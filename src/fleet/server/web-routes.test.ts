import { afterEach, describe, expect, it } from 'vitest';
import { fleetEngines, type TestDb } from '../../../tests/support/fleet-db';
import { FLEET_CAPTURES, reportFromCapture, withSignatures } from '../../../tests/support/fleet-reports';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { FLEET_CSP } from './app';
import { fleetTestServer } from './test-support';

const attack = '2026-11-21T00:00:00Z';

describe.each(fleetEngines())('fleet server, web side, on %s', (_name, open) => {
  let t: TestDb;
  afterEach(async () => t?.dispose());

  it('sign-in: wrong password refused and logged; the session cookie is HttpOnly, SameSite=Strict, Secure behind HTTPS', async () => {
    t = await open();
    const s = await fleetTestServer(t.db, { trustProxy: true });
    await s.accounts.setUser('kevin', 'un mot de passe solide');
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/web/login',
      payload: { name: 'kevin', password: 'non' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toBe('Nom ou mot de passe incorrect.');
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/web/login',
      payload: { name: 'kevin', password: 'un mot de passe solide' },
    });
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(ok.headers['content-security-policy']).toBe(FLEET_CSP);
    const proxied = await s.app.inject({
      method: 'POST',
      url: '/api/web/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { name: 'kevin', password: 'un mot de passe solide' },
    });
    expect(String(proxied.headers['set-cookie'])).toMatch(/; Secure$/);
    const crossSite = await s.app.inject({
      method: 'POST',
      url: '/api/web/login',
      headers: { origin: 'https://evil.example' },
      payload: { name: 'kevin', password: 'un mot de passe solide' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await s.accounts.auditLog()).map((e) => e.action).sort()).toEqual([
      'login',
      'login',
      'login.failed',
    ]);
  });

  it('the API needs a session; a POST without the CSRF token is refused', async () => {
    t = await open();
    const s = await fleetTestServer(t.db);
    expect((await s.app.inject({ method: 'GET', url: '/api/web/fleet' })).statusCode).toBe(401);
    const { cookie, csrf } = await s.login();
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/web/fleet', headers: { cookie } })).statusCode,
    ).toBe(200);
    const noToken = await s.app.inject({ method: 'POST', url: '/api/web/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.message).toMatch(/jeton de sécurité/);
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/api/web/logout',
          headers: { cookie, 'x-csrf-token': csrf },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/web/fleet', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('« preuve avant redémarrage »: Windows 10 with old signatures is on the call list with its site contact, then proven after a fresh report', async () => {
    t = await open();
    let now = Date.parse('2026-11-22T10:05:00Z');
    const s = await fleetTestServer(t.db, { now: () => now });
    const old = await s.enrol('Tabac du Port — Brest', 'W10');
    const w11 = await s.enrol('Presse de la Gare — Quimper', 'W11');
    const win10 = await reportFromCapture(FLEET_CAPTURES.win10Old);
    await s.send(old.machineId, old.secret, win10);
    await s.send(w11.machineId, w11.secret, await reportFromCapture(FLEET_CAPTURES.win11));
    const { cookie } = await s.login();
    const proof = async () =>
      (
        await s.app.inject({
          method: 'GET',
          url: `/api/web/proof?since=${attack}&hours=24`,
          headers: { cookie },
        })
      ).json();
    let p = await proof();
    expect(p.proven).toEqual([]);
    expect(
      p.notProven.map((l: { hostname: string; reason: string; siteContact: string }) => [
        l.hostname,
        l.reason,
        l.siteContact,
      ]),
    ).toEqual([
      // Bitdefender says it is on and current, but not whether real-time protection runs: not proven.
      ['CABINET-COMPTA', 'realTimeUnknown', 'Contact Presse de la Gare — Quimper'],
      ['PC-ACCUEIL', 'signaturesOld', 'Contact Tabac du Port — Brest'],
    ]);
    now += 3_600_000;
    await s.send(old.machineId, old.secret, withSignatures(win10, '2026-11-22T09:00:00Z'));
    p = await proof();
    expect(p.proven.map((l: { hostname: string }) => l.hostname)).toEqual(['PC-ACCUEIL']);
    expect(p.notProven).toHaveLength(1);
    const csv = await s.app.inject({
      method: 'GET',
      url: `/api/web/export/proof.csv?since=${attack}`,
      headers: { cookie },
    });
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="preuve-avant-redemarrage-2026-11-22.csv"/,
    );
    expect(csv.body).toContain(
      '"non prouvé";"Presse de la Gare — Quimper";"Contact Presse de la Gare — Quimper";"CABINET-COMPTA"',
    );
    expect(csv.body).toContain('"protection en temps réel non vérifiable"');
    expect(csv.body).toContain('"prouvé";"Tabac du Port — Brest"');
    expect((await s.accounts.auditLog()).some((e) => e.action === 'export' && e.detail === 'proof.csv')).toBe(
      true,
    );
  });

  it('machine page data, fleet CSV, JSON report and CycloneDX SBOMs', async () => {
    t = await open();
    const s = await fleetTestServer(t.db);
    const m = await s.enrol('Bureau — Rennes', 'DEB');
    const debian = await reportFromCapture(FLEET_CAPTURES.debian);
    await s.send(m.machineId, m.secret, debian);
    const { cookie } = await s.login();
    const get = (url: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });
    const page = (await get(`/api/web/machines/${m.machineId}`)).json();
    expect(page.machine.site).toBe('Bureau — Rennes');
    expect(page.history).toHaveLength(1);
    expect(page.report.inventory.applications.length).toBe(debian.inventory.applications.length);
    expect((await get('/api/web/export/fleet.csv')).body).toMatch(
      /"Bureau — Rennes";"Contact Bureau — Rennes";"vm";"Debian GNU\/Linux 12"/,
    );
    expect(
      JSON.parse((await get(`/api/web/export/machines/${m.machineId}/report.json`)).body).machine.hostname,
    ).toBe(debian.machine.hostname);
    const sbom = JSON.parse((await get(`/api/web/export/machines/${m.machineId}/sbom.json`)).body);
    expect(sbom).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { type: 'device', name: 'vm' } },
    });
    expect(sbom.components).toHaveLength(debian.inventory.applications.length);
    // Valid CycloneDX 1.6 (the JSON schema Dependency-Track's importer follows).
    const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
    expect(await validator.validate(JSON.stringify(sbom))).toBeNull();
    const fleetText = (await get('/api/web/export/sbom.json')).body;
    expect(await validator.validate(fleetText)).toBeNull();
    const fleet = JSON.parse(fleetText);
    expect(fleet.components[0].components).toHaveLength(debian.inventory.applications.length);
    expect((await get('/api/web/machines/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });
});
