/**
 * Issue 11 on Windows, on replays of public real outputs (tests/fixtures/windows/README.md): an
 * antivirus is « à jour » only with real-time protection on, every pending update is counted (drivers
 * apart), a search that skipped drivers never reads « aucune mise à jour en attente », and the checkup
 * records when Windows Update last ran and whether its services may start.
 */
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../exec/capture';
import {
  findingOf as finding,
  loadFixture,
  replayAtCaptureDate as replay,
} from '../../../../../tests/support/replay';
import { WINDOWS_CHECKUP_SCRIPT } from './checkup-script';
import { WINDOWS_WUA_SEARCH_SCRIPT } from './wua-search-script';

const load = (name: string): Promise<Capture> => loadFixture('windows', name);

/** The same capture with the Windows Update search's JSON changed. */
function withSearch(
  capture: Capture,
  change: (doc: Record<string, unknown>) => Record<string, unknown>,
): Capture {
  return {
    ...capture,
    entries: capture.entries.map((e) =>
      e.key === 'windows-wua-search.ps1'
        ? { ...e, stdout: JSON.stringify(change(JSON.parse(e.stdout ?? '{}') as Record<string, unknown>)) }
        : e,
    ),
  };
}

/** The same capture with one section of the main script's JSON changed. */
function withSection(
  capture: Capture,
  name: string,
  change: (v: Record<string, unknown>) => unknown,
): Capture {
  return {
    ...capture,
    entries: capture.entries.map((e) => {
      if (e.key !== 'windows-checkup.ps1') return e;
      const doc = JSON.parse(e.stdout ?? '{}') as Record<string, Record<string, unknown>>;
      return { ...e, stdout: JSON.stringify({ ...doc, [name]: change(doc[name] ?? {}) }) };
    }),
  };
}

describe('Windows antivirus: real-time protection or not ok', () => {
  it('EDR in block mode with real-time protection off is not protection: danger, never « à jour »', async () => {
    const report = await replay(await load('win11-fr-edr-block-mode-realtime-off'));
    const av = finding(report, 'antivirus');
    expect(av.state).toBe('danger');
    expect(av.key).toBe('antivirus.passive');
    expect(av.title).toBe('Microsoft Defender Antivirus ne protège pas en temps réel');
    expect(av.reason).toContain('EDR Block Mode');
    expect(report.facts.antivirus?.products[0]).toMatchObject({ passive: true, realTime: false });
  });

  it('real-time protection switched off in Normal mode: danger « protection en temps réel coupée »', async () => {
    const capture = withSection(await load('winserver-2022-fr-defender-normal'), 'defender', (d) => ({
      ...d,
      realTimeProtectionEnabled: false,
    }));
    const av = finding(await replay(capture), 'antivirus');
    expect(av).toMatchObject({ state: 'danger', key: 'antivirus.realTimeOff' });
    expect(av.title).toContain('temps réel');
  });

  it('on-access protection off (script v2) is real-time off too, even with RealTimeProtectionEnabled true', async () => {
    const capture = withSection(await load('winserver-2022-fr-defender-normal'), 'defender', (d) => ({
      ...d,
      onAccessProtectionEnabled: false,
    }));
    expect(finding(await replay(capture), 'antivirus')).toMatchObject({
      state: 'danger',
      key: 'antivirus.realTimeOff',
    });
  });

  it('French Server 2022 with Defender in Normal mode and 2-day-old signatures: ok', async () => {
    const report = await replay(await load('winserver-2022-fr-defender-normal'));
    expect(finding(report, 'antivirus')).toMatchObject({ state: 'ok', key: 'antivirus.ok' });
    expect(finding(report, 'antivirus').detail).toContain('1 juin 2024');
  });

  it('a third-party antivirus that Security Center says is on and up to date counts; passive Defender does not', async () => {
    const report = await replay(await load('win10-fr-fsecure-defender-passive'));
    const av = finding(report, 'antivirus');
    expect(av).toMatchObject({ state: 'ok', key: 'antivirus.okNoDate' });
    expect(av.title).toBe('F-Secure Client Security 12.00 est actif et se dit à jour');
    expect(
      report.facts.antivirus?.products.find((p) => p.name === 'Microsoft Defender Antivirus')?.passive,
    ).toBe(true);
  });

  it('the same F-Secure registered but switched off (productState 262144): nothing protects, danger', async () => {
    const capture = withSection(await load('win10-fr-fsecure-defender-passive'), 'securityCenter', (sc) => ({
      ...sc,
      antivirus: [
        { displayName: 'F-Secure Client Security 12.00', productState: 262144, path: 'fsavwsch.exe' },
        { displayName: 'Windows Defender', productState: 393472, path: 'windowsdefender://' },
      ],
    }));
    expect(finding(await replay(capture), 'antivirus').state).toBe('danger');
  });

  it('Server 2016 with Defender passive and no Security Center to show the other antivirus: danger, not ok', async () => {
    const report = await replay(await load('winserver-2016-passive-update-failures'));
    expect(finding(report, 'antivirus')).toMatchObject({ state: 'danger', key: 'antivirus.passive' });
  });
});

describe('Windows pending updates: every category counted', () => {
  it('software and drivers searched: « 8 mises à jour en attente, dont 6 pilotes »', async () => {
    const report = await replay(await load('win10-pro-drivers-pending'));
    const pending = finding(report, 'pending-updates');
    expect(pending).toMatchObject({ state: 'attention', key: 'pendingUpdates.withDrivers' });
    expect(pending.title).toBe('8 mises à jour en attente, dont 6 pilotes');
    expect(report.facts.pendingUpdates).toMatchObject({ total: 8, drivers: 6, notSearched: [] });
  });

  it('a software-only search (script v1) with nothing found never says « aucune mise à jour en attente »', async () => {
    const capture = withSearch(await load('win10-pro-drivers-pending'), () => ({
      resultCode: 2,
      updates: [],
    }));
    const pending = finding(await replay(capture), 'pending-updates');
    expect(pending.state).toBe('unknown');
    expect(pending.title).not.toContain('Aucune mise à jour en attente');
    expect(pending.detail).toContain('pilotes');
  });

  it('a software-only search that found software updates says the drivers were not searched', async () => {
    const capture = withSearch(await load('win10-pro-drivers-pending'), (doc) => ({
      resultCode: 2,
      updates: (doc.updates as { type?: number }[])
        .filter((u) => u.type === 1)
        .map(({ type: _t, ...u }) => u),
    }));
    const report = await replay(capture);
    const pending = finding(report, 'pending-updates');
    expect(pending.state).toBe('attention');
    expect(pending.title).toBe('2 mises à jour en attente, dont 1 de sécurité');
    expect(pending.detail).toContain('Les pilotes');
    expect(report.facts.pendingUpdates).toMatchObject({ drivers: null, notSearched: ['drivers'] });
  });

  it('the search script asks for software AND drivers and says so in its output', () => {
    expect(WINDOWS_WUA_SEARCH_SCRIPT).toContain("Type='Software'");
    expect(WINDOWS_WUA_SEARCH_SCRIPT).toContain("Type='Driver'");
    expect(WINDOWS_WUA_SEARCH_SCRIPT).toContain("searched = @('Software', 'Driver')");
  });
});

describe('Windows Update: evidence that it actually runs', () => {
  it('reads the Automatic Updates results: last successful search, its source, services not disabled', async () => {
    const report = await replay(await load('win11-fr-edr-block-mode-realtime-off'));
    expect(report.facts.autoUpdates).toMatchObject({
      lastRunAt: '2026-11-20T06:12:40.000Z',
      lastRunSource: 'Microsoft.Update.AutoUpdate.Results.LastSearchSuccessDate',
      schedulerRunning: true,
    });
  });

  it('an old capture without the results (script v1) falls back on the newest successful install of the history', async () => {
    const report = await replay(await load('win10-22h2-home-old-signatures'));
    expect(report.facts.autoUpdates).toMatchObject({
      lastRunAt: '2023-09-04T07:28:08.000Z',
      lastRunSource: 'Windows Update Agent (QueryHistory)',
    });
  });

  it('a history with failed installs: failures listed, the last success is the date that counts', async () => {
    const report = await replay(await load('winserver-2016-passive-update-failures'));
    expect(report.facts.lastUpdate?.lastInstalledAt).toBe('2020-06-10T03:41:00.000Z');
    expect(report.facts.lastUpdate?.history.filter((h) => h.result === 'failed')).toHaveLength(3);
    expect(report.facts.autoUpdates?.lastRunAt).toBe('2020-07-24T03:00:12.000Z');
  });

  it('the Update Orchestrator service disabled: the scheduler is not running', async () => {
    const capture = withSection(await load('win10-pro-drivers-pending'), 'autoUpdates', (au) => ({
      ...au,
      usoSvcStartType: 'Disabled',
    }));
    expect((await replay(capture)).facts.autoUpdates?.schedulerRunning).toBe(false);
  });

  it('the checkup script reads the results, UsoSvc and the on-access state', () => {
    for (const needle of ['Microsoft.Update.AutoUpdate).Results', 'UsoSvc', 'OnAccessProtectionEnabled']) {
      expect(WINDOWS_CHECKUP_SCRIPT).toContain(needle);
    }
  });
});
