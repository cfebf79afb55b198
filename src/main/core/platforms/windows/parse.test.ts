import { describe, expect, it } from 'vitest';
import type { OsFacts } from '../../../../shared/facts';
import { WINDOWS_CHECKUP_SCRIPT } from './checkup-script';
import {
  decodeProductState,
  isoDate,
  parseWindowsCheckupOutput,
  parseWuaSearchOutput,
  windowsAntivirusFacts,
  windowsAutoUpdateFacts,
  windowsFirewallFacts,
  windowsInventoryFacts,
  windowsOsFacts,
  windowsRebootFacts,
} from './parse';
import { POWERSHELL_BOOTSTRAP, encodePowerShellCommand, isScriptBlocked, powershellSpec } from './powershell';
import { WINDOWS_WUA_SEARCH_SCRIPT } from './wua-search-script';
import { windowsCheckupCommand } from './index';

const pro: OsFacts = { family: 'windows', name: 'Windows 11 Pro', version: '25H2', build: '26200.6899', edition: 'pro', isServer: false, arch: 'x64', hostname: null, managed: false };
const home: OsFacts = { ...pro, edition: 'home', name: 'Windows 11 Famille' };
const now = new Date('2026-11-22T10:00:00Z');

describe('SecurityCenter2 productState decoding (real published values)', () => {
  it.each([
    [397568, 'on', true, true], // Windows Defender, on, up to date (os-facts.md)
    [393472, 'off', true, true], // Windows Defender, off (TryHackMe output, beside Bitdefender)
    [266240, 'on', true, false], // Bitdefender Antivirus, Trend Micro, Kaspersky Endpoint Security 10
    [331776, 'on', true, false], // Sophos Home
    [397584, 'on', false, true], // Defender on, signatures out of date (derived)
  ])('%i → %s', (value, state, upToDate, microsoft) => {
    expect(decodeProductState(value)).toEqual({ state, upToDate, microsoft });
  });
});

describe('dates', () => {
  it('reads ISO 8601 only; a French or US localised date is refused, never guessed', () => {
    expect(isoDate('2023-09-04T07:28:08.0000000Z')).toBe('2023-09-04T07:28:08.000Z');
    expect(isoDate('04/09/2023 07:28:08')).toBeNull();
    expect(isoDate('9/4/2023 7:28:08 AM')).toBeNull();
    expect(isoDate('lundi 4 septembre 2023')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });
});

describe('identity', () => {
  it('Windows 11 still says "Windows 10 Pro" in ProductName: the build and caption decide', () => {
    const os = windowsOsFacts({ productName: 'Windows 10 Pro', editionId: 'Professional', displayVersion: '25H2', currentBuild: '26200', ubr: 6899, caption: 'Microsoft Windows 11 Professionnel', productType: 1, installationType: 'Client', architecture: 'AMD64', partOfDomain: false, mdmEnrollments: 0 });
    expect(os).toMatchObject({ name: 'Windows 11 Professionnel', version: '25H2', build: '26200.6899', edition: 'pro', isServer: false, arch: 'x64', managed: false });
  });
  it('domain-joined or MDM-enrolled PCs are managed; unknown stays null', () => {
    expect(windowsOsFacts({ currentBuild: '19045', editionId: 'Enterprise', productType: 1, partOfDomain: true, mdmEnrollments: 0 }).managed).toBe(true);
    expect(windowsOsFacts({ currentBuild: '19045', editionId: 'Enterprise', productType: 1, partOfDomain: false, mdmEnrollments: 1 }).managed).toBe(true);
    expect(windowsOsFacts({ currentBuild: '19045', editionId: 'Core', productType: 1 }).managed).toBeNull();
  });
  it('a server by ProductType', () => {
    expect(windowsOsFacts({ currentBuild: '17763', editionId: 'ServerStandard', productType: 3, releaseId: '1809' })).toMatchObject({ isServer: true, edition: 'server', version: '1809' });
  });
});

describe('automatic updates', () => {
  it('no policy on a Windows 11 client: Windows installs by itself', () => {
    const f = windowsAutoUpdateFacts({ policyAU: null, microsoftUpdateRegistered: false, storeAutoUpdateSetting: 'Enabled', wuauservStartType: 'Manual' }, pro, now);
    expect(f).toMatchObject({ enabled: true, managed: false, otherProducts: false, storeApps: true, mechanism: 'windows-update' });
  });
  it('AUOptions 4 with a schedule is on, AUOptions 3 (download, ask before installing) is off', () => {
    const on = windowsAutoUpdateFacts({ policyAU: { NoAutoUpdate: 0, AUOptions: 4, ScheduledInstallDay: 0, ScheduledInstallTime: 3 } }, pro, now);
    expect(on.enabled).toBe(true);
    expect(on.schedule).toBe('ScheduledInstallDay=0; ScheduledInstallTime=3');
    expect(on.settings).toContainEqual({ source: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\AUOptions', value: 4 });
    expect(windowsAutoUpdateFacts({ policyAU: { AUOptions: 3 } }, pro, now).enabled).toBe(false);
  });
  it('the Windows Update service disabled means off, whatever the policy', () => {
    expect(windowsAutoUpdateFacts({ policyAU: { AUOptions: 4 }, wuauservStartType: 'Disabled' }, pro, now).enabled).toBe(false);
  });
  it('updates paused until a future date are off for now, and say why', () => {
    const f = windowsAutoUpdateFacts({ uxSettings: { PauseUpdatesExpiryTime: '2026-12-06T10:00:00Z' } }, pro, now);
    expect(f.enabled).toBe(false);
    expect(f.limits).toContain('windows.paused');
    expect(windowsAutoUpdateFacts({ uxSettings: { PauseUpdatesExpiryTime: '2026-01-06T10:00:00Z' } }, pro, now).enabled).toBe(true);
  });
  it('on Home, a policy value is reported but flagged as not necessarily honoured', () => {
    const f = windowsAutoUpdateFacts({ policyAU: { NoAutoUpdate: 1 } }, home, now);
    expect(f.enabled).toBe(false);
    expect(f.limits).toContain('windows.homePolicy');
  });
  it('an organisation update server (WSUS) or a domain makes it managed', () => {
    expect(windowsAutoUpdateFacts({ policyAU: { UseWUServer: 1 }, policyWU: { WUServer: 'http://wsus.local:8530' } }, pro, now).managed).toBe(true);
    expect(windowsAutoUpdateFacts({}, { ...pro, managed: true }, now).managed).toBe(true);
  });
  it('Microsoft Update via the policy value, Store off by policy', () => {
    const f = windowsAutoUpdateFacts({ policyAU: { AllowMUUpdateService: 1 }, microsoftUpdateRegistered: null, storePolicy: { AutoDownload: 2 } }, pro, now);
    expect(f.otherProducts).toBe(true);
    expect(f.storeApps).toBe(false);
  });
  it('without the identity, nothing is assumed', () => {
    expect(windowsAutoUpdateFacts({}, null, now).enabled).toBeNull();
  });
});

describe('restart', () => {
  it('PendingFileRenameOperations alone is required but weak (the rule says "peut-être", attention at most)', () => {
    const r = windowsRebootFacts({ cbsRebootPending: false, wuRebootRequired: false, pendingFileRenameOperations: true, agentRebootRequired: false });
    expect(r.required).toBe(true);
    expect(r.signals.filter((s) => s.present).every((s) => s.weak)).toBe(true);
  });
  it('nothing pending', () => {
    expect(windowsRebootFacts({ cbsRebootPending: false, wuRebootRequired: false, pendingFileRenameOperations: false, agentRebootRequired: null }).required).toBe(false);
  });
});

describe('antivirus', () => {
  it('the same third-party product registered twice after an upgrade is merged, keeping the working instance', () => {
    const f = windowsAntivirusFacts(null, { antivirus: [{ displayName: 'ESET Security', productState: 393216 }, { displayName: 'ESET Security', productState: 266240 }] }, pro);
    expect(f?.products).toHaveLength(1);
    expect(f?.products[0]).toMatchObject({ name: 'ESET Security', enabled: true, upToDate: true });
  });
  it('Defender in passive mode is marked passive', () => {
    const f = windowsAntivirusFacts({ available: true, amServiceEnabled: true, antivirusEnabled: true, amRunningMode: 'Passive Mode', defenderSignaturesOutOfDate: false }, { antivirus: [] }, pro);
    expect(f?.products[0]?.passive).toBe(true);
  });
  it('no Defender module and no SecurityCenter2 on a client: unreadable', () => {
    expect(windowsAntivirusFacts(null, null, pro)).toBeNull();
  });
});

describe('firewall', () => {
  it('one profile off is off; NotConfigured is unknown', () => {
    expect(windowsFirewallFacts({ profiles: [{ name: 'Domain', enabled: 'True' }, { name: 'Public', enabled: 'False' }] }).enabled).toBe(false);
    expect(windowsFirewallFacts({ profiles: [{ name: 'Domain', enabled: 'NotConfigured' }] }).enabled).toBeNull();
    expect(windowsFirewallFacts({ profiles: [] }).enabled).toBeNull();
  });
});

describe('inventory', () => {
  it('hides system components and updates, merges the same program seen in two views, keeps unknown versions as null', () => {
    const inv = windowsInventoryFacts({
      registry: [
        { source: 'registry-32', name: 'Google Chrome', version: '131.0.6778.86', publisher: 'Google LLC' },
        { source: 'registry', name: 'Google Chrome', version: '131.0.6778.86', publisher: 'Google LLC', installDate: '20241203' },
        { source: 'registry', name: 'vs_CoreEditorFonts', version: '17.7.40001', systemComponent: true },
        { source: 'registry', name: 'Security Update for Microsoft Office 2016 (KB5002700) 32-Bit Edition', parentKeyName: 'Office16.PROPLUS' },
        { source: 'registry', name: 'Git', version: null, publisher: 'The Git Development Community', installDate: 'garbage' },
      ],
      store: { error: 'Get-AppxPackage: access denied' },
    });
    expect(inv.applications).toEqual([
      { name: 'Google Chrome', version: '131.0.6778.86', publisher: 'Google LLC', source: 'registry', installDate: '2024-12-03' },
      { name: 'Git', version: null, publisher: 'The Git Development Community', source: 'registry', installDate: null },
    ]);
  });
});

describe('script output', () => {
  it('refuses anything but one JSON object with known sections', () => {
    expect(() => parseWindowsCheckupOutput('')).toThrow(/rien renvoyé/);
    expect(() => parseWindowsCheckupOutput('[1,2]')).toThrow(/pas un objet/);
    expect(() => parseWindowsCheckupOutput('{"foo":1}')).toThrow(/aucune section/);
    expect(parseWindowsCheckupOutput('\uFEFF{"identity":{"error":"x"}}').identity).toEqual({ error: 'x' });
  });
  it('WUA search: definition updates left to the antivirus line; security from MSRC severity or category; failures throw', () => {
    const p = parseWuaSearchOutput(
      JSON.stringify({
        resultCode: 2,
        updates: [
          { title: 'A', kb: ['5068861'], msrcSeverity: 'Critical', categories: [], rebootBehavior: 1 },
          { title: 'B', kb: ['890830'], msrcSeverity: null, categories: [{ id: '0FA1201D-4330-4FA8-8AE9-B877473B6441' }], rebootBehavior: 0 },
          { title: 'C', kb: ['5066131'], msrcSeverity: null, categories: [{ id: '28bc880e-0592-4cbf-8f95-c79b17911d5f' }] },
          { title: 'D', kb: ['2267602'], categories: [{ id: 'e0789628-ce08-4437-be74-2495b842f43b' }] },
        ],
      }),
    );
    expect(p).toMatchObject({ total: 3, security: 2 });
    expect(p.items[0]).toMatchObject({ name: 'A', version: 'KB5068861', security: true, restartRequired: true });
    expect(() => parseWuaSearchOutput('{"resultCode":5,"updates":[]}')).toThrow(/code 5/);
    expect(() => parseWuaSearchOutput('{"resultCode":2,"upd')).toThrow(/illisible/);
  });
});

describe('how PowerShell is started', () => {
  it('scripts are constant ASCII text sent on standard input; no argument carries data', () => {
    for (const script of [WINDOWS_CHECKUP_SCRIPT, WINDOWS_WUA_SEARCH_SCRIPT]) {
      const nonAscii = [...script].filter((c) => c !== '\t' && c !== '\n' && c !== '\r' && (c < ' ' || c > '~'));
      expect(nonAscii).toEqual([]);
    }
    expect(windowsCheckupCommand.input).toBe(WINDOWS_CHECKUP_SCRIPT);
    expect(windowsCheckupCommand.args).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodePowerShellCommand(POWERSHELL_BOOTSTRAP)]);
    expect(Buffer.from(windowsCheckupCommand.args[5]!, 'base64').toString('utf16le')).toBe(POWERSHELL_BOOTSTRAP);
    expect(windowsCheckupCommand.env).toEqual({ REVISION_HISTORY_MAX: '200' });
    expect(powershellSpec('x', 'Write-Output 1', 1000).id).toBe('x');
  });
  it('every section of the script is wrapped so one failure does not lose the others', () => {
    for (const name of ['meta', 'identity', 'autoUpdates', 'history', 'reboot', 'defender', 'securityCenter', 'firewall', 'apps']) {
      expect(WINDOWS_CHECKUP_SCRIPT).toContain(`$result.${name} = Invoke-Section {`);
    }
    expect(WINDOWS_CHECKUP_SCRIPT).toContain('ConvertTo-Json -Depth 6 -Compress');
  });
  it('recognises a blocked-scripts error in English and French', () => {
    expect(isScriptBlocked('cannot be loaded because running scripts is disabled on this system.')).toBe(true);
    expect(isScriptBlocked("Impossible de charger le fichier C:\\x.ps1, car l'exécution de scripts est désactivée sur ce système.")).toBe(true);
    expect(isScriptBlocked('Get-CimInstance : Invalid namespace')).toBe(false);
  });
});

describe('a warning line printed before the JSON', () => {
  it('is skipped; the JSON line is read', () => {
    const doc = parseWindowsCheckupOutput('AVERTISSEMENT : module chargé avec des verbes non approuvés.\r\n{"identity":{"currentBuild":"19045"}}\r\n');
    expect(doc.identity).toEqual({ currentBuild: '19045' });
    expect(() => parseWindowsCheckupOutput('AVERTISSEMENT : rien\r\n{"identity":{"curr')).toThrow(/illisible/);
  });
});
