/**
 * Facts: what the probes read off a machine, normalised across Windows, macOS and Linux.
 * Probes fill these; pure functions in the core (findings) judge them. A value of `null`
 * always means "not known", never "no" or "off".
 */

/** The operating systems the core knows how to inspect (Node's `process.platform` names). */
export type Platform = 'linux' | 'win32' | 'darwin';

/** Identity of the operating system. */
export interface OsFacts {
  readonly family: 'linux' | 'windows' | 'macos';
  /** Human name, e.g. "Debian GNU/Linux", "Windows 11 Professionnel", "macOS Sonoma". */
  readonly name: string;
  /** Version as its vendor writes it: "12", "22H2", "14.6.1". */
  readonly version: string;
  /** Exact build: kernel/package version on Linux, "22631.4317" on Windows, "23G93" on macOS. */
  readonly build: string | null;
  /** Windows edition family, when known. */
  readonly edition?: 'home' | 'pro' | 'enterprise' | 'education' | 'server' | null;
  /** Raw edition id as the OS reports it (e.g. "Professional", "ServerStandard"). */
  readonly editionId?: string | null;
  /** Linux distribution id from os-release ("debian", "ubuntu", "fedora", "rhel"…). */
  readonly distroId?: string | null;
  readonly distroIdLike?: readonly string[];
  readonly codename?: string | null;
  readonly isServer: boolean;
  readonly arch: string | null;
  readonly hostname: string | null;
  /** Package manager family for Linux ("apt", "dnf"), null elsewhere. */
  readonly packageManager?: 'apt' | 'dnf' | 'zypper' | null;
  /** Whether an organisation manages the machine (domain, MDM, profiles), when known. */
  readonly managed?: boolean | null;
}

/** Hardware basics, from systeminformation. */
export interface HardwareFacts {
  readonly manufacturer: string | null;
  readonly model: string | null;
  readonly cpu: string | null;
  readonly memoryBytes: number | null;
}

/** One raw setting read, kept for the prestataire's technical annex. */
export interface SettingRead {
  /** Where it was read: an apt key, a registry path + value name, a plist key. */
  readonly source: string;
  readonly value: string | number | boolean | null;
}

/** Automatic-update configuration, as effective on the machine. */
export interface AutoUpdateFacts {
  /** true: the OS installs updates by itself; false: it does not; null: cannot tell. */
  readonly enabled: boolean | null;
  /** The mechanism in charge: "unattended-upgrades", "dnf-automatic", "windows-update", "softwareupdate". */
  readonly mechanism: string;
  /** Whether the mechanism's software is installed at all (Linux packages). */
  readonly installed?: boolean | null;
  /** Settings are imposed by an organisation (policy, MDM profile): the app must not offer to change them. */
  readonly managed: boolean;
  /** Automatic restart after updates, when known. */
  readonly autoReboot?: boolean | null;
  readonly rebootTime?: string | null;
  /** When updates run, as read (timer OnCalendar, policy schedule). */
  readonly schedule?: string | null;
  /** Updates of other vendor products (Office via Microsoft Update), when applicable. */
  readonly otherProducts?: boolean | null;
  /** Store / App Store application updates, when applicable. */
  readonly storeApps?: boolean | null;
  /** Every setting read, verbatim, for the technical annex. */
  readonly settings: readonly SettingRead[];
  /** Reasons why part of the state cannot be known (i18n keys under `facts:`), e.g. Windows Home. */
  readonly limits?: readonly string[];
  /** ISO date of the newest evidence that automatic updates actually ran (a successful search or install by the mechanism); null: no evidence found; absent: not read. */
  readonly lastRunAt?: string | null;
  /** Where lastRunAt was read (log file, registry key, plist key). */
  readonly lastRunSource?: string | null;
  /** Whether the scheduler that starts the mechanism is running (systemd/cron, the Windows Update service not disabled, macOS background scheduler); null: cannot tell. */
  readonly schedulerRunning?: boolean | null;
}

/** One entry of the update history. */
export interface UpdateHistoryEntry {
  /** ISO 8601 date-time. */
  readonly date: string;
  readonly title: string;
  readonly result?: 'succeeded' | 'failed' | 'other';
}

/** The last time updates were installed. */
export interface LastUpdateFacts {
  /** ISO 8601 date-time of the newest successful installation, null when none is recorded. */
  readonly lastInstalledAt: string | null;
  /** Where it was read ("/var/log/apt/history.log", "Windows Update Agent"…). */
  readonly source: string;
  readonly history: readonly UpdateHistoryEntry[];
}

/** One update waiting to be installed. */
export interface PendingUpdate {
  readonly name: string;
  readonly version?: string | null;
  readonly security: boolean;
  readonly restartRequired?: boolean;
}

/** Updates waiting to be installed. */
export interface PendingUpdatesFacts {
  readonly total: number;
  /** Number of security updates; null when the source cannot tell them apart. */
  readonly security: number | null;
  readonly items: readonly PendingUpdate[];
  readonly source: string;
  /** Windows: how many of `total` are drivers; null when not known. */
  readonly drivers?: number | null;
  /** Categories that were NOT searched (e.g. 'drivers'); when non-empty the finding never says that nothing is pending. */
  readonly notSearched?: readonly string[];
  /** Linux: age in days of the package lists the count comes from; over 7 the finding says the count may be low. */
  readonly listsAgeDays?: number | null;
}

/** One signal that a restart is pending. */
export interface RebootSignal {
  readonly name: string;
  readonly present: boolean;
  /** Weak signals (e.g. PendingFileRenameOperations) may be set by other software. */
  readonly weak: boolean;
}

/** Whether the machine waits for a restart to finish installing updates. */
export interface RebootFacts {
  readonly required: boolean;
  readonly signals: readonly RebootSignal[];
  /** Packages or updates that asked for the restart, when listed. */
  readonly causes?: readonly string[];
}

/** One antivirus product. */
export interface AntivirusProduct {
  readonly name: string;
  /** Protection switched on. */
  readonly enabled: boolean | null;
  readonly realTime?: boolean | null;
  /** Signatures reported current by the product itself. */
  readonly upToDate: boolean | null;
  /** ISO date-time of the signatures, when known. */
  readonly signatureDate: string | null;
  readonly signatureVersion?: string | null;
  /** Runs in passive mode because another antivirus is active (Defender). */
  readonly passive?: boolean;
  readonly source: string;
  /** A scanner that only scans on demand (ClamAV without clamd/on-access): never counts as real-time protection. */
  readonly onDemandOnly?: boolean;
}

/** Malware protection on the machine. */
export interface AntivirusFacts {
  readonly products: readonly AntivirusProduct[];
  /** The OS has built-in protection that cannot be switched off (XProtect). */
  readonly builtIn?: boolean;
}

/** One firewall profile or layer. */
export interface FirewallProfile {
  readonly name: string;
  readonly enabled: boolean | null;
}

/** The firewall state. */
export interface FirewallFacts {
  /** true: filtering on for every profile; false: off for at least one; null: cannot tell. */
  readonly enabled: boolean | null;
  readonly profiles: readonly FirewallProfile[];
  /** The tool that answered: "nftables", "ufw", "firewalld", "Windows Defender Firewall", "socketfilterfw". */
  readonly tool: string | null;
}

/** Where an installed program was found. */
export type AppSource =
  | 'dpkg'
  | 'rpm'
  | 'flatpak'
  | 'snap'
  | 'registry'
  | 'registry-32'
  | 'registry-user'
  | 'store'
  | 'macos-app'
  | 'manual';

/** One installed program. */
export interface InstalledApplication {
  readonly name: string;
  /** null: the program reports no version ("version inconnue"). */
  readonly version: string | null;
  readonly publisher: string | null;
  readonly source: AppSource;
  readonly installDate?: string | null;
  /** Linux: the package ships a desktop entry (a program a person opens), when the probe could tell. */
  readonly desktop?: boolean;
}

/** The software inventory. */
export interface InventoryFacts {
  readonly applications: readonly InstalledApplication[];
}

/** One program a package manager offers to update (winget, Homebrew, mas, softwareupdate). */
export interface ProgramUpdate {
  /** The name as the package manager shows it (without a trailing « … »). */
  readonly name: string;
  /** The name was cut by the package manager's table (« … »). */
  readonly truncated?: boolean;
  /** The package manager's id (winget id, Homebrew formula), used to update it. */
  readonly id?: string | null;
  /** Installed version as the package manager sees it; null when it says "Unknown" or a range. */
  readonly version: string | null;
  readonly available: string;
}

/** Updates offered for programs by the machine's package managers. */
export interface ProgramUpdatesFacts {
  /** The command that answered ("winget upgrade", "brew outdated"…). */
  readonly source: string;
  readonly items: readonly ProgramUpdate[];
}

/** Everything the probes collected; a section is absent when its probe failed. */
export interface MachineFacts {
  os?: OsFacts;
  hardware?: HardwareFacts;
  autoUpdates?: AutoUpdateFacts;
  lastUpdate?: LastUpdateFacts;
  pendingUpdates?: PendingUpdatesFacts;
  reboot?: RebootFacts;
  antivirus?: AntivirusFacts;
  firewall?: FirewallFacts;
  inventory?: InventoryFacts;
  programUpdates?: ProgramUpdatesFacts;
}

/** The keys of MachineFacts; each probe fills one or more. */
export type FactSection = keyof MachineFacts;
