/** Pure: what the fleet keeps of a report besides its full text (voyants, counts, antivirus evidence). */
import type { CheckupReport, FindingState } from '../shared/checkup';
import type { AntivirusProduct } from '../shared/facts';

/** The antivirus evidence of one report: the product that counts, as read. */
export interface AntivirusEvidence {
  readonly name: string | null;
  /** Protection on (true), off (false), unknown (null). */
  readonly enabled: boolean | null;
  readonly realTime: boolean | null;
  /** Epoch ms of the signatures, null when the product does not say. */
  readonly signatureAt: number | null;
}

/** The compact summary of one report, stored per machine and per day. */
export interface ReportSummary {
  readonly states: Readonly<Record<string, FindingState>>;
  readonly counts: Readonly<Record<FindingState, number>>;
  readonly antivirus: AntivirusEvidence;
  readonly hostname: string | null;
  readonly osName: string | null;
  readonly generatedAt: number;
}

function dateMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** The product that counts: an active, non-passive one, the freshest signatures first. */
export function activeAntivirus(products: readonly AntivirusProduct[]): AntivirusEvidence {
  const active = products.filter((p) => p.enabled !== false && !p.passive);
  const ranked = [...active].sort(
    (a, b) => (dateMs(b.signatureDate) ?? -1) - (dateMs(a.signatureDate) ?? -1),
  );
  const p = ranked[0] ?? products[0];
  if (!p) return { name: null, enabled: null, realTime: null, signatureAt: null };
  return {
    name: p.name,
    enabled: p.enabled,
    realTime: p.realTime ?? null,
    signatureAt: dateMs(p.signatureDate),
  };
}

/** Summarises a validated report. */
export function summarizeReport(report: CheckupReport): ReportSummary {
  const states: Record<string, FindingState> = {};
  for (const f of report.findings) states[f.id] = f.state;
  const av = report.facts.antivirus;
  const os = report.machine.os;
  return {
    states,
    counts: { ...report.summary },
    antivirus: av
      ? activeAntivirus(av.products)
      : { name: null, enabled: null, realTime: null, signatureAt: null },
    hostname: report.machine.hostname,
    osName: os ? `${os.name} ${os.version}`.trim() : null,
    generatedAt: dateMs(report.generatedAt) ?? 0,
  };
}
