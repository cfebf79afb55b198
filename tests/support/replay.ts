/** Test helpers for replayed captures: load one by folder, replay it at its own date, pick a finding. */
import { join } from 'node:path';
import type { CheckupReport, Finding } from '../../src/shared/checkup';
import { runCheckup } from '../../src/main/core/checkup/run-checkup';
import { createReplayHost, loadCapture, type Capture } from '../../src/main/core/exec/capture';

/** The capture `name` under tests/fixtures/<platform>/. */
export function loadFixture(platform: 'windows' | 'macos' | 'linux', name: string): Promise<Capture> {
  return loadCapture(join(import.meta.dirname, '..', 'fixtures', platform, name));
}

/** Replays a capture as of its manifest's `now` (day counts do not drift). */
export function replayAtCaptureDate(capture: Capture): Promise<CheckupReport> {
  return runCheckup({ host: createReplayHost(capture), now: new Date(capture.manifest.now ?? Date.now()) });
}

/** The finding `id` of a report; throws when it is absent. */
export function findingOf(report: CheckupReport, id: string): Finding {
  const f = report.findings.find((x) => x.id === id);
  if (!f) throw new Error(`finding ${id} absent`);
  return f;
}
