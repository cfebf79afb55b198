/**
 * The executor on Windows and macOS, replayed: a replay Host answers only the reg.exe / defaults
 * exchanges of tests/fixtures/plans (any other command fails), so these tests prove the exact
 * commands run for apply and for undo; the checkup replayed on the "after" capture proves the
 * verification turns the voyant green. Files (Fedora) are real files under a temporary root.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheckup } from '../checkup/run-checkup';
import { createReplayHost, loadCapture } from '../exec/capture';
import { createLiveHost } from '../exec/live-host';
import { BACKUP_DIR, executeOperations, inverseOperations, keyIsEmpty, parseRegQuery } from './executor';
import { createLiveMachineFiles } from './machine-files';
import { operationSchema, type Operation } from './operations';
import { computePlan, timerDropInContent } from './planners';

const fixture = (rel: string): string => new URL(`../../../../tests/fixtures/${rel}`, import.meta.url).pathname;

async function replay(rel: string) {
  const capture = await loadCapture(fixture(rel));
  return { host: createReplayHost(capture), now: new Date(capture.manifest.now ?? capture.manifest.createdAt) };
}

async function autoUpdatesState(rel: string): Promise<string | undefined> {
  const { host, now } = await replay(rel);
  const report = await runCheckup({ host, now });
  return report.findings.find((f) => f.id === 'auto-updates')?.state;
}

/** Whether the checkup of a replayed machine reads its automatic-update settings as on. */
async function settingsOn(rel: string): Promise<boolean | null | undefined> {
  const { host, now } = await replay(rel);
  return (await runCheckup({ host, now })).facts.autoUpdates?.enabled;
}

const parseAll = (ops: readonly unknown[]): Operation[] => ops.map((op) => operationSchema.parse(op));

const tmpRoots: string[] = [];
afterEach(async () => {
  for (const dir of tmpRoots.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('Windows 11 Pro: apply, verify, undo (replayed)', () => {
  it('runs exactly the reg.exe commands of the plan, records the previous values, and undo restores them exactly', async () => {
    const { host: before } = await replay('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender');
    const facts = (await runCheckup({ host: before })).facts;
    const ops = parseAll(computePlan(facts, 'always', 'win32').operations);
    expect(await autoUpdatesState('windows/win11-25h2-pro-fr-policy-off-restart-bitdefender')).toBe('danger');

    const { host } = await replay('plans/win11-pro-reg-exchanges');
    const files = createLiveMachineFiles(await mkdtemp(join(tmpdir(), 'revision-unused-')));
    const applied = await executeOperations({ host, files }, ops);
    expect(applied.outcome).toBe('applied');
    expect(applied.operations.map((r) => [r.status, r.previous])).toEqual([
      ['done', { kind: 'registry', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'NoAutoUpdate', exists: true, type: 'REG_DWORD', data: '1' }],
      ['done', { kind: 'registry', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'AUOptions', exists: false, keyExisted: true }],
    ]);
    // Verification: the checkup of the machine after the change reads the settings on (whether they then run is judged on evidence).
    expect(await settingsOn('plans/win11-pro-after-apply')).toBe(true);

    const undo = inverseOperations(applied.operations);
    expect(undo).toEqual([
      { op: 'registry-delete', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'AUOptions' },
      { op: 'registry-set', key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', name: 'NoAutoUpdate', type: 'REG_DWORD', data: '1' },
    ]);
    const undone = await executeOperations({ host, files }, undo);
    expect(undone.operations.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('a PC without the policy key: undo deletes the values, then the key the plan created (left alone if someone else uses it)', async () => {
    const AU = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';
    const ops = parseAll([
      { op: 'registry-set', key: AU, name: 'NoAutoUpdate', type: 'REG_DWORD', data: '0' },
      { op: 'registry-set', key: AU, name: 'AUOptions', type: 'REG_DWORD', data: '4' },
    ]);
    const { host } = await replay('plans/win-no-policy-key-exchanges');
    const files = createLiveMachineFiles(await mkdtemp(join(tmpdir(), 'revision-unused-')));
    const applied = await executeOperations({ host, files }, ops);
    expect(applied.operations.map((r) => r.previous)).toEqual([
      { kind: 'registry', key: AU, name: 'NoAutoUpdate', exists: false, keyExisted: false },
      { kind: 'registry', key: AU, name: 'AUOptions', exists: false, keyExisted: true },
    ]);
    const undo = inverseOperations(applied.operations);
    expect(undo).toEqual([
      { op: 'registry-delete', key: AU, name: 'AUOptions' },
      { op: 'registry-delete', key: AU, name: 'NoAutoUpdate' },
      { op: 'registry-delete-key', key: AU },
    ]);
    expect((await executeOperations({ host, files }, undo)).operations.map((r) => r.status)).toEqual(['done', 'done', 'done']);
    const listing = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\r\n\r\n';
    expect(keyIsEmpty(listing, AU)).toBe(true);
    expect(keyIsEmpty(listing.replace(/\r\n\r\n$/, '\r\n    UseWUServer    REG_DWORD    0x1\r\n\r\n'), AU)).toBe(false);
  });

  it('reads reg query output (hex DWORD → decimal, strings with spaces, missing value)', () => {
    const out = '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\r\n    AUOptions    REG_DWORD    0x4\r\n    Note    REG_SZ    géré par le prestataire\r\n\r\n';
    expect(parseRegQuery(out, 'AUOptions')).toEqual({ type: 'REG_DWORD', data: '4' });
    expect(parseRegQuery(out, 'Note')).toEqual({ type: 'REG_SZ', data: 'géré par le prestataire' });
    expect(parseRegQuery(out, 'NoAutoUpdate')).toBeNull();
  });
});

describe('macOS 14: apply, verify, undo (replayed)', () => {
  it('writes only the keys that were off, reports the others as already so, and undo writes back the previous values', async () => {
    const { host: before } = await replay('macos/macos14-auto-check-off');
    const ops = parseAll(computePlan((await runCheckup({ host: before })).facts, 'always', 'darwin').operations);
    expect(await autoUpdatesState('macos/macos14-auto-check-off')).toBe('danger');

    const { host } = await replay('plans/macos14-defaults-exchanges');
    const files = createLiveMachineFiles(await mkdtemp(join(tmpdir(), 'revision-unused-')));
    const applied = await executeOperations({ host, files }, ops);
    expect(applied.operations.map((r) => r.status)).toEqual(['done', 'done', 'done', 'already', 'already']);
    expect(applied.operations[0]?.previous).toEqual({
      kind: 'defaults',
      domain: '/Library/Preferences/com.apple.SoftwareUpdate',
      key: 'AutomaticCheckEnabled',
      exists: true,
      type: 'bool',
      value: 'false',
    });
    expect(await settingsOn('plans/macos14-after-apply')).toBe(true);

    const undo = inverseOperations(applied.operations);
    expect(undo.map((op) => (op.op === 'defaults-write' ? `${op.key}=${op.value}` : op.op))).toEqual([
      'AutomaticallyInstallMacOSUpdates=false',
      'AutomaticDownload=false',
      'AutomaticCheckEnabled=false',
    ]);
    expect((await executeOperations({ host, files }, undo)).operations.map((r) => r.status)).toEqual(['done', 'done', 'done']);
  });
});

describe('files: exact writes and exact restores (real files under a temporary root)', () => {
  async function root(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'revision-root-'));
    tmpRoots.push(dir);
    return dir;
  }

  it('Fedora: apply_updates = yes in the published automatic.conf, every other byte and the mode kept; undo restores the original bytes', async () => {
    const dir = await root();
    await cp(fixture('linux/fedora/automatic.conf'), join(dir, 'etc/dnf/automatic.conf'), { recursive: true });
    const { chmod } = await import('node:fs/promises');
    await chmod(join(dir, 'etc/dnf/automatic.conf'), 0o640);
    const original = await readFile(join(dir, 'etc/dnf/automatic.conf'));
    const files = createLiveMachineFiles(dir);
    const host = createLiveHost();
    const op = operationSchema.parse({ op: 'ini-set', path: '/etc/dnf/automatic.conf', section: 'commands', key: 'apply_updates', value: 'yes' });
    const applied = await executeOperations({ host, files }, [op]);
    expect(applied.operations[0]?.status).toBe('done');
    const changed = await readFile(join(dir, 'etc/dnf/automatic.conf'), 'utf8');
    expect(changed).toBe(original.toString('utf8').replace('apply_updates = no', 'apply_updates = yes'));
    expect((await stat(join(dir, 'etc/dnf/automatic.conf'))).mode & 0o777).toBe(0o640);
    // Again: nothing to do.
    expect((await executeOperations({ host, files }, [op])).operations[0]?.status).toBe('already');

    await executeOperations({ host, files }, inverseOperations(applied.operations));
    expect((await readFile(join(dir, 'etc/dnf/automatic.conf'))).equals(original)).toBe(true);
  });

  it('a drop-in in a folder that did not exist: undo removes the file and the folder it created', async () => {
    const dir = await root();
    const files = createLiveMachineFiles(dir);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'etc/systemd/system'), { recursive: true });
    const op = operationSchema.parse({ op: 'file-write', path: '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf', content: timerDropInContent('night') });
    const applied = await executeOperations({ host: createLiveHost(), files }, [op]);
    expect(applied.operations[0]?.previous).toEqual({
      kind: 'file',
      path: '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf',
      exists: false,
      createdDirs: ['/etc/systemd/system/dnf-automatic.timer.d'],
    });
    const undo = inverseOperations(applied.operations);
    // The systemd reload comes last, and is optional (no systemd here: skipped, not a failure).
    expect(undo.at(-1)).toEqual({ op: 'command', command: 'systemctl-daemon-reload', optional: true });
    const undone = await executeOperations({ host: createLiveHost(), files }, undo);
    expect(undone.outcome).toBe('applied');
    expect(undone.operations.map((r) => r.status)).toEqual(['done', 'skipped']);
    expect(undone.operations[1]?.reason).toBe('systemd-not-running');
    await expect(stat(join(dir, 'etc/systemd/system/dnf-automatic.timer.d'))).rejects.toThrow();
    await expect(stat(join(dir, 'etc/systemd/system'))).resolves.toBeTruthy();
  });

  it('only the app’s own exact contents may be written; a restore must be bytes the elevated side itself saved', async () => {
    const dir = await root();
    const files = createLiveMachineFiles(dir);
    const host = createLiveHost();
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(dir, 'etc/apt/apt.conf.d'), { recursive: true });
    const path = '/etc/apt/apt.conf.d/52revision-auto-upgrades';
    // New text, even in an allow-listed file: refused (it could hold DPkg::Pre-Invoke, run as root).
    const smuggled = await executeOperations({ host, files }, parseAll([{ op: 'file-write', path, content: 'DPkg::Pre-Invoke { "touch /tmp/pwned"; };\n' }]));
    expect(smuggled.operations[0]).toMatchObject({ status: 'failed', reason: 'failed' });
    // A "restore" of bytes the elevated side never saw: refused too.
    const restore = parseAll([{ op: 'file-write', path, content: Buffer.from('APT::Periodic::Unattended-Upgrade "0";\n').toString('base64'), encoding: 'base64' }]);
    expect((await executeOperations({ host, files }, restore)).operations[0]?.status).toBe('failed');
    await expect(stat(join(dir, path))).rejects.toThrow();
    // Bytes it replaced itself are kept (root only) and may be put back.
    await writeFile(join(dir, path), 'APT::Periodic::Unattended-Upgrade "0";\n');
    const applied = await executeOperations({ host, files }, parseAll([{ op: 'file-write', path, content: (await import('./planners')).aptConfigContent('always') }]));
    expect(applied.operations[0]?.status).toBe('done');
    expect((await stat(join(dir, BACKUP_DIR))).isDirectory()).toBe(true);
    expect((await executeOperations({ host, files }, restore)).operations[0]?.status).toBe('done');
    expect(await readFile(join(dir, path), 'utf8')).toBe('APT::Periodic::Unattended-Upgrade "0";\n');
  });

  it('ini-set on a missing file fails with its reason and rolls back the write done before it', async () => {
    const dir = await root();
    const files = createLiveMachineFiles(dir);
    const ops = parseAll([
      { op: 'file-write', path: '/etc/systemd/system/dnf-automatic.timer.d/revision-schedule.conf', content: timerDropInContent('night') },
      { op: 'ini-set', path: '/etc/dnf/automatic.conf', section: 'commands', key: 'apply_updates', value: 'yes' },
    ]);
    const result = await executeOperations({ host: createLiveHost(), files }, ops);
    expect(result.outcome).toBe('rolled-back');
    expect(result.operations.map((r) => [r.status, r.reason])).toEqual([
      ['rolled-back', undefined],
      ['failed', 'missing-file'],
    ]);
    await expect(stat(join(dir, 'etc/systemd/system/dnf-automatic.timer.d'))).rejects.toThrow();
  });
});
