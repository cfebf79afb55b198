/**
 * Fleet test reports made from the real captures in tests/fixtures (replayed through the core),
 * with helpers to vary them (hostname, signature date, version).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckupReport } from '../../src/shared/checkup';
import { createReplayHost, loadCapture } from '../../src/main/core/exec/capture';
import { createService } from '../../src/main/core/service';
import { antivirusFinding } from '../../src/main/core/findings/rules';
import { localizeFindings, summarize } from '../../src/main/core/findings/localize';

/** The three captures of the fleet's tests. */
export const FLEET_CAPTURES = {
  win10Old: 'tests/fixtures/windows/win10-22h2-home-old-signatures',
  win11: 'tests/fixtures/windows/win11-25h2-pro-fr-policy-off-restart-bitdefender',
  debian: 'tests/fixtures/linux/debian-12-capture',
} as const;

const cache = new Map<string, CheckupReport>();

/** Replays a capture into a checkup report (cached per capture). */
export async function reportFromCapture(dir: string): Promise<CheckupReport> {
  const hit = cache.get(dir);
  if (hit) return structuredClone(hit);
  const capture = await loadCapture(dir);
  const home = await mkdtemp(join(tmpdir(), 'revision-fleet-ws-'));
  try {
    const now = capture.manifest.now ? new Date(capture.manifest.now) : new Date();
    const service = await createService({ home, host: createReplayHost(capture), now: () => now });
    const report = await service.context.runAndRecordCheckup('fr');
    cache.set(dir, report);
    return structuredClone(report);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** The same report as if Defender's signatures were dated `signatureDate`: facts, antivirus voyant and summary agree. */
export function withSignatures(report: CheckupReport, signatureDate: string): CheckupReport {
  const av = report.facts.antivirus;
  if (!av) return report;
  const antivirus = { ...av, products: av.products.map((p) => ({ ...p, signatureDate, upToDate: true })) };
  const now = new Date(Math.max(Date.parse(signatureDate), Date.parse(report.generatedAt)));
  const [finding] = localizeFindings([antivirusFinding(antivirus, now)], report.lang);
  const findings = report.findings.map((f) => (f.id === 'antivirus' && finding ? finding : f));
  return { ...report, facts: { ...report.facts, antivirus }, findings, summary: summarize(findings) };
}

/** The same report as if from another computer. */
export function withHostname(report: CheckupReport, hostname: string): CheckupReport {
  return { ...report, machine: { ...report.machine, hostname } };
}
