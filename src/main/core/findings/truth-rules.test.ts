/**
 * The rules this issue made truthful: antivirus (real-time protection or not ok), firewall (off is
 * danger everywhere), pending updates (drivers apart, unsearched categories, old package lists).
 */
import { describe, expect, it } from 'vitest';
import type { AntivirusProduct, PendingUpdatesFacts } from '../../../shared/facts';
import { localizeFindings } from './localize';
import { pendingUpdatesFinding } from './pending-updates';
import { antivirusFinding, firewallFinding } from './protection';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number): string => new Date(now.getTime() - n * 86_400_000).toISOString();
const defender: AntivirusProduct = {
  name: 'Microsoft Defender Antivirus',
  enabled: true,
  realTime: true,
  upToDate: true,
  signatureDate: daysAgo(1),
  source: 'Get-MpComputerStatus',
  onDemandOnly: false,
};
const fr = (f: Parameters<typeof localizeFindings>[0][number]) => localizeFindings([f], 'fr')[0]!;
const en = (f: Parameters<typeof localizeFindings>[0][number]) => localizeFindings([f], 'en')[0]!;

describe('antivirus: ok needs real-time protection on and fresh signatures', () => {
  it('on, real-time, fresh: ok', () =>
    expect(antivirusFinding({ products: [defender] }, now).state).toBe('ok'));
  it('real-time off: danger, whatever the signatures', () => {
    const f = antivirusFinding({ products: [{ ...defender, realTime: false }] }, now);
    expect(f).toMatchObject({ state: 'danger', key: 'antivirus.realTimeOff' });
    expect(fr(f).title).toBe('La protection en temps réel de Microsoft Defender Antivirus est coupée');
  });
  it('passive (or EDR block mode) with nothing else: danger « ne protège pas en temps réel »', () => {
    const f = antivirusFinding({ products: [{ ...defender, passive: true, enabled: false }] }, now);
    expect(f).toMatchObject({ state: 'danger', key: 'antivirus.passive' });
    expect(en(f).title).toBe('Microsoft Defender Antivirus does not protect in real time');
  });
  it('real-time not on for a product of unknown kind (no onDemandOnly): attention, never ok', () => {
    const other: AntivirusProduct = {
      name: 'ClamAV',
      enabled: true,
      realTime: false,
      upToDate: null,
      signatureDate: daysAgo(1),
      source: 'x',
    };
    expect(antivirusFinding({ products: [other] }, now)).toMatchObject({
      state: 'attention',
      key: 'antivirus.onDemandOnly',
    });
  });
  it('an on-demand-only scanner with fresh signatures: attention, not ok', () => {
    const clam: AntivirusProduct = {
      name: 'ClamAV',
      enabled: true,
      upToDate: true,
      signatureDate: daysAgo(1),
      source: 'x',
      onDemandOnly: true,
    };
    const f = antivirusFinding({ products: [clam] }, now);
    expect(f).toMatchObject({ state: 'attention', key: 'antivirus.onDemandOnly' });
    expect(fr(f).title).toBe('ClamAV n’analyse que sur demande');
  });
  it('an on-demand-only scanner with stale signatures: danger (stale wins)', () => {
    const clam: AntivirusProduct = {
      name: 'ClamAV',
      enabled: true,
      upToDate: null,
      signatureDate: daysAgo(20),
      source: 'x',
      onDemandOnly: true,
    };
    expect(antivirusFinding({ products: [clam] }, now)).toMatchObject({
      state: 'danger',
      key: 'antivirus.stale',
    });
  });
  it('a product Security Center calls on but out of date, without a date: danger « n’est pas à jour »', () => {
    const f = antivirusFinding(
      {
        products: [
          {
            name: 'ESET Security',
            enabled: true,
            upToDate: false,
            signatureDate: null,
            source: 'SecurityCenter2',
          },
        ],
      },
      now,
    );
    expect(f).toMatchObject({ state: 'danger', key: 'antivirus.outdated' });
  });
  it('a passive Defender beside an active, current third-party product: the third party counts', () => {
    const third: AntivirusProduct = {
      name: 'F-Secure',
      enabled: true,
      upToDate: true,
      signatureDate: null,
      source: 'SecurityCenter2',
    };
    expect(
      antivirusFinding({ products: [{ ...defender, passive: true, enabled: false }, third] }, now),
    ).toMatchObject({ state: 'ok', key: 'antivirus.okNoDate' });
  });
});

describe('firewall: present and off is danger on every platform', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: off → danger; no tool → unknown`, () => {
      expect(firewallFinding({ enabled: false, tool: 'ufw', profiles: [] }, platform).state).toBe('danger');
      expect(firewallFinding({ enabled: null, tool: null, profiles: [] }, platform).state).toBe('unknown');
    });
  }
});

describe('pending updates: every update counted, nothing unsearched reads as « aucune »', () => {
  const base: PendingUpdatesFacts = { total: 0, security: 0, items: [], source: 't' };
  it('drivers apart: « 8 mises à jour en attente, dont 6 pilotes » / English', () => {
    const f = pendingUpdatesFinding({ ...base, total: 8, security: 1, drivers: 6, notSearched: [] });
    expect(fr(f).title).toBe('8 mises à jour en attente, dont 6 pilotes');
    expect(en(f).title).toBe('8 pending updates, 6 of them drivers');
    expect(fr(pendingUpdatesFinding({ ...base, total: 1, security: 0, drivers: 1 })).title).toBe(
      '1 mise à jour en attente, dont 1 pilote',
    );
  });
  it('nothing found but drivers not searched: unknown, never « Aucune mise à jour en attente »', () => {
    const f = pendingUpdatesFinding({ ...base, notSearched: ['drivers'] });
    expect(f.state).toBe('unknown');
    expect(fr(f).title).not.toBe('Aucune mise à jour en attente');
    expect(fr(f).detail).toContain('pilotes');
  });
  it('Linux lists older than 7 days: « la liste date de N jours », attention; within 7 days: ok', () => {
    const old = pendingUpdatesFinding({ ...base, listsAgeDays: 12 });
    expect(old.state).toBe('attention');
    expect(fr(old).title).toBe('Aucune mise à jour trouvée, mais la liste date de 12 jours');
    expect(pendingUpdatesFinding({ ...base, listsAgeDays: 3 }).state).toBe('ok');
  });
  it('a count from old lists says it may be low', () => {
    const f = pendingUpdatesFinding({ ...base, total: 2, security: 1, listsAgeDays: 30 });
    expect(fr(f).detail).toContain('davantage');
  });
  it('updates that need a restart are said so', () => {
    const f = pendingUpdatesFinding({
      ...base,
      total: 1,
      security: 1,
      items: [{ name: 'macOS 14.7', security: true, restartRequired: true }],
    });
    expect(fr(f).detail).toContain('redémarrer');
    expect(en(f).detail).toContain('restart');
  });
  it('no unknown sentence key leaks into the texts (every pending.* limit exists in both languages)', () => {
    const f = pendingUpdatesFinding({
      ...base,
      total: 3,
      security: null,
      notSearched: ['drivers', 'other'],
      listsAgeDays: 9,
      items: [{ name: 'x', security: false, restartRequired: true }],
    });
    for (const text of [fr(f).detail, en(f).detail]) expect(text).not.toMatch(/limits\.|pending\./);
  });
});
