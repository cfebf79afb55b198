import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../../shared/checkup';
import { runCheckup } from '../../checkup/run-checkup';
import { createReplayHost, loadCapture, type Capture, type CaptureEntry } from '../../exec/capture';

const FIXTURES = join(import.meta.dirname, '../../../../../tests/fixtures/windows');

async function replay(capture: Capture): Promise<CheckupReport> {
  return runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now ?? '2026-11-22T10:00:00Z') });
}

function states(report: CheckupReport): Record<string, string> {
  return Object.fromEntries(report.findings.map((f) => [f.id, f.state]));
}

function finding(report: CheckupReport, id: string) {
  const f = report.findings.find((x) => x.id === id);
  if (!f) throw new Error(`finding ${id} absent`);
  return f;
}

/** The same capture with the main script's entry replaced. */
function withMain(capture: Capture, change: (entry: CaptureEntry) => CaptureEntry): Capture {
  return { ...capture, entries: capture.entries.map((e) => (e.key === 'windows-checkup.ps1' ? change(e) : e)) };
}

/** The same capture with one section of the main script's JSON replaced. */
function withSection(capture: Capture, name: string, value: unknown): Capture {
  return withMain(capture, (e) => {
    const doc = JSON.parse(e.stdout ?? '{}') as Record<string, unknown>;
    doc[name] = value;
    return { ...e, stdout: JSON.stringify(doc) };
  });
}

describe('Windows checkup replays', () => {
  it('Windows 10 22H2 Home stuck since 2023: no longer maintained (ESU over too), old Defender signatures, old last update', async () => {
    const report = await replay(await loadCapture(join(FIXTURES, 'win10-22h2-home-old-signatures')));
    expect(states(report)).toEqual({
      'os-support': 'danger',
      // Set on, but nothing installed for years: never « activées » beside « aucune mise à jour depuis 1201 jours ».
      'auto-updates': 'danger',
      'last-update': 'danger',
      'pending-updates': 'attention',
      reboot: 'ok',
      antivirus: 'danger',
      firewall: 'ok',
      'applications-outdated': 'attention',
      'applications-end-of-life': 'ok',
      'applications-exploited': 'attention',
    });
    const os = finding(report, 'os-support');
    expect(os.key).toBe('osSupport.windows.esuEnded');
    expect(os.title).toBe('Windows 10 Home 22H2 n’est plus maintenu');
    expect(os.detail).toContain('14 octobre 2025');
    expect(os.detail).toContain('13 octobre 2026');
    expect(os.action).toContain('Windows 11');
    expect(finding(report, 'antivirus').title).toContain('Microsoft Defender Antivirus');
    expect(finding(report, 'antivirus').detail).toContain('4 septembre 2023');
    // The failed September 2023 update and the Defender signatures do not count as "last update".
    expect(report.facts.lastUpdate?.lastInstalledAt).toBe('2023-08-09T09:12:40.000Z');
    expect(finding(report, 'pending-updates').title).toBe('1 mise à jour en attente, dont 1 de sécurité');
    expect(report.machine).toMatchObject({ os: { family: 'windows', version: '22H2', build: '19045.3324' }, hostname: 'PC-ACCUEIL', isServer: false });
  });

  it('Windows 10 22H2 Pro on the same date: only the paid business ESU is left, and the owner is told so', async () => {
    const capture = await loadCapture(join(FIXTURES, 'win10-22h2-home-old-signatures'));
    const doc = JSON.parse(capture.entries.find((e) => e.key === 'windows-checkup.ps1')!.stdout!) as { identity: Record<string, unknown> };
    const report = await replay(withSection(capture, 'identity', { ...doc.identity, editionId: 'Professional', caption: 'Microsoft Windows 10 Pro' }));
    const os = finding(report, 'os-support');
    expect(os.state).toBe('danger');
    expect(os.key).toBe('osSupport.windows.extendedPaid');
    expect(os.detail).toContain('10 octobre 2028');
    expect(os.detail).toContain('payant');
  });

  it('French Windows 11 Pro: updates off by policy (fixable), restart pending, Bitdefender protects while Defender is stopped', async () => {
    const report = await replay(await loadCapture(join(FIXTURES, 'win11-25h2-pro-fr-policy-off-restart-bitdefender')));
    expect(states(report)).toEqual({
      'os-support': 'ok',
      'auto-updates': 'danger',
      'last-update': 'danger',
      'pending-updates': 'attention',
      reboot: 'attention',
      antivirus: 'ok',
      firewall: 'ok',
      'applications-outdated': 'danger',
      'applications-end-of-life': 'ok',
      'applications-exploited': 'danger',
    });
    expect(finding(report, 'auto-updates').fix).toBe('enable-auto-updates');
    expect(report.facts.autoUpdates).toMatchObject({ enabled: false, managed: false, otherProducts: true, storeApps: true });
    expect(finding(report, 'reboot').key).toBe('reboot.required');
    expect(finding(report, 'antivirus').title).toContain('Bitdefender Antivirus');
    expect(report.facts.antivirus?.products.find((p) => p.name === 'Microsoft Defender Antivirus')?.passive).toBe(true);
    expect(finding(report, 'os-support').title).toBe('Windows 11 Professionnel 25H2 est maintenu par son éditeur');
    // The French-format date in the history is ignored, not guessed: the newest ISO entry wins.
    expect(report.facts.lastUpdate?.history.some((h) => h.title.startsWith('Outil de suppression'))).toBe(false);
    expect(report.facts.lastUpdate?.lastInstalledAt).toBe('2025-10-15T13:58:40.000Z');
    const names = report.inventory.applications.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Mozilla Firefox (x64 fr)', 'Microsoft 365 Apps pour les entreprises - fr-fr', 'Calculatrice Windows', 'Lecteur multimédia']));
    // A Store app whose display name is an unresolved resource keeps its package name.
    expect(names).toContain('Microsoft.WindowsAlarms');
  });

  it('the same PC in English: the findings say the same in English', async () => {
    const capture = await loadCapture(join(FIXTURES, 'win11-25h2-pro-fr-policy-off-restart-bitdefender'));
    const report = await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!), lang: 'en' });
    expect(finding(report, 'auto-updates').state).toBe('danger');
    expect(finding(report, 'reboot').title).not.toMatch(/redémarr/i);
  });

  it('Windows Server 2019: no SecurityCenter2, no Store, server update default not guessed', async () => {
    const report = await replay(await loadCapture(join(FIXTURES, 'winserver-2019-datacenter')));
    expect(states(report)).toEqual({
      'os-support': 'ok',
      'auto-updates': 'unknown',
      'last-update': 'ok',
      // Its search (script v1) covered software only: « aucune mise à jour en attente » would not be true.
      'pending-updates': 'unknown',
      reboot: 'ok',
      antivirus: 'danger',
      firewall: 'ok',
      'applications-outdated': 'unknown',
      'applications-end-of-life': 'ok',
      'applications-exploited': 'attention',
    });
    expect(report.machine.isServer).toBe(true);
    expect(finding(report, 'antivirus').title).toContain('129 jours');
    expect(finding(report, 'auto-updates').detail).toContain('Windows Server');
    expect(report.inventory.applications).toHaveLength(3);
    const pending = finding(report, 'pending-updates');
    expect(pending.title).toBe('Je n’ai pas pu chercher toutes les mises à jour en attente');
    expect(report.facts.pendingUpdates).toMatchObject({ total: 0, drivers: null, notSearched: ['drivers'] });
  });
});

describe('Windows checkup failures: unknown with a reason, never ok, never a crash', () => {
  const base = () => loadCapture(join(FIXTURES, 'win10-22h2-home-old-signatures'));
  const mainSections = ['os-support', 'auto-updates', 'last-update', 'reboot', 'antivirus', 'firewall'];

  const expectMainUnknown = (report: CheckupReport, reason: RegExp) => {
    for (const id of mainSections) {
      const f = finding(report, id);
      expect(f.state, id).toBe('unknown');
      expect(f.reason ?? '', id).toMatch(reason);
    }
    expect(report.inventory.applications).toEqual([]);
    expect(report.machine.os).toBeNull();
  };

  it('garbage output', async () => {
    const report = await replay(withMain(await base(), (e) => ({ ...e, stdout: 'Get-CimInstance : Accès refusé\r\nAu caractère Ligne:1 : 1\r\n' })));
    expectMainUnknown(report, /illisible/);
    expect(finding(report, 'pending-updates').state).toBe('attention'); // the other probe still answered
  });

  it('truncated output', async () => {
    const report = await replay(withMain(await base(), (e) => ({ ...e, stdout: (e.stdout ?? '').slice(0, 700) })));
    expectMainUnknown(report, /tronqué/);
  });

  it('empty output', async () => {
    const report = await replay(withMain(await base(), (e) => ({ ...e, stdout: '' })));
    expectMainUnknown(report, /rien renvoyé/);
  });

  it('PowerShell missing', async () => {
    const capture = await base();
    const missing: Capture = {
      ...capture,
      entries: capture.entries.map((e) =>
        e.kind === 'exec' ? { kind: 'exec', key: e.key, probe: e.probe, error: { kind: 'not-found', message: 'powershell.exe : programme introuvable sur cette machine' } } : e,
      ),
    };
    const report = await replay(missing);
    expectMainUnknown(report, /introuvable/);
    expect(finding(report, 'os-support').key).toBe('unknown.notFound');
    expect(finding(report, 'pending-updates').state).toBe('unknown');
  });

  it('scripts blocked by policy (the real "running scripts is disabled on this system" stderr)', async () => {
    // stderr as published in github.com/winsw/winsw issue #931 (powershell -ExecutionPolicy Bypass overridden by policy).
    const stderr =
      'File C:\\AppData\\myservice.ps1 cannot be loaded because running scripts is disabled on this system. For more\r\n' +
      'information, see about_Execution_Policies at https:/go.microsoft.com/fwlink/?LinkID=135170.\r\n' +
      '    + CategoryInfo          : SecurityError: (:) [], ParentContainsErrorRecordException\r\n' +
      '    + FullyQualifiedErrorId : UnauthorizedAccess\r\n';
    const report = await replay(
      withMain(await base(), (e) => ({ kind: 'exec', key: e.key, probe: e.probe, error: { kind: 'non-zero-exit', message: 'windows-checkup.ps1 : a échoué (code 1)', exitCode: 1, stderr } })),
    );
    expectMainUnknown(report, /bloqué par une stratégie/);
    expect(finding(report, 'antivirus').key).toBe('unknown.permission');
  });

  it('a Windows Update search that does not finish gives unknown, not "0 updates"', async () => {
    const capture = await base();
    const slow: Capture = {
      ...capture,
      entries: capture.entries.map((e) =>
        e.key === 'windows-wua-search.ps1' ? { kind: 'exec', key: e.key, probe: e.probe, error: { kind: 'timeout', message: 'windows-wua-search.ps1 : pas de réponse après 110 s' } } : e,
      ),
    };
    const report = await replay(slow);
    const f = finding(report, 'pending-updates');
    expect(f.state).toBe('unknown');
    expect(f.key).toBe('unknown.timeout');
    expect(finding(report, 'antivirus').state).toBe('danger'); // the rest of the checkup is intact
  });

  it('a Windows Update search that failed (result code 4) gives unknown', async () => {
    const capture = await base();
    const failed: Capture = {
      ...capture,
      entries: capture.entries.map((e) => (e.key === 'windows-wua-search.ps1' ? { ...e, stdout: '{"resultCode":4,"updates":[]}' } : e)),
    };
    expect(finding(await replay(failed), 'pending-updates').state).toBe('unknown');
  });

  it('one failing section fails alone: the script could not read the firewall, everything else stands', async () => {
    const report = await replay(withSection(await base(), 'firewall', { error: 'Accès refusé' }));
    const f = finding(report, 'firewall');
    expect(f.state).toBe('unknown');
    expect(f.reason).toContain('firewall : Accès refusé');
    expect(finding(report, 'antivirus').state).toBe('danger');
    expect(finding(report, 'os-support').state).toBe('danger');
    expect(report.probes.find((p) => p.id === 'windows-main')?.error).toContain('firewall');
  });

  it('Defender unreadable but SecurityCenter2 answers: antivirus judged from SecurityCenter2', async () => {
    const report = await replay(withSection(await base(), 'defender', { error: '0x800106ba' }));
    const f = finding(report, 'antivirus');
    // 397584: on, signatures out of date (decoded), no date: not ok.
    expect(f.state).toBe('danger');
    expect(f.key).toBe('antivirus.outdated');
  });

  it('both antivirus sources unreadable: unknown with both reasons', async () => {
    let capture = withSection(await base(), 'defender', { error: '0x800106ba' });
    capture = withSection(capture, 'securityCenter', { error: 'Invalid namespace ' });
    const f = finding(await replay(capture), 'antivirus');
    expect(f.state).toBe('unknown');
    expect(f.reason).toContain('0x800106ba');
    expect(f.reason).toContain('Invalid namespace');
  });

  it('a French localised signature date is not parsed: signatures unknown, not fresh', async () => {
    const capture = await base();
    const doc = JSON.parse(capture.entries.find((e) => e.key === 'windows-checkup.ps1')!.stdout!) as { defender: Record<string, unknown> };
    const report = await replay(
      withSection(capture, 'defender', { ...doc.defender, antivirusSignatureLastUpdated: '21/11/2026 04:06:16', defenderSignaturesOutOfDate: false }),
    );
    const f = finding(report, 'antivirus');
    expect(report.facts.antivirus?.products[0]?.signatureDate).toBeNull();
    // Defender says itself it is up to date; the owner is told that, not a date we guessed.
    expect(f.key).toBe('antivirus.okNoDate');
  });
});

describe('verifying a change from an "after" capture (helper for the auto-updates work)', () => {
  it('the French Windows 11 Pro before and after the policy is set to install automatically', async () => {
    const { windowsAutoUpdatesFromOutput } = await import('./parse');
    const capture = await loadCapture(join(FIXTURES, 'win11-25h2-pro-fr-policy-off-restart-bitdefender'));
    const before = capture.entries.find((e) => e.key === 'windows-checkup.ps1')!.stdout!;
    const now = new Date(capture.manifest.now!);
    expect(windowsAutoUpdatesFromOutput(before, now)?.enabled).toBe(false);
    const doc = JSON.parse(before) as { autoUpdates: Record<string, unknown> };
    doc.autoUpdates.policyAU = { NoAutoUpdate: 0, AUOptions: 4, ScheduledInstallDay: 0, ScheduledInstallTime: 3 };
    const after = windowsAutoUpdatesFromOutput(JSON.stringify(doc), now);
    expect(after).toMatchObject({ enabled: true, managed: false, schedule: 'ScheduledInstallDay=0; ScheduledInstallTime=3' });
    expect(windowsAutoUpdatesFromOutput('garbage', now)).toBeNull();
  });
});
