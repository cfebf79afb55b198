/** Capture and replay of a Linux checkup: a capture of this machine replays to the same findings. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckup } from '../../checkup/run-checkup';
import { createCapturingHost, createReplayHost, loadCapture } from '../../exec/capture';
import { createLiveHost } from '../../exec/live-host';
import { DEBIAN_CAPTURE } from './test-support';

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
    expect(report.findings.filter((f) => f.state === 'unknown').map((f) => f.id)).toEqual(['pending-updates', 'firewall']);
  });
});
