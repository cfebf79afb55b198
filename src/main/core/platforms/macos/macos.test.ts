import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../../shared/checkup';
import { runCheckup } from '../../checkup/run-checkup';
import { createReplayHost, loadCapture, type Capture, type CaptureEntry } from '../../exec/capture';
import { parseOldStylePlist, plistBool } from './old-style-plist';
import {
  macosAutoUpdateFacts,
  parseApplications,
  parseInstallHistory,
  parseProfilesEnrollment,
  parseSocketFilterFw,
  parseSoftwareUpdateList,
  parseSwVers,
} from './parse';

const FIXTURES = join(import.meta.dirname, '../../../../../tests/fixtures/macos');

async function replay(capture: Capture): Promise<CheckupReport> {
  return runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!) });
}
const states = (r: CheckupReport) => Object.fromEntries(r.findings.map((f) => [f.id, f.state]));
const finding = (r: CheckupReport, id: string) => r.findings.find((f) => f.id === id)!;
function replace(capture: Capture, key: string, change: (e: CaptureEntry) => CaptureEntry): Capture {
  return { ...capture, entries: capture.entries.map((e) => (e.key === key ? change(e) : e)) };
}

describe('macOS checkup replays', () => {
  it('Sonoma with automatic checks off: danger with the one-click fix, firewall off, XProtect stale', async () => {
    const report = await replay(await loadCapture(join(FIXTURES, 'macos14-auto-check-off')));
    expect(states(report)).toEqual({
      'os-support': 'ok',
      'auto-updates': 'danger',
      'last-update': 'attention',
      'pending-updates': 'attention',
      reboot: 'attention',
      antivirus: 'danger',
      firewall: 'danger',
      'applications-outdated': 'unknown',
      'applications-end-of-life': 'ok',
      'applications-exploited': 'ok',
    });
    expect(finding(report, 'auto-updates').fix).toBe('enable-auto-updates');
    expect(finding(report, 'os-support').title).toBe('macOS Sonoma 14.6.1 est maintenu par son éditeur');
    expect(report.machine.hostname).toBe('iMac de Sophie');
    expect(report.facts.os?.arch).toBe('arm64');
    expect(finding(report, 'reboot').key).toBe('reboot.macos.updatesNeedRestart');
    expect(finding(report, 'reboot').detail).toContain('macOS Sonoma 14.7');
    expect(finding(report, 'pending-updates').title).toBe('2 mises à jour en attente, dont 2 de sécurité');
    expect(report.facts.antivirus).toMatchObject({ builtIn: true, products: [{ name: 'XProtect', signatureVersion: '5272', signatureDate: '2024-08-13T10:41:18.000Z' }] });
    expect(finding(report, 'antivirus').key).toBe('antivirus.macos.xprotectStale');
    expect(finding(report, 'antivirus').action).toContain('réponses de sécurité');
    expect(report.facts.lastUpdate?.lastInstalledAt).toBe('2024-08-09T14:12:37.000Z');
    // Helpers inside /System/Library and frameworks are not "installed software"; an app without version is "version inconnue".
    expect(report.inventory.applications.map((a) => [a.name, a.version, a.publisher])).toEqual([
      ['App Store', '3.0', 'Apple'],
      ['Microsoft Edge', '127.0.2651.74', 'Microsoft Corporation'],
      ['Ferramenta Pessoal', null, null],
    ]);
  });

  it('a Mac managed by a profile: "géré par votre organisation / prestataire", no switch offered', async () => {
    const report = await replay(await loadCapture(join(FIXTURES, 'macos15-managed')));
    expect(states(report)).toEqual({
      'os-support': 'ok',
      // Settings imposed and on, but no evidence of a run read from this capture yet: never ok on settings alone.
      'auto-updates': 'unknown',
      'last-update': 'attention',
      'pending-updates': 'attention',
      reboot: 'attention',
      antivirus: 'unknown',
      firewall: 'ok',
      'applications-outdated': 'unknown',
      'applications-end-of-life': 'ok',
      'applications-exploited': 'ok',
    });
    const au = finding(report, 'auto-updates');
    expect(au.key).toBe('truth:autoUpdates.unverified');
    expect(au.fix).not.toBe('enable-auto-updates');
    expect(report.facts.autoUpdates).toMatchObject({ managed: true, enabled: true });
    expect(report.facts.os?.managed).toBe(true);
    expect(report.facts.autoUpdates?.storeApps).toBe(true);
    // XProtect 5311 (the copy in use on macOS 15) has no dated install: unknown, never guessed.
    expect(report.facts.antivirus?.products[0]?.signatureVersion).toBe('5311');
    expect(finding(report, 'antivirus').reason).toContain('XProtect');
  });

  it('a managed profile that turns installs off: attention, and still no switch', async () => {
    const capture = replace(await loadCapture(join(FIXTURES, 'macos15-managed')), 'defaults-read /Library/Managed Preferences/com.apple.SoftwareUpdate', (e) => ({
      ...e,
      stdout: '{\n    AutomaticallyInstallMacOSUpdates = 0;\n}\n',
    }));
    const au = finding(await replay(capture), 'auto-updates');
    expect(au.state).toBe('attention');
    expect(au.fix).toBe('contact-provider');
  });

  it('softwareupdate -l that does not finish gives unknown, not "0 updates"', async () => {
    const capture = replace(await loadCapture(join(FIXTURES, 'macos14-auto-check-off')), 'softwareupdate-list', (e) => ({
      kind: 'exec',
      key: e.key,
      probe: e.probe,
      error: { kind: 'timeout', message: 'softwareupdate-list : pas de réponse après 150 s' },
    }));
    const report = await replay(capture);
    expect(finding(report, 'pending-updates')).toMatchObject({ state: 'unknown', key: 'unknown.timeout' });
    expect(finding(report, 'reboot').state).toBe('unknown');
    expect(finding(report, 'auto-updates').state).toBe('danger');
  });

  it('garbage, truncated and empty outputs give unknown with a reason, and nothing else is lost', async () => {
    let capture = await loadCapture(join(FIXTURES, 'macos14-auto-check-off'));
    capture = replace(capture, 'defaults-read /Library/Preferences/com.apple.SoftwareUpdate', (e) => ({ ...e, stdout: '{\n    AutomaticCheckEnabled = 0;\n    AutomaticDown' }));
    capture = replace(capture, 'system_profiler-applications', (e) => ({ ...e, stdout: '' }));
    capture = replace(capture, 'socketfilterfw-globalstate', (e) => ({ ...e, stdout: 'zsh: killed\n' }));
    capture = replace(capture, 'sw_vers', (e) => ({ ...e, stdout: '<html>proxy error</html>' }));
    const report = await replay(capture);
    for (const id of ['os-support', 'auto-updates', 'firewall']) {
      expect(finding(report, id).state, id).toBe('unknown');
      expect(finding(report, id).reason, id).toBeTruthy();
    }
    expect(report.inventory.applications).toEqual([]);
    expect(report.probes.find((p) => p.id === 'macos-inventory')?.error).toContain('sortie vide');
    expect(finding(report, 'pending-updates').state).toBe('attention');
  });

  it('no Software Update preference file at all: unknown, never assumed on', async () => {
    const capture = replace(await loadCapture(join(FIXTURES, 'macos14-auto-check-off')), '/Library/Preferences/com.apple.SoftwareUpdate.plist', (e) => ({ ...e, value: false }));
    const au = finding(await replay(capture), 'auto-updates');
    expect(au.state).toBe('unknown');
    expect(au.detail).toContain('ne sont pas écrits sur ce Mac');
  });
});

describe('macOS parsers on real outputs', () => {
  it('defaults read (real Sequoia capture, nested dictionaries and dates)', () => {
    const text = `{
    AutomaticCheckEnabled = 1;
    FirstInstallTonightDateDictionary =     {
        "MSU_UPDATE_24G830_patch_15.7.9_minor" = "2026-08-29 10:03:39 +0000";
    };
    PrimaryLanguages =     (
        fr,
        "fr-FR"
    );
    LastRecommendedUpdatesAvailable = 1;
}`;
    const v = parseOldStylePlist(text) as Record<string, unknown>;
    expect(plistBool(v.AutomaticCheckEnabled as string)).toBe(true);
    expect(v.PrimaryLanguages).toEqual(['fr', 'fr-FR']);
    expect((v.FirstInstallTonightDateDictionary as Record<string, string>)['MSU_UPDATE_24G830_patch_15.7.9_minor']).toBe('2026-08-29 10:03:39 +0000');
    expect(() => parseOldStylePlist('{ A = 1; B = ')).toThrow();
    expect(() => parseOldStylePlist('Domain /Library/Preferences/x does not exist')).toThrow();
  });

  it('absent keys are unknown; a partial setup (security responses only) is off', () => {
    expect(macosAutoUpdateFacts({ local: { AutomaticCheckEnabled: '1' }, managed: null, commerce: null }).enabled).toBeNull();
    const partial = macosAutoUpdateFacts({
      local: { AutomaticCheckEnabled: '1', AutomaticDownload: '1', AutomaticallyInstallMacOSUpdates: '0', CriticalUpdateInstall: '1' },
      managed: null,
      commerce: { AutoUpdate: '0' },
    });
    expect(partial).toMatchObject({ enabled: false, managed: false, storeApps: false });
  });

  it('sw_vers with a Rapid Security Response (real 14.4.1 (a) output)', () => {
    const os = parseSwVers('ProductName:\t\tmacOS\nProductVersion:\t\t14.4.1\nProductVersionExtra:\t(a)\nBuildVersion:\t\t23E224\n');
    expect(os).toMatchObject({ family: 'macos', name: 'macOS Sonoma', version: '14.4.1 (a)', build: '23E224' });
    expect(() => parseSwVers('')).toThrow();
  });

  it('profiles enrolment', () => {
    expect(parseProfilesEnrollment('Enrolled via DEP: No\nMDM enrollment: No\n')).toBe(false);
    expect(parseProfilesEnrollment('Enrolled via DEP: Yes\nMDM enrollment: Yes (User Approved)\n')).toBe(true);
    expect(parseProfilesEnrollment('profiles: command not found')).toBeNull();
  });

  it('softwareupdate -l: the real Ventura listing (github.com/Macjutsu/super #151) and the empty answer on stderr', () => {
    const real = `Software Update Tool

Finding available software
Software Update found the following new or updated software:
* Label: Safari17.0VenturaAuto-17.0
\tTitle: Safari, Version: 17.0, Size: 161835KiB, Recommended: YES, 
* Label: macOS Ventura 13.6-22G120
\tTitle: macOS Ventura 13.6, Version: 13.6, Size: 594108KiB, Recommended: YES, Action: restart, 
* Label: macOS Sonoma 14.0-23A344
\tTitle: macOS Sonoma 14.0, Version: 14.0, Size: 4404034KiB, Recommended: YES, Action: restart, 
`;
    const { pending, reboot } = parseSoftwareUpdateList(real);
    expect(pending.total).toBe(3);
    expect(pending.items.map((i) => [i.name, i.version, i.restartRequired])).toEqual([
      ['Safari', '17.0', false],
      ['macOS Ventura 13.6', '13.6', true],
      ['macOS Sonoma 14.0', '14.0', true],
    ]);
    expect(reboot).toMatchObject({ required: true, causes: ['macOS Ventura 13.6', 'macOS Sonoma 14.0'] });
    expect(parseSoftwareUpdateList('\nSoftware Update Tool\n\nFinding available software\nNo new software available.\n').pending.total).toBe(0);
    expect(() => parseSoftwareUpdateList('Software Update Tool\n\nFinding available software\n')).toThrow();
  });

  it('socketfilterfw: enabled, disabled, block-all (State = 2), garbage', () => {
    expect(parseSocketFilterFw('Firewall is enabled. (State = 1)\n').enabled).toBe(true);
    expect(parseSocketFilterFw('Firewall is disabled. (State = 0)\n').enabled).toBe(false);
    expect(parseSocketFilterFw('Firewall is blocking all non-essential incoming connections. (State = 2)').enabled).toBe(true);
    expect(() => parseSocketFilterFw('')).toThrow();
  });

  it('install history keeps ISO dates only, newest first', () => {
    const items = parseInstallHistory(
      JSON.stringify({
        SPInstallHistoryDataType: [
          { _name: 'macOS 15.2', install_date: '2025-01-26T01:14:30Z', install_version: '15.2', package_source: 'package_source_apple' },
          { _name: 'Agente Exemplo', install_date: '2026-07-22T16:40:06Z', install_version: '8.2.1', package_source: 'package_source_other' },
          { _name: 'Odd', install_date: '26/01/2025 01:14', package_source: 'package_source_apple' },
        ],
      }),
    );
    expect(items.map((i) => i.name)).toEqual(['Agente Exemplo', 'macOS 15.2']);
    expect(() => parseInstallHistory('{"SPInstallHistoryDataType": [')).toThrow();
  });

  it('applications JSON without the list is an error, not an empty inventory', () => {
    expect(() => parseApplications('{}')).toThrow();
    expect(parseApplications('{"SPApplicationsDataType":[]}').applications).toEqual([]);
  });
});

describe('verifying a change from an "after" capture (helper for the auto-updates work)', () => {
  it('the Sonoma Mac before and after the five keys are written', async () => {
    const { macosAutoUpdatesFromDefaults } = await import('./parse');
    const capture = await loadCapture(join(FIXTURES, 'macos14-auto-check-off'));
    const local = capture.entries.find((e) => e.key === 'defaults-read /Library/Preferences/com.apple.SoftwareUpdate')!.stdout!;
    expect(macosAutoUpdatesFromDefaults({ local, managed: null, commerce: null }).enabled).toBe(false);
    const after = local.replace(/= 0;/g, '= 1;');
    expect(macosAutoUpdatesFromDefaults({ local: after, managed: null, commerce: '{\n    AutoUpdate = 1;\n}\n' })).toMatchObject({ enabled: true, managed: false, storeApps: true });
  });
});

describe('AutomaticCheckEnabled absent from the file (common on a fresh Mac)', () => {
  it('macOS is asked for the effective check state (softwareupdate --schedule); the other keys still decide', async () => {
    const { macosAutoUpdateFacts, parseSoftwareUpdateSchedule } = await import('./parse');
    // Real output published with a Mac whose file lacks AutomaticCheckEnabled.
    expect(parseSoftwareUpdateSchedule('Automatic checking for updates is turned on\n')).toBe(true);
    expect(parseSoftwareUpdateSchedule('Automatic checking for updates is turned off\n')).toBe(false);
    expect(parseSoftwareUpdateSchedule('')).toBeNull();
    const local = { AutomaticDownload: '1', AutomaticallyInstallMacOSUpdates: '1', ConfigDataInstall: '1', CriticalUpdateInstall: '1' };
    const on = macosAutoUpdateFacts({ local, managed: null, commerce: null, scheduleOn: true });
    expect(on.enabled).toBe(true);
    expect(on.settings).toContainEqual({ source: 'softwareupdate --schedule', value: true });
    expect(macosAutoUpdateFacts({ local, managed: null, commerce: null, scheduleOn: null }).enabled).toBeNull();
  });

  it('in a replay: the key removed from the file, --schedule answers', async () => {
    let capture = await loadCapture(join(FIXTURES, 'macos14-auto-check-off'));
    capture = replace(capture, 'defaults-read /Library/Preferences/com.apple.SoftwareUpdate', (e) => ({
      ...e,
      stdout: '{\n    AutomaticDownload = 1;\n    AutomaticallyInstallMacOSUpdates = 1;\n    ConfigDataInstall = 1;\n    CriticalUpdateInstall = 1;\n}\n',
    }));
    capture = {
      ...capture,
      entries: [
        ...capture.entries,
        { kind: 'exec', key: 'softwareupdate-schedule', probe: 'macos-auto-updates', file: '/usr/sbin/softwareupdate', args: ['--schedule'], stdout: 'Automatic checking for updates is turned on\n', stderr: '', exitCode: 0 },
      ],
    };
    // Read as on (not « off »): only the evidence that it ran is missing from this capture.
    expect(finding(await replay(capture), 'auto-updates').key).toBe('truth:autoUpdates.unverified');
  });
});
