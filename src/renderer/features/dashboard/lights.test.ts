import { describe, expect, it } from 'vitest';
import type { CheckupReport, Finding, FindingState } from '../../../shared/checkup';
import type { ProgramView } from '../../../shared/programs';
import { emptyWorkspace, type Workspace } from '../../../shared/workspace';
import { dashboardLights, type LightId } from './lights';

const now = new Date('2026-11-28T09:00:00Z');

function finding(id: string, state: FindingState): Finding {
  return { id, state, title: id, detail: '', action: '', key: id, params: {}, fix: 'none' };
}

function report(findings: Finding[], programs?: Partial<ProgramView>[]): CheckupReport {
  return {
    findings,
    ...(programs
      ? { programs: { programs, systemComponents: 0, data: { endOfLife: '', exploited: '' } } }
      : {}),
  } as unknown as CheckupReport;
}

function states(r: CheckupReport | null, ws: Workspace = emptyWorkspace(now)): Record<LightId, string> {
  return Object.fromEntries(dashboardLights(r, ws).map((l) => [l.id, l.state])) as Record<LightId, string>;
}

describe('the six lights of the truck dashboard', () => {
  it('are « pas encore vérifié » before any checkup, never ok', () => {
    expect(states(null)).toEqual({
      autoUpdates: 'pending',
      antivirus: 'pending',
      system: 'pending',
      programs: 'pending',
      website: 'pending',
      devices: 'pending',
    });
  });

  it('say « je n’ai pas pu vérifier » when the checkup has nothing about them', () => {
    const s = states(report([]));
    expect(s).toMatchObject({
      autoUpdates: 'unknown',
      antivirus: 'unknown',
      system: 'unknown',
      programs: 'unknown',
    });
  });

  it('take the worst finding of their group and open that finding', () => {
    const r = report([
      finding('auto-updates', 'ok'),
      finding('antivirus', 'attention'),
      finding('firewall', 'ok'),
      finding('reboot', 'attention'),
      finding('os-support', 'ok'),
      finding('something-new', 'danger'),
      finding('applications-outdated', 'attention'),
    ]);
    const lights = dashboardLights(r, emptyWorkspace(now));
    const system = lights.find((l) => l.id === 'system')!;
    expect(system).toMatchObject({ state: 'danger', findingId: 'something-new' });
    expect(states(r)).toMatchObject({ autoUpdates: 'ok', antivirus: 'attention', programs: 'attention' });
  });

  it('counts programs by their own voyants; a program whose version is unknown keeps the light from green', () => {
    const r = report([], [{ status: 'current' }, { status: 'unknown' }, { status: 'current' }]);
    const light = dashboardLights(r, emptyWorkspace(now)).find((l) => l.id === 'programs')!;
    expect(light.state).toBe('unknown');
    expect(light.summary).toEqual({ kind: 'text', key: 'summary.programs.unknown', params: { count: 1 } });
    const exploited = report(
      [],
      [{ status: 'outdated', exploited: { count: 1, lastAdded: '', ransomware: false } }],
    );
    expect(states(exploited).programs).toBe('danger');
  });

  it('website: none added or not yet checked is pending; one unchecked site keeps the light from green', () => {
    const ws = emptyWorkspace(now);
    const checked = {
      id: 'a',
      url: 'https://a.fr/',
      addedAt: now.toISOString(),
      last: { findings: [finding('tls', 'ok')] },
    };
    const unchecked = { id: 'b', url: 'https://b.fr/', addedAt: now.toISOString() };
    expect(states(null, { ...ws, sites: [checked] }).website).toBe('ok');
    expect(states(null, { ...ws, sites: [checked, unchecked] }).website).toBe('pending');
    const bad = { ...checked, id: 'c', url: 'https://c.fr/', last: { findings: [finding('cms', 'danger')] } };
    const light = dashboardLights(null, { ...ws, sites: [checked, bad] }).find((l) => l.id === 'website')!;
    expect(light).toMatchObject({ state: 'danger', summary: { kind: 'site', host: 'c.fr' } });
  });

  it('devices: ok only when every guide is ticked, or when the owner said there is none', () => {
    const ws = emptyWorkspace(now);
    const phone = { id: 'p', kind: 'iphone', name: 'iPhone', addedAt: now.toISOString(), steps: {} };
    expect(states(null, { ...ws, devices: [phone] } as Workspace).devices).toBe('attention');
    const said = { ...ws, missions: { 'debutant.no-other-devices': now.toISOString() } };
    expect(states(null, said).devices).toBe('ok');
  });
});
