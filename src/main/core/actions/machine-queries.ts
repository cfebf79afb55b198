/**
 * What the elevated side reads from the machine before changing it (package installed, unit
 * enabled, registry value, macOS preference), and how it runs the allow-listed programs.
 */
import type { CommandResult, Host } from '../exec/host';
import { ALLOWED_COMMANDS, type CommandId } from './operations';
import { OperationError, errorText, reasonOfRunError, tail } from './operation-error';

/** Runs one allow-listed command (fixed program and arguments). */
export async function runAllowed(host: Host, id: CommandId): Promise<CommandResult> {
  const c = ALLOWED_COMMANDS[id];
  return host.run({
    id: `plan:${id}`,
    file: c.file,
    args: [...c.args],
    timeoutMs: c.timeoutMs,
    ...('env' in c ? { env: c.env } : {}),
  });
}

/** Runs reg.exe / defaults with an operation's fixed argument array; throws OperationError. */
export async function runOrThrow(host: Host, file: string, args: string[]): Promise<void> {
  try {
    await host.run({ file, args, timeoutMs: 60_000 });
  } catch (error) {
    throw new OperationError(reasonOfRunError(error), tail(errorText(error)));
  }
}

async function dpkgInstalled(host: Host, pkg: string): Promise<boolean> {
  const r = await host.run({
    id: `dpkg-status:${pkg}`,
    file: 'dpkg-query',
    args: ['-W', '-f=${Status}', pkg],
    okExitCodes: [0, 1],
    timeoutMs: 30_000,
  });
  return r.exitCode === 0 && /install ok installed/.test(r.stdout);
}

async function rpmInstalled(host: Host, pkg: string): Promise<boolean> {
  const r = await host.run({
    id: `rpm-q:${pkg}`,
    file: 'rpm',
    args: ['-q', pkg],
    okExitCodes: [0, 1],
    timeoutMs: 30_000,
  });
  return r.exitCode === 0;
}

async function unitEnabled(host: Host, unit: string): Promise<boolean> {
  const r = await host.run({
    id: `systemctl-is-enabled:${unit}`,
    file: 'systemctl',
    args: ['is-enabled', unit],
    okExitCodes: [0, 1],
    timeoutMs: 15_000,
  });
  return r.stdout.trim() === 'enabled';
}

/** Whether an allow-listed command's effect is already in place (nothing to run). */
export async function commandAlready(host: Host, id: CommandId): Promise<boolean> {
  switch (id) {
    case 'apt-install-unattended-upgrades':
      return dpkgInstalled(host, 'unattended-upgrades');
    case 'apt-purge-unattended-upgrades':
      return !(await dpkgInstalled(host, 'unattended-upgrades'));
    case 'dnf-install-dnf-automatic':
      return rpmInstalled(host, 'dnf-automatic');
    case 'dnf-remove-dnf-automatic':
      return !(await rpmInstalled(host, 'dnf-automatic'));
    case 'systemctl-enable-dnf-automatic-timer':
      return unitEnabled(host, 'dnf-automatic.timer');
    case 'systemctl-disable-dnf-automatic-timer':
      return !(await unitEnabled(host, 'dnf-automatic.timer'));
    default:
      return false;
  }
}

/** Parses `reg query KEY /v NAME` output: the value's type and data (DWORD/QWORD in decimal). */
export function parseRegQuery(stdout: string, name: string): { type: string; data: string } | null {
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s{4}(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line);
    if (!m || m[1] !== name || !m[2]) continue;
    const type = m[2];
    let data = m[3] ?? '';
    if ((type === 'REG_DWORD' || type === 'REG_QWORD') && /^0x[0-9a-f]+$/i.test(data.trim()))
      data = BigInt(data.trim()).toString(10);
    return { type, data };
  }
  return null;
}

/** `reg query KEY`: its listing, or null when the key does not exist (exit 1). */
export async function queryKey(host: Host, key: string): Promise<string | null> {
  const r = await host.run({
    id: `reg-query-key:${key}`,
    file: 'reg.exe',
    args: ['query', key],
    okExitCodes: [0, 1],
    timeoutMs: 15_000,
  });
  return r.exitCode === 0 ? r.stdout : null;
}

/** Whether a `reg query KEY` listing shows no value and no subkey. */
export function keyIsEmpty(listing: string, key: string): boolean {
  const full = key.replace(/^HKLM\\/, 'HKEY_LOCAL_MACHINE\\').toLowerCase();
  return listing
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .every((line) => line.trim().toLowerCase() === full);
}

/** One registry value, or null when the key or value is missing. */
export async function readRegistry(
  host: Host,
  key: string,
  name: string,
): Promise<{ type: string; data: string } | null> {
  // reg query exits 1 when the key or value is missing (the message is localised: the code is what counts).
  const r = await host.run({
    id: `reg-query:${key}:${name}`,
    file: 'reg.exe',
    args: ['query', key, '/v', name],
    okExitCodes: [0, 1],
    timeoutMs: 15_000,
  });
  if (r.exitCode === 1) return null;
  return parseRegQuery(r.stdout, name);
}

/** Normalises a `defaults read` answer to what `defaults write -TYPE` takes back. */
export function defaultsValue(type: 'bool' | 'int' | 'string', raw: string): string {
  const v = raw.trim();
  if (type === 'bool') return v === '1' || /^(true|yes)$/i.test(v) ? 'true' : 'false';
  return v;
}

/** One macOS preference with its type, or null when it is not set. */
export async function readDefaults(
  host: Host,
  domain: string,
  key: string,
): Promise<{ type: 'bool' | 'int' | 'string'; value: string } | null> {
  const typeRun = await host.run({
    id: `defaults-read-type:${domain}:${key}`,
    file: 'defaults',
    args: ['read-type', domain, key],
    okExitCodes: [0, 1],
    timeoutMs: 15_000,
  });
  if (typeRun.exitCode !== 0) return null;
  const typeText = typeRun.stdout.trim();
  const type = /boolean/.test(typeText)
    ? 'bool'
    : /integer/.test(typeText)
      ? 'int'
      : /string/.test(typeText)
        ? 'string'
        : null;
  if (!type) throw new OperationError('failed', `${domain} ${key}: type non pris en charge (${typeText})`);
  const valueRun = await host.run({
    id: `defaults-read:${domain}:${key}`,
    file: 'defaults',
    args: ['read', domain, key],
    timeoutMs: 15_000,
  });
  return { type, value: defaultsValue(type, valueRun.stdout) };
}
