import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseIni } from '../platforms/linux/auto-updates';
import { commandLineOf, operationSchema, setIniValue, technicalLine } from './operations';

const FEDORA_CONF = new URL('../../../../tests/fixtures/linux/fedora/automatic.conf', import.meta.url);

describe('operations: exact commands handed to the OS', () => {
  it('a Windows policy value becomes exactly the documented reg.exe argument array', () => {
    const op = operationSchema.parse({
      op: 'registry-set',
      key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU',
      name: 'NoAutoUpdate',
      type: 'REG_DWORD',
      data: '0',
    });
    expect(commandLineOf(op)).toEqual({
      file: 'reg.exe',
      args: ['add', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', '/v', 'NoAutoUpdate', '/t', 'REG_DWORD', '/d', '0', '/f'],
    });
    const del = operationSchema.parse({ op: 'registry-delete', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'AUOptions' });
    expect(commandLineOf(del)?.args).toEqual(['delete', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', '/v', 'AUOptions', '/f']);
  });

  it('a macOS preference becomes exactly `defaults write DOMAIN KEY -bool true`', () => {
    const op = operationSchema.parse({ op: 'defaults-write', domain: '/Library/Preferences/com.apple.SoftwareUpdate', key: 'AutomaticDownload', type: 'bool', value: 'true' });
    expect(commandLineOf(op)).toEqual({ file: 'defaults', args: ['write', '/Library/Preferences/com.apple.SoftwareUpdate', 'AutomaticDownload', '-bool', 'true'] });
  });

  it('the apt install is a fixed, non-interactive command, refreshed lists first', () => {
    const op = operationSchema.parse({ op: 'command', command: 'apt-install-unattended-upgrades' });
    expect(commandLineOf(op)).toEqual({ file: 'apt-get', args: ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '-q', 'unattended-upgrades'] });
    expect(technicalLine(op)).toBe(
      'DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 update -q && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -q unattended-upgrades',
    );
  });
});

describe('operations: the allow-list refuses anything else', () => {
  it.each([
    ['a file outside the allow-list', { op: 'file-write', path: '/etc/sudoers', content: 'x' }],
    ['a path that walks out', { op: 'file-remove', path: '/etc/apt/apt.conf.d/../../shadow' }],
    ['a command not on the list', { op: 'command', command: 'rm-rf' }],
    ['extra arguments on a command', { op: 'command', command: 'systemctl-daemon-reload', args: ['--now'] }],
    ['another registry key', { op: 'registry-set', key: 'HKLM\\SYSTEM\\CurrentControlSet', name: 'NoAutoUpdate', type: 'REG_DWORD', data: '0' }],
    ['a registry value with a line break', { op: 'registry-set', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'AUOptions', type: 'REG_SZ', data: '4\n/f' }],
    ['another preference domain', { op: 'defaults-write', domain: '/Library/Preferences/com.apple.loginwindow', key: 'AutoUpdate', type: 'bool', value: 'true' }],
    ['an unknown operation', { op: 'shell', script: 'curl x | sh' }],
  ])('refuses %s', (_label, op) => {
    expect(operationSchema.safeParse(op).success).toBe(false);
  });
});

describe('setIniValue on the published Fedora automatic.conf', () => {
  it('switches apply_updates to yes and keeps every other byte', async () => {
    const text = await readFile(FEDORA_CONF, 'utf8');
    const next = setIniValue(text, 'commands', 'apply_updates', 'yes');
    expect(parseIni(next).commands?.apply_updates).toBe('yes');
    const before = text.split('\n');
    const after = next.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((l, i) => (l === before[i] ? null : [before[i], l])).filter(Boolean);
    expect(changed).toEqual([['apply_updates = no', 'apply_updates = yes']]);
    // Applying again changes nothing: the executor reports "already".
    expect(setIniValue(next, 'commands', 'apply_updates', 'yes')).toBe(next);
  });

  it('adds a missing key at the end of its section, not in the next one', async () => {
    const text = await readFile(FEDORA_CONF, 'utf8');
    const next = setIniValue(text, 'commands', 'reboot', 'when-needed');
    const ini = parseIni(next);
    expect(ini.commands?.reboot).toBe('when-needed');
    expect(ini.emitters?.reboot).toBeUndefined();
    expect(next.replace('reboot = when-needed\n', '')).toBe(text);
  });

  it('adds the section when the file lacks it', () => {
    expect(setIniValue('[base]\ndebuglevel = 1\n', 'commands', 'apply_updates', 'yes')).toBe('[base]\ndebuglevel = 1\n\n[commands]\napply_updates = yes\n');
  });
});
