import { describe, expect, it } from 'vitest';
import type { MachineFacts, OsFacts } from '../../../shared/facts';
import type { SupportInfo } from '../knowledge/support';
import { evaluateFindings } from './evaluate';
import { localizeFindings } from './localize';
import {
  antivirusFinding,
  autoUpdatesFinding,
  firewallFinding,
  lastUpdateFinding,
  osSupportFinding,
  pendingUpdatesFinding,
  rebootFinding,
  rules,
} from './rules';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (n: number): string => new Date(now.getTime() - n * 86_400_000).toISOString();
const debian: OsFacts = { family: 'linux', name: 'Debian GNU/Linux', version: '12', build: null, distroId: 'debian', isServer: false, arch: 'x64', hostname: 'pc' };
const support = (over: Partial<SupportInfo>): SupportInfo => ({
  product: 'debian',
  cycle: '12',
  label: '12 (Bookworm)',
  endOfSupport: null,
  endOfExtendedSupport: null,
  extendedAutomatic: false,
  status: 'supported',
  latest: null,
  ...over,
});

describe('os-support rule', () => {
  it('is ok while supported, with the end date in the text', () => {
    const f = osSupportFinding(debian, support({ endOfSupport: '2028-08-09' }), now);
    expect(f.state).toBe('ok');
    const [fr] = localizeFindings([f], 'fr');
    expect(fr!.detail).toContain('9 août 2028');
  });
  it('gives attention when support ends within 90 days', () => {
    expect(osSupportFinding(debian, support({ endOfSupport: '2027-01-15' }), now)).toMatchObject({ state: 'attention', key: 'osSupport.endingSoon' });
  });
  it('gives attention for automatic extended support (Debian LTS) and says until when', () => {
    const f = osSupportFinding(debian, support({ status: 'extended', endOfSupport: '2026-07-11', endOfExtendedSupport: '2028-06-30', extendedAutomatic: true }), now);
    expect(f.state).toBe('attention');
    expect(localizeFindings([f], 'fr')[0]!.detail).toContain('30 juin 2028');
  });
  it('is danger when extended support needs an enrolment, and says so', () => {
    const f = osSupportFinding(debian, support({ product: 'ubuntu', status: 'extended', endOfSupport: '2025-05-31', endOfExtendedSupport: '2030-04-30' }), now);
    expect(f.state).toBe('danger');
    const fr = localizeFindings([f], 'fr')[0]!;
    expect(fr.title).toContain('n’est plus maintenu');
    expect(fr.detail).toContain('30 avril 2030');
  });
  it('uses the Windows wording (Windows 11 or ESU) for Windows', () => {
    const win: OsFacts = { ...debian, family: 'windows', name: 'Windows 10 Professionnel', version: '22H2', distroId: null };
    const f = osSupportFinding(win, support({ product: 'windows', label: '10 22H2', status: 'extended', endOfSupport: '2025-10-14', endOfExtendedSupport: '2028-10-10' }), now);
    expect(f.state).toBe('danger');
    expect(localizeFindings([f], 'fr')[0]!.action).toBe(
      'Passez à Windows 11 si ce PC le permet, sinon inscrivez-le aux mises à jour de sécurité étendues (ESU).',
    );
  });
  it('is danger once ended, unknown when the cycle is not in the data', () => {
    expect(osSupportFinding(debian, support({ status: 'ended', endOfSupport: '2020-01-01' }), now).state).toBe('danger');
    expect(osSupportFinding(debian, support({ status: 'unknown', cycle: null }), now).state).toBe('unknown');
  });
});

describe('auto-updates rule', () => {
  const base = { mechanism: 'unattended-upgrades', managed: false, settings: [], lastRunAt: daysAgo(1), schedulerRunning: true };
  it('off is danger with the enable fix', () => {
    expect(autoUpdatesFinding({ ...base, enabled: false, installed: true }, now)).toMatchObject({ state: 'danger', fix: 'enable-auto-updates' });
  });
  it('on with a run yesterday is ok', () => expect(autoUpdatesFinding({ ...base, enabled: true }, now).state).toBe('ok'));
  it('unknown includes the limits in the owner text', () => {
    const f = autoUpdatesFinding({ ...base, enabled: null, limits: ['timerUnknown'] }, now);
    expect(f.state).toBe('unknown');
    expect(localizeFindings([f], 'fr')[0]!.detail).toContain('tâche planifiée');
  });
  it('managed never offers the enable fix', () => {
    const on = autoUpdatesFinding({ ...base, managed: true, enabled: true }, now);
    const off = autoUpdatesFinding({ ...base, managed: true, enabled: false }, now);
    expect(on.state).toBe('ok');
    expect(off.state).toBe('attention');
    expect(off.fix).not.toBe('enable-auto-updates');
    expect(localizeFindings([off], 'fr')[0]!.title).toContain('géré par votre organisation / prestataire');
  });
});

describe('last-update rule (30 / 90 days)', () => {
  const facts = (iso: string | null) => ({ lastInstalledAt: iso, source: 'test', history: [] });
  it.each([
    [5, 'ok'],
    [30, 'ok'],
    [31, 'attention'],
    [90, 'attention'],
    [91, 'danger'],
  ] as const)('%i days ago → %s', (days, state) => {
    expect(lastUpdateFinding(facts(daysAgo(days)), now).state).toBe(state);
  });
  it('no date at all is unknown, never ok', () => expect(lastUpdateFinding(facts(null), now).state).toBe('unknown'));
});

describe('antivirus rule', () => {
  const clam = { name: 'ClamAV', enabled: true, upToDate: null, source: 'test' };
  it('signatures older than 7 days are danger', () => {
    expect(antivirusFinding({ products: [{ ...clam, signatureDate: daysAgo(8) }] }, now).state).toBe('danger');
    expect(antivirusFinding({ products: [{ ...clam, signatureDate: daysAgo(2) }] }, now).state).toBe('ok');
  });
  it('no antivirus found is not ok', () => expect(antivirusFinding({ products: [] }, now).state).toBe('attention'));
  it('a product without a signature date is unknown', () => expect(antivirusFinding({ products: [{ ...clam, signatureDate: null }] }, now).state).toBe('unknown'));
  it('a product switched off is danger', () => expect(antivirusFinding({ products: [{ ...clam, enabled: false, signatureDate: daysAgo(1) }] }, now).state).toBe('danger'));
});

describe('other rules', () => {
  it('pending updates: none ok, security counted', () => {
    expect(pendingUpdatesFinding({ total: 0, security: 0, items: [], source: 't' }).state).toBe('ok');
    const f = pendingUpdatesFinding({ total: 3, security: 2, items: [], source: 't' });
    expect(f.state).toBe('attention');
    expect(localizeFindings([f], 'fr')[0]!.title).toBe('3 mises à jour en attente, dont 2 de sécurité');
    expect(localizeFindings([pendingUpdatesFinding({ total: 1, security: null, items: [], source: 't' })], 'en')[0]!.title).toBe('1 pending update');
  });
  it('reboot: required gives the restart fix', () => {
    expect(rebootFinding({ required: true, signals: [{ name: 'x', present: true, weak: false }] })).toMatchObject({ state: 'attention', fix: 'restart' });
    expect(rebootFinding({ required: false, signals: [] }).state).toBe('ok');
  });
  it('firewall: off is danger on Windows and on Linux; no tool is unknown', () => {
    const off = { enabled: false, tool: 'x', profiles: [] };
    expect(firewallFinding(off, 'win32').state).toBe('danger');
    expect(firewallFinding(off, 'linux').state).toBe('danger');
    expect(firewallFinding({ enabled: null, tool: null, profiles: [] }, 'linux').state).toBe('unknown');
  });
});

describe('evaluateFindings', () => {
  it('gives every core finding, unknown with the reason for a failed probe, never ok without facts', () => {
    const specs = evaluateFindings({
      facts: {} as MachineFacts,
      failures: { antivirus: { probeId: 'antivirus', status: 'timeout', message: 'pas de réponse après 20 s', kind: 'timeout' } },
      now,
      platform: 'linux',
    });
    expect(specs.map((s) => s.id)).toEqual(rules.map((r) => r.id));
    expect(specs.every((s) => s.state === 'unknown')).toBe(true);
    const av = localizeFindings(specs, 'fr').find((f) => f.id === 'antivirus')!;
    expect(av.title).toBe('Je n’ai pas pu vérifier l’antivirus');
    expect(av.action).toContain('pas de réponse après 20 s');
  });
});
