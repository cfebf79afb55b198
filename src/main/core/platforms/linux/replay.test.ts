/** Capture and replay of a Linux checkup: a capture of this machine replays to the same findings. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckup } from '../../checkup/run-checkup';
import { createCapturingHost, createReplayHost, loadCapture } from '../../exec/capture';
import { createLiveHost } from '../../exec/live-host';
import { DEBIAN_CAPTURE, LINUX_FIXTURES } from './test-support';

const essentials = (findings: readonly { id: string; state: string; key: string; params: unknown; title: string }[]) =>
  findings.map(({ id, state, key, params, title }) => ({ id, state, key, params, title }));

describe('capture and replay on Linux', () => {
  it('a capture of this machine replays to the same findings, without running anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revision-capture-'));
    try {
      const now = new Date();
      const capturing = createCapturingHost(createLiveHost('linux'));
      const live = await runCheckup({ host: capturing, now });
      await capturing.save(dir, { createdAt: now.toISOString(), appVersion: 'test', now: now.toISOString() });
      const capture = await loadCapture(dir);
      expect(capture.entries.some((e) => e.kind === 'exec' && e.key === 'apt-config dump')).toBe(true);
      const replayed = await runCheckup({ host: createReplayHost(capture), now });
      expect(replayed.mode).toBe('replay');
      expect(essentials(replayed.findings)).toEqual(essentials(live.findings));
      expect(replayed.inventory.applications.length).toBe(live.inventory.applications.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the committed capture of this Debian 12 replays to its known voyants', async () => {
    const capture = await loadCapture(DEBIAN_CAPTURE);
    const report = await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!) });
    expect(Object.fromEntries(report.findings.map((f) => [f.id, `${f.state} ${f.key}`]))).toEqual({
      'os-support': 'attention osSupport.extendedAutomatic',
      'auto-updates': 'danger autoUpdates.notInstalled',
      'last-update': 'ok lastUpdate.recent',
      'pending-updates': 'attention pendingUpdates.security',
      reboot: 'ok reboot.none',
      antivirus: 'attention antivirus.none',
      firewall: 'unknown firewall.noTool',
      'applications-outdated': 'ok applications.outdated.none',
      'applications-end-of-life': 'ok applications.endOfLife.none',
      'applications-exploited': 'ok applications.exploited.current',
    });
    expect(report.machine.os).toMatchObject({ family: 'linux', name: 'Debian GNU/Linux', version: '12' });
    expect(report.inventory.applications).toHaveLength(836);
  });

  it('a capture that lacks a command gives « pas pu vérifier » for that voyant only', async () => {
    const capture = await loadCapture(DEBIAN_CAPTURE);
    const trimmed = { ...capture, entries: capture.entries.filter((e) => e.key !== 'apt-get -s -q dist-upgrade') };
    const report = await runCheckup({ host: createReplayHost(trimmed), now: new Date(capture.manifest.now!) });
    const pending = report.findings.find((f) => f.id === 'pending-updates')!;
    expect(pending).toMatchObject({ state: 'unknown', key: 'unknown.notCaptured' });
    // Without apt's list, the programs' versions cannot be compared either: never « à jour » by default.
    expect(report.findings.filter((f) => f.state === 'unknown').map((f) => f.id)).toEqual(['pending-updates', 'firewall', 'applications-outdated']);
  });
});

describe('a Fedora 42 replay (dnf branch)', () => {
  it('reads dnf-automatic, rpm, dnf check-update, needs-restarting and firewalld into the expected voyants', async () => {
    const capture = await loadCapture(join(LINUX_FIXTURES, 'fedora-42-replay'));
    const report = await runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now!) });
    expect(report.probes.every((p) => p.status === 'ok')).toBe(true);
    expect(Object.fromEntries(report.findings.map((f) => [f.id, `${f.state} ${f.key}`]))).toEqual({
      'os-support': 'ok osSupport.supported',
      // The shipped automatic.conf downloads but does not install (apply_updates = no).
      'auto-updates': 'danger autoUpdates.off',
      'last-update': 'ok lastUpdate.recent',
      'pending-updates': 'attention pendingUpdates.security',
      reboot: 'attention reboot.required',
      antivirus: 'attention antivirus.none',
      firewall: 'ok firewall.on',
      'applications-outdated': 'danger applications.outdated.exploited',
      'applications-end-of-life': 'ok applications.endOfLife.none',
      'applications-exploited': 'danger applications.exploited.exposed',
    });
    expect(report.facts.os).toMatchObject({ distroId: 'fedora', version: '42', packageManager: 'dnf' });
    expect(report.facts.pendingUpdates).toMatchObject({ total: 6, security: 3 });
    expect(report.inventory.applications.map((a) => `${a.source}:${a.name}`)).toEqual([
      'rpm:kernel-core',
      'rpm:bash',
      'rpm:firefox',
      'rpm:gpg-pubkey',
      'flatpak:org.libreoffice.LibreOffice',
    ]);
  });
});
