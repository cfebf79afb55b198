/**
 * Runs a checkup: every probe of the platform concurrently, each under its own timeout,
 * then the pure findings step. A probe that fails or times out leaves its sections empty
 * and its findings `unknown`; the rest of the checkup always completes.
 */
import type { CheckupProgress, CheckupReport, ProbeReport } from '../../../shared/checkup';
import { CHECKUP_SCHEMA_VERSION } from '../../../shared/checkup';
import type { FactSection, MachineFacts } from '../../../shared/facts';
import type { Lang } from '../../../shared/i18n';
import { isRunError, type Host } from '../exec/host';
import { evaluateFindings } from '../findings/evaluate';
import { localizeFindings, summarize } from '../findings/localize';
import { APP_VERSION } from '../version';
import { probesFor } from '../platforms';
import { programsOrNothing } from '../programs';
import type { Probe, ProbeFailure } from './probe';

/** Options of one checkup. */
export interface RunCheckupOptions {
  readonly host: Host;
  readonly lang?: Lang;
  /** "Now" (defaults to the clock; replays of fixtures pin it). */
  readonly now?: Date;
  /** Overrides the platform's probes (tests). */
  readonly probes?: readonly Probe[];
  readonly onProgress?: (event: CheckupProgress) => void;
  /** Multiplies every probe timeout (tests shorten them). */
  readonly timeoutScale?: number;
}

class ProbeTimeout extends Error {}

/** Runs the probes and returns the full report. Never throws for a probe's failure. */
export async function runCheckup(options: RunCheckupOptions): Promise<CheckupReport> {
  const { host } = options;
  const now = options.now ?? new Date();
  const lang = options.lang ?? 'fr';
  const probes = options.probes ?? probesFor(host.platform);
  const facts: MachineFacts = {};
  const failures: Partial<Record<FactSection, ProbeFailure>> = {};
  const reports: ProbeReport[] = [];
  const running = new Map<string, Promise<void>>();
  let done = 0;
  const emit = (probe: Probe, phase: 'start' | 'end'): void => {
    options.onProgress?.({ done, total: probes.length, probeId: probe.id, labelKey: probe.labelKey, phase });
  };

  const runOne = async (probe: Probe): Promise<void> => {
    await Promise.all((probe.after ?? []).map((id) => running.get(id)).filter(Boolean));
    emit(probe, 'start');
    const controller = new AbortController();
    const timeoutMs = Math.max(1, Math.round(probe.timeoutMs * (options.timeoutScale ?? 1)));
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const partial: string[] = [];
    try {
      const result = await Promise.race([
        probe.run({
          host,
          platform: host.platform,
          signal: controller.signal,
          now,
          facts,
          reportSectionFailure: (section, message, kind) => {
            if (!probe.sections.includes(section)) return;
            failures[section] = { probeId: probe.id, status: 'failed', message, kind: kind ?? 'failed' };
            partial.push(`${section}: ${message}`);
          },
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            controller.abort();
            reject(new ProbeTimeout(`pas de réponse après ${Math.round(timeoutMs / 1000)} s`));
          }, timeoutMs);
        }),
      ]);
      // A section the probe reported as failed stays out of the facts, whatever it returned.
      for (const [section, value] of Object.entries(result) as [FactSection, MachineFacts[FactSection]][]) {
        if (value !== undefined && !failures[section]) Object.assign(facts, { [section]: value });
      }
      reports.push({ id: probe.id, status: 'ok', durationMs: Math.round(performance.now() - started), error: partial.length > 0 ? partial.join(' ; ') : null });
    } catch (error) {
      const timedOut = error instanceof ProbeTimeout || (isRunError(error) && error.kind === 'timeout');
      const message = error instanceof Error ? error.message : String(error);
      const failure: ProbeFailure = {
        probeId: probe.id,
        status: timedOut ? 'timeout' : 'failed',
        message,
        kind: isRunError(error) ? error.kind : timedOut ? 'timeout' : 'failed',
      };
      for (const section of probe.sections) {
        if (!facts[section]) failures[section] = failure;
      }
      reports.push({ id: probe.id, status: failure.status, durationMs: Math.round(performance.now() - started), error: message });
    } finally {
      clearTimeout(timer);
      done += 1;
      emit(probe, 'end');
    }
  };

  for (const probe of probes) running.set(probe.id, runOne(probe));
  await Promise.all(running.values());

  // A probe that returned without filling a section it owns is a failure too: never assume.
  for (const probe of probes) {
    for (const section of probe.sections) {
      if (!facts[section] && !failures[section]) {
        failures[section] = { probeId: probe.id, status: 'failed', message: 'aucune donnée lue', kind: 'failed' };
      }
    }
  }

  const specs = evaluateFindings({ facts, failures, now, platform: host.platform });
  const findings = localizeFindings(specs, lang);
  const order = new Map(probes.map((p, i) => [p.id, i]));
  reports.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const os = facts.os;
  return {
    schemaVersion: CHECKUP_SCHEMA_VERSION,
    appVersion: APP_VERSION,
    generatedAt: now.toISOString(),
    lang,
    mode: host.mode,
    machine: {
      os: os ? { family: os.family, name: os.name, version: os.version, build: os.build } : null,
      hostname: os?.hostname ?? null,
      isServer: os ? os.isServer : null,
    },
    summary: summarize(findings),
    findings,
    inventory: {
      applications: (facts.inventory?.applications ?? []).map((a) => ({
        name: a.name,
        version: a.version,
        publisher: a.publisher,
        source: a.source,
        installDate: a.installDate ?? null,
      })),
    },
    ...(facts.inventory && programsOrNothing(facts, now) ? { programs: programsOrNothing(facts, now) } : {}),
    probes: reports,
    facts,
  };
}
