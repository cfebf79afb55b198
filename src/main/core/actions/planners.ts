/**
 * From the checkup's facts to a plan: pure functions, one per OS family, that choose the typed
 * operations and the plain-language lines (keys under `plans:`). No I/O here: every OS's plan
 * is computed and tested on any host.
 */
import type { MachineFacts, Platform } from '../../../shared/facts';
import type { Schedule } from '../../../shared/workspace';
import type { OperationInput } from './operations';

/** A plain-language line before translation. */
export interface LineSpec {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What a planner returns. */
export interface ComputedPlan {
  readonly operations: readonly OperationInput[];
  readonly changes: readonly LineSpec[];
  readonly notChanged: readonly LineSpec[];
  readonly guide: readonly LineSpec[];
}

/** The hour updates run at night or at the weekend, and the hour a restart may happen after. */
export const SCHEDULE_HOURS = { install: 3, reboot: 4 } as const;

const APT_FILE = '/etc/apt/apt.conf.d/52revision-auto-upgrades';
const APT_TIMER_DROPIN = '/etc/systemd/system/apt-daily-upgrade.timer.d/revision-schedule.conf';
const DNF_FILE = '/etc/dnf/automatic.conf';
const DNF_TIMER_DROPIN = '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The app's own apt configuration file, exact content for a schedule. */
export function aptConfigContent(schedule: Schedule): string {
  const lines = [
    '// Written by Revision (automatic updates). "revision auto-updates undo" removes it.',
    'APT::Periodic::Update-Package-Lists "1";',
    'APT::Periodic::Unattended-Upgrade "1";',
  ];
  if (schedule !== 'always') {
    lines.push('Unattended-Upgrade::Automatic-Reboot "true";', `Unattended-Upgrade::Automatic-Reboot-Time "${pad(SCHEDULE_HOURS.reboot)}:00";`);
  }
  return lines.join('\n') + '\n';
}

/** A systemd timer drop-in that moves a timer to the night or to Saturday night. */
export function timerDropInContent(schedule: Exclude<Schedule, 'always'>): string {
  const when = schedule === 'night' ? `*-*-* ${pad(SCHEDULE_HOURS.install)}:00` : `Sat *-*-* ${pad(SCHEDULE_HOURS.install)}:00`;
  return [
    `# Written by Revision: updates ${schedule === 'night' ? 'every night' : 'on Saturday night'}. "revision auto-updates undo" removes it.`,
    '[Timer]',
    'OnCalendar=',
    `OnCalendar=${when}`,
    'RandomizedDelaySec=15m',
    '',
  ].join('\n');
}

const scheduleParams = (schedule: Schedule): Record<string, string | number> => ({ install: SCHEDULE_HOURS.install, reboot: SCHEDULE_HOURS.reboot, schedule });

function isManaged(facts: MachineFacts): boolean {
  return facts.autoUpdates?.managed === true || facts.os?.managed === true;
}

function linuxFamily(facts: MachineFacts): 'apt' | 'dnf' | null {
  const os = facts.os;
  if (!os) return null;
  if (os.packageManager === 'apt' || os.packageManager === 'dnf') return os.packageManager;
  const ids = [os.distroId ?? '', ...(os.distroIdLike ?? [])];
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'apt';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'dnf';
  if (facts.autoUpdates?.mechanism === 'unattended-upgrades') return 'apt';
  if (facts.autoUpdates?.mechanism === 'dnf-automatic') return 'dnf';
  return null;
}

/** Debian / Ubuntu: unattended-upgrades, the app's own apt file, and a timer drop-in for schedules. */
export function planDebian(facts: MachineFacts, schedule: Schedule): ComputedPlan {
  const au = facts.autoUpdates;
  const operations: OperationInput[] = [];
  const changes: LineSpec[] = [];
  const notChanged: LineSpec[] = [];
  const alreadyOn = au?.enabled === true;
  const scheduled = schedule !== 'always';
  if (alreadyOn && !scheduled) return { operations, changes, notChanged: [{ key: 'notChanged.alreadyOn' }], guide: [] };
  if (au?.installed !== true) {
    operations.push({ op: 'command', command: 'apt-install-unattended-upgrades' });
    changes.push({ key: 'changes.linuxInstall' });
  }
  operations.push({ op: 'file-write', path: APT_FILE, content: aptConfigContent(schedule), mode: 0o644 });
  if (!alreadyOn && !scheduled) changes.push({ key: 'changes.linuxEnable' });
  if (scheduled) {
    operations.push({ op: 'file-write', path: APT_TIMER_DROPIN, content: timerDropInContent(schedule), mode: 0o644 });
    operations.push({ op: 'command', command: 'systemctl-daemon-reload', optional: true });
    changes.push({ key: schedule === 'night' ? 'changes.linuxNight' : 'changes.linuxWeekend', params: scheduleParams(schedule) });
  } else {
    notChanged.push({ key: 'notChanged.noAutoReboot' });
  }
  return { operations, changes, notChanged, guide: [] };
}

/** Fedora / RHEL: dnf-automatic, apply_updates = yes in automatic.conf, and its timer. */
export function planFedora(facts: MachineFacts, schedule: Schedule): ComputedPlan {
  const au = facts.autoUpdates;
  const operations: OperationInput[] = [];
  const changes: LineSpec[] = [];
  const notChanged: LineSpec[] = [];
  const scheduled = schedule !== 'always';
  if (au?.enabled === true && !scheduled) return { operations, changes, notChanged: [{ key: 'notChanged.alreadyOn' }], guide: [] };
  if (au?.installed !== true) {
    operations.push({ op: 'command', command: 'dnf-install-dnf-automatic' });
    changes.push({ key: 'changes.linuxInstall' });
  }
  operations.push({ op: 'ini-set', path: DNF_FILE, section: 'commands', key: 'apply_updates', value: 'yes' });
  if (au?.enabled !== true && !scheduled) changes.push({ key: 'changes.linuxEnable' });
  if (scheduled) {
    operations.push({ op: 'ini-set', path: DNF_FILE, section: 'commands', key: 'reboot', value: 'when-needed' });
    operations.push({ op: 'file-write', path: DNF_TIMER_DROPIN, content: timerDropInContent(schedule), mode: 0o644 });
    operations.push({ op: 'command', command: 'systemctl-daemon-reload', optional: true });
    changes.push({ key: schedule === 'night' ? 'changes.linuxNight' : 'changes.linuxWeekend', params: scheduleParams(schedule) });
  } else {
    notChanged.push({ key: 'notChanged.noAutoReboot' });
  }
  operations.push({ op: 'command', command: 'systemctl-enable-dnf-automatic-timer' });
  return { operations, changes, notChanged, guide: [] };
}

const AU_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';
const STORE_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsStore\\WindowsUpdate';

/** The steps of the guided path on Windows Home (Paramètres > Windows Update). */
export const WINDOWS_HOME_GUIDE: readonly LineSpec[] = [
  { key: 'guide.windowsHome.open' },
  { key: 'guide.windowsHome.advanced' },
  { key: 'guide.windowsHome.otherProducts' },
  { key: 'guide.windowsHome.activeHours' },
  { key: 'guide.windowsHome.store' },
  { key: 'guide.windowsHome.check' },
];

/** Windows: policy values under …\WindowsUpdate\AU (Pro, Enterprise, Education, Server); Home is guided. */
export function planWindows(facts: MachineFacts, schedule: Schedule): ComputedPlan {
  const au = facts.autoUpdates;
  const operations: OperationInput[] = [];
  const changes: LineSpec[] = [];
  const notChanged: LineSpec[] = [];
  if (facts.os?.edition === 'home') {
    return { operations, changes, notChanged: [{ key: 'notChanged.windowsHome' }], guide: WINDOWS_HOME_GUIDE };
  }
  const dword = (name: 'NoAutoUpdate' | 'AUOptions' | 'ScheduledInstallDay' | 'ScheduledInstallTime' | 'AllowMUUpdateService', data: number): OperationInput => ({
    op: 'registry-set',
    key: AU_KEY,
    name,
    type: 'REG_DWORD',
    data: String(data),
  });
  const scheduled = schedule !== 'always';
  if (au?.enabled !== true || scheduled) {
    operations.push(dword('NoAutoUpdate', 0), dword('AUOptions', 4));
    if (scheduled) {
      operations.push(dword('ScheduledInstallDay', schedule === 'night' ? 0 : 7), dword('ScheduledInstallTime', SCHEDULE_HOURS.install));
      changes.push({ key: schedule === 'night' ? 'changes.windowsNight' : 'changes.windowsWeekend', params: scheduleParams(schedule) });
    } else {
      changes.push({ key: 'changes.windowsEnable', params: scheduleParams(schedule) });
    }
  }
  if (au?.otherProducts !== true) {
    operations.push(dword('AllowMUUpdateService', 1));
    changes.push({ key: 'changes.windowsOtherProducts' });
  }
  if (au?.storeApps !== true) {
    operations.push({ op: 'registry-set', key: STORE_KEY, name: 'AutoDownload', type: 'REG_DWORD', data: '4' });
    changes.push({ key: 'changes.windowsStore' });
  }
  if (operations.length === 0) notChanged.push({ key: 'notChanged.alreadyOn' });
  return { operations, changes, notChanged, guide: [] };
}

const SU_DOMAIN = '/Library/Preferences/com.apple.SoftwareUpdate';
const COMMERCE_DOMAIN = '/Library/Preferences/com.apple.commerce';
/** The five Software Update keys that together mean "install macOS updates by itself". */
export const MACOS_UPDATE_KEYS = ['AutomaticCheckEnabled', 'AutomaticDownload', 'AutomaticallyInstallMacOSUpdates', 'CriticalUpdateInstall', 'ConfigDataInstall'] as const;

/** The value a macOS key was read with, from the facts' settings (source ends with the key name). */
function macosSetting(facts: MachineFacts, key: string): boolean | null {
  // The local file's value (the managed file's, when there is one, makes the machine managed anyway).
  const read = facts.autoUpdates?.settings.find((s) => s.source === `${SU_DOMAIN} ${key}`);
  if (!read) return null;
  if (read.value === true || read.value === 1 || read.value === '1' || read.value === 'true') return true;
  if (read.value === false || read.value === 0 || read.value === '0' || read.value === 'false') return false;
  return null;
}

/** macOS: the five Software Update keys and App Store AutoUpdate, with `defaults write … -bool true`. */
export function planMacos(facts: MachineFacts, schedule: Schedule): ComputedPlan {
  const au = facts.autoUpdates;
  const operations: OperationInput[] = [];
  const changes: LineSpec[] = [];
  const notChanged: LineSpec[] = [];
  const systemKeys = MACOS_UPDATE_KEYS.filter((key) => au?.enabled !== true || macosSetting(facts, key) !== true);
  for (const key of systemKeys) operations.push({ op: 'defaults-write', domain: SU_DOMAIN, key, type: 'bool', value: 'true' });
  if (systemKeys.some((k) => k !== 'CriticalUpdateInstall' && k !== 'ConfigDataInstall')) changes.push({ key: 'changes.macosSystem' });
  if (systemKeys.includes('CriticalUpdateInstall') || systemKeys.includes('ConfigDataInstall')) changes.push({ key: 'changes.macosSecurity' });
  if (au?.storeApps !== true) {
    operations.push({ op: 'defaults-write', domain: COMMERCE_DOMAIN, key: 'AutoUpdate', type: 'bool', value: 'true' });
    changes.push({ key: 'changes.macosAppStore' });
  }
  if (schedule !== 'always') notChanged.push({ key: 'notChanged.macosSchedule' });
  if (operations.length === 0) notChanged.push({ key: 'notChanged.alreadyOn' });
  return { operations, changes, notChanged, guide: [] };
}

/** The plan for a machine: managed machines and unknown systems are left alone, with the reason. */
export function computePlan(facts: MachineFacts, schedule: Schedule, platform: Platform): ComputedPlan {
  const nothing = (key: string, params?: Record<string, string | number>): ComputedPlan => ({
    operations: [],
    changes: [],
    notChanged: [{ key, ...(params ? { params } : {}) }],
    guide: [],
  });
  if (!facts.os) return nothing('notChanged.unknownSystem');
  if (isManaged(facts)) return nothing('notChanged.managed');
  switch (platform) {
    case 'linux': {
      if (facts.autoUpdates?.mechanism && /dnf5/.test(facts.autoUpdates.mechanism)) return nothing('notChanged.unsupported', { name: facts.os.name });
      const family = linuxFamily(facts);
      if (family === 'apt') return planDebian(facts, schedule);
      if (family === 'dnf') return planFedora(facts, schedule);
      return nothing('notChanged.unsupported', { name: facts.os.name });
    }
    case 'win32':
      return planWindows(facts, schedule);
    case 'darwin':
      return planMacos(facts, schedule);
  }
}
