/**
 * The typed operations a plan is made of, and their allow-lists. The elevated side accepts
 * nothing else: every file path, registry key, preference domain and command below is fixed
 * in this file, so a plan file can only ever touch these places.
 */
import { z } from 'zod';
import { packageUpgradeLine, packageUpgradeSchema } from './package-upgrade';

/** The only mode the elevated side writes files with (world-readable, writable by root only). */
export const APP_FILE_MODE = 0o644;

/** Files the app may write or remove (its own files, and dnf-automatic's configuration). */
export const ALLOWED_FILES = [
  '/etc/apt/apt.conf.d/52revision-auto-upgrades',
  '/etc/systemd/system/apt-daily-upgrade.timer.d/revision-schedule.conf',
  '/etc/dnf/automatic.conf',
  '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf',
] as const;
export type AllowedFile = (typeof ALLOWED_FILES)[number];

/** Folders the app may create for its files (and remove again when it created them and they are empty). */
export const ALLOWED_DIRS = [
  '/etc/systemd/system/apt-daily-upgrade.timer.d',
  '/etc/systemd/system/dnf-automatic.timer.d',
] as const;

/** Windows registry keys the app may change values under. */
export const ALLOWED_REGISTRY_KEYS = [
  'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsStore\\WindowsUpdate',
] as const;

/** Registry value names the app may set or delete. */
export const ALLOWED_REGISTRY_VALUES = [
  'NoAutoUpdate',
  'AUOptions',
  'ScheduledInstallDay',
  'ScheduledInstallTime',
  'AllowMUUpdateService',
  'AutoDownload',
] as const;

/** Registry value types the app writes (and restores). */
export const REGISTRY_TYPES = ['REG_DWORD', 'REG_SZ', 'REG_QWORD', 'REG_EXPAND_SZ'] as const;

/** macOS preference domains the app may change. */
export const ALLOWED_DEFAULTS_DOMAINS = [
  '/Library/Preferences/com.apple.SoftwareUpdate',
  '/Library/Preferences/com.apple.commerce',
] as const;

/** macOS preference keys the app may change. */
export const ALLOWED_DEFAULTS_KEYS = [
  'AutomaticCheckEnabled',
  'AutomaticDownload',
  'AutomaticallyInstallMacOSUpdates',
  'CriticalUpdateInstall',
  'ConfigDataInstall',
  'AutoUpdate',
] as const;

/** One allow-listed command: a fixed program and fixed arguments, nothing taken from data. */
export interface AllowedCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' } as const;
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=120'] as const;

/** The commands a plan may run, by id. Each is a fixed argument array. */
export const ALLOWED_COMMANDS = {
  'apt-update': { file: 'apt-get', args: [...APT_LOCK, 'update', '-q'], env: APT_ENV, timeoutMs: 300_000 },
  'apt-install-unattended-upgrades': {
    file: 'apt-get',
    args: [...APT_LOCK, 'install', '-y', '-q', 'unattended-upgrades'],
    env: APT_ENV,
    timeoutMs: 600_000,
  },
  'apt-purge-unattended-upgrades': {
    file: 'apt-get',
    args: [...APT_LOCK, 'purge', '-y', '-q', 'unattended-upgrades'],
    env: APT_ENV,
    timeoutMs: 600_000,
  },
  'dnf-install-dnf-automatic': { file: 'dnf', args: ['install', '-y', 'dnf-automatic'], timeoutMs: 600_000 },
  'dnf-remove-dnf-automatic': { file: 'dnf', args: ['remove', '-y', 'dnf-automatic'], timeoutMs: 600_000 },
  'systemctl-daemon-reload': { file: 'systemctl', args: ['daemon-reload'], timeoutMs: 60_000 },
  'systemctl-enable-dnf-automatic-timer': {
    file: 'systemctl',
    args: ['enable', '--now', 'dnf-automatic.timer'],
    timeoutMs: 60_000,
  },
  'systemctl-disable-dnf-automatic-timer': {
    file: 'systemctl',
    args: ['disable', '--now', 'dnf-automatic.timer'],
    timeoutMs: 60_000,
  },
} as const satisfies Record<string, AllowedCommand>;
export type CommandId = keyof typeof ALLOWED_COMMANDS;
export const commandIds = Object.keys(ALLOWED_COMMANDS) as [CommandId, ...CommandId[]];

const registryKey = z.enum(ALLOWED_REGISTRY_KEYS);
const registryValue = z.enum(ALLOWED_REGISTRY_VALUES);
/** Registry data as reg.exe takes it after /d: decimal for DWORD/QWORD, text otherwise. */
const registryData = z
  .string()
  .max(2000)
  .regex(/^[^\0\r\n]*$/);

/** Write a whole file with exact content (utf8 text, or base64 bytes when restoring). */
export const fileWriteSchema = z
  .object({
    op: z.literal('file-write'),
    path: z.enum(ALLOWED_FILES),
    content: z.string().max(200_000),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    /** File mode: only the app's own 0644 (no other mode, whatever the plan or the workspace says). */
    mode: z.literal(APP_FILE_MODE).default(APP_FILE_MODE),
  })
  .strict();

/** Remove a file; folders listed in removeDirs are removed afterwards when empty (the app created them). */
export const fileRemoveSchema = z
  .object({
    op: z.literal('file-remove'),
    path: z.enum(ALLOWED_FILES),
    removeDirs: z.array(z.enum(ALLOWED_DIRS)).default([]),
  })
  .strict();

/** Set one key of an INI file (dnf's automatic.conf), keeping every other line as it is. */
export const iniSetSchema = z
  .object({
    op: z.literal('ini-set'),
    path: z.literal('/etc/dnf/automatic.conf'),
    section: z.enum(['commands']),
    key: z.enum(['apply_updates', 'reboot', 'upgrade_type']),
    value: z.enum(['yes', 'no', 'never', 'when-needed', 'when-changed', 'default', 'security']),
  })
  .strict();

/** Set a registry value (reg add). */
export const registrySetSchema = z
  .object({
    op: z.literal('registry-set'),
    key: registryKey,
    name: registryValue,
    type: z.enum(REGISTRY_TYPES),
    data: registryData,
  })
  .strict();

/** Delete a registry value (reg delete). */
export const registryDeleteSchema = z
  .object({ op: z.literal('registry-delete'), key: registryKey, name: registryValue })
  .strict();

/** Delete a registry key the app created, only when it holds no value and no subkey (undo). */
export const registryDeleteKeySchema = z
  .object({ op: z.literal('registry-delete-key'), key: registryKey })
  .strict();

/** Create an empty registry key again (rollback of registry-delete-key). */
export const registryAddKeySchema = z
  .object({ op: z.literal('registry-add-key'), key: registryKey })
  .strict();

/** Write a macOS preference (defaults write DOMAIN KEY -bool|-int|-string VALUE). */
export const defaultsWriteSchema = z
  .object({
    op: z.literal('defaults-write'),
    domain: z.enum(ALLOWED_DEFAULTS_DOMAINS),
    key: z.enum(ALLOWED_DEFAULTS_KEYS),
    type: z.enum(['bool', 'int', 'string']),
    value: z
      .string()
      .max(200)
      .regex(/^[^\0\r\n]*$/),
  })
  .strict();

/** Delete a macOS preference (defaults delete DOMAIN KEY). */
export const defaultsDeleteSchema = z
  .object({
    op: z.literal('defaults-delete'),
    domain: z.enum(ALLOWED_DEFAULTS_DOMAINS),
    key: z.enum(ALLOWED_DEFAULTS_KEYS),
  })
  .strict();

/** Run one allow-listed command. `optional`: a failure is reported as skipped and rolls nothing back. */
export const commandSchema = z
  .object({ op: z.literal('command'), command: z.enum(commandIds), optional: z.boolean().default(false) })
  .strict();

/** Any operation. */
export const operationSchema = z.discriminatedUnion('op', [
  fileWriteSchema,
  fileRemoveSchema,
  iniSetSchema,
  registrySetSchema,
  registryDeleteSchema,
  registryDeleteKeySchema,
  registryAddKeySchema,
  defaultsWriteSchema,
  defaultsDeleteSchema,
  commandSchema,
  packageUpgradeSchema,
]);
export type Operation = z.infer<typeof operationSchema>;
/** An operation as written by planners (defaults may be left out). */
export type OperationInput = z.input<typeof operationSchema>;

/** The state of a target before an operation ran: what undo puts back. */
export const previousStateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    path: z.enum(ALLOWED_FILES),
    exists: z.boolean(),
    /** The previous bytes, base64 (exact, whatever the encoding). */
    contentBase64: z.string().optional(),
    mode: z.number().int().optional(),
    /** Folders the operation created (removed again on undo when empty). */
    createdDirs: z.array(z.enum(ALLOWED_DIRS)).default([]),
  }),
  z.object({
    kind: z.literal('registry'),
    key: registryKey,
    name: registryValue,
    exists: z.boolean(),
    type: z.enum(REGISTRY_TYPES).optional(),
    data: registryData.optional(),
    /** false: the key itself did not exist; undo removes it again when empty. */
    keyExisted: z.boolean().optional(),
  }),
  /** A registry key the operation removed (it was empty). */
  z.object({ kind: z.literal('registry-key'), key: registryKey }),
  z.object({
    kind: z.literal('defaults'),
    domain: z.enum(ALLOWED_DEFAULTS_DOMAINS),
    key: z.enum(ALLOWED_DEFAULTS_KEYS),
    exists: z.boolean(),
    type: z.enum(['bool', 'int', 'string']).optional(),
    value: z.string().optional(),
  }),
  /** A command changed something; `inverse` is the command that takes it back (none for reloads). */
  z.object({
    kind: z.literal('command'),
    command: z.enum(commandIds),
    inverse: z.enum(commandIds).nullable(),
  }),
]);
export type PreviousState = z.infer<typeof previousStateSchema>;

/** The command that undoes an allow-listed command, when there is one. */
export const INVERSE_COMMANDS: Partial<Record<CommandId, CommandId>> = {
  'apt-install-unattended-upgrades': 'apt-purge-unattended-upgrades',
  'dnf-install-dnf-automatic': 'dnf-remove-dnf-automatic',
  'systemctl-enable-dnf-automatic-timer': 'systemctl-disable-dnf-automatic-timer',
};

/** The exact argument array handed to reg.exe / defaults for an operation (also the technical view). */
export function commandLineOf(op: Operation): { file: string; args: string[] } | null {
  switch (op.op) {
    case 'registry-set':
      return { file: 'reg.exe', args: ['add', op.key, '/v', op.name, '/t', op.type, '/d', op.data, '/f'] };
    case 'registry-delete':
      return { file: 'reg.exe', args: ['delete', op.key, '/v', op.name, '/f'] };
    case 'registry-delete-key':
      return { file: 'reg.exe', args: ['delete', op.key, '/f'] };
    case 'registry-add-key':
      return { file: 'reg.exe', args: ['add', op.key, '/f'] };
    case 'defaults-write':
      return { file: 'defaults', args: ['write', op.domain, op.key, `-${op.type}`, op.value] };
    case 'defaults-delete':
      return { file: 'defaults', args: ['delete', op.domain, op.key] };
    case 'command': {
      const c = ALLOWED_COMMANDS[op.command];
      return { file: c.file, args: [...c.args] };
    }
    case 'package-upgrade':
      return packageUpgradeLine(op.package);
    default:
      return null;
  }
}

/** One line of the technical view for the prestataire. */
export function technicalLine(op: Operation): string {
  const line = commandLineOf(op);
  if (line) {
    const apt = op.op === 'package-upgrade' || (op.op === 'command' && 'env' in ALLOWED_COMMANDS[op.command]);
    const env = apt ? 'DEBIAN_FRONTEND=noninteractive ' : '';
    // Shown the way the prestataire would type it: cmd quoting for reg.exe, POSIX quoting elsewhere.
    const windows = line.file === 'reg.exe';
    const quoteOne = (a: string): string => {
      if (a !== '' && !/[\s"'$`\\;&|*?<>()]/.test(windows ? a.replace(/\\/g, '') : a)) return a;
      return windows ? `"${a.replace(/"/g, '\\"')}"` : `'${a.replace(/'/g, `'\\''`)}'`;
    };
    const quote = (args: readonly string[]): string => args.map(quoteOne).join(' ');
    // The install refreshes the package lists first (its failure is reported with the install's).
    const before =
      op.op === 'command' && op.command === 'apt-install-unattended-upgrades'
        ? `${env}apt-get ${quote(ALLOWED_COMMANDS['apt-update'].args)} && `
        : '';
    return `${before}${env}${line.file} ${quote(line.args)}${op.op === 'command' && op.optional ? ' (optional)' : ''}`;
  }
  switch (op.op) {
    case 'file-write': {
      if (op.encoding === 'base64')
        return `restore ${op.path} (${Buffer.from(op.content, 'base64').length} bytes, mode ${op.mode.toString(8)})`;
      return `write ${op.path} (mode ${op.mode.toString(8)}):\n${op.content.replace(/\n$/, '').replace(/^/gm, '    ')}`;
    }
    case 'file-remove':
      return `remove ${op.path}${op.removeDirs.length ? ` (+ empty ${op.removeDirs.join(', ')})` : ''}`;
    case 'ini-set':
      return `set ${op.path} [${op.section}] ${op.key} = ${op.value} (other lines kept)`;
    default:
      return JSON.stringify(op);
  }
}

/**
 * Sets `key = value` in `[section]` of an INI text and returns the whole new text, keeping every
 * other line byte for byte. The key is replaced where it is (even commented-out defaults stay
 * as they are); when absent it is added at the end of the section; a missing section is appended.
 */
export function setIniValue(text: string, section: string, key: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const trailing = lines.length > 0 && lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  let current = '';
  let sectionStart = -1;
  let sectionEnd = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    const s = /^\[(.+)\]$/.exec(line);
    if (s?.[1]) {
      if (current === section && sectionEnd === -1) sectionEnd = i;
      current = s[1].trim();
      if (current === section && sectionStart === -1) sectionStart = i;
      continue;
    }
    if (current !== section) continue;
    const kv = /^([^=#;]+?)\s*=/.exec(line);
    if (kv?.[1]?.trim() === key) {
      const indent = /^\s*/.exec(lines[i] ?? '')?.[0] ?? '';
      lines[i] = `${indent}${key} = ${value}`;
      return lines.join(eol) + (trailing ? eol : '');
    }
  }
  if (sectionStart === -1) {
    if (lines.length > 0 && lines[lines.length - 1]?.trim() !== '') lines.push('');
    lines.push(`[${section}]`, `${key} = ${value}`);
  } else {
    let insertAt = sectionEnd === -1 ? lines.length : sectionEnd;
    // Insert before the blank lines and comments that introduce the next section.
    while (insertAt - 1 > sectionStart && /^\s*([#;].*)?$/.test(lines[insertAt - 1] ?? '')) insertAt -= 1;
    lines.splice(insertAt, 0, `${key} = ${value}`);
  }
  return lines.join(eol) + (trailing || text === '' ? eol : '');
}
