/** Pure: the views the page shows, built from machine rows (the proof lists, the CSV lines). */
import type { FindingState } from '../../shared/checkup';
import { proveAntivirus, type ProofCriteria, type ProofReason } from '../proof';
import type { MachineRow, ProofLine, ProofRow } from '../view-types';

export type { ProofLine };

/** The two lists: proven, and the call list. */
export function proofLists(
  machines: readonly ProofRow[],
  criteria: ProofCriteria,
): { proven: ProofLine[]; notProven: ProofLine[] } {
  const proven: ProofLine[] = [];
  const notProven: ProofLine[] = [];
  for (const m of machines) {
    const verdict = proveAntivirus({ lastReportAt: m.lastReportAt, antivirus: m.antivirus }, criteria);
    const line: ProofLine = {
      id: m.id,
      site: m.site,
      siteContact: m.siteContact,
      hostname: m.hostname,
      lastReportAt: m.lastReportAt,
      antivirus: m.antivirus?.name ?? null,
      signatureAt: m.antivirus?.signatureAt ?? null,
      reason: verdict.proven ? null : verdict.reason,
    };
    (verdict.proven ? proven : notProven).push(line);
  }
  return { proven, notProven };
}

/** One CSV field, quoted; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** A CSV document (semicolon-separated, as French spreadsheets expect, with a BOM for accents). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/** The fleet CSV: one line per machine with its voyants. */
export function fleetCsv(machines: readonly MachineRow[], findingIds: readonly string[]): string {
  const header = ['site', 'contact', 'ordinateur', 'système', 'dernier rapport', ...findingIds];
  return toCsv(
    header,
    machines.map((m) => [
      m.site,
      m.siteContact,
      m.hostname,
      m.osName,
      iso(m.lastReportAt),
      ...findingIds.map((f) => (m.states[f] ?? '') as FindingState | ''),
    ]),
  );
}

/** The call-list CSV of the proof view. */
export function proofCsv(
  lists: { proven: ProofLine[]; notProven: ProofLine[] },
  reasonText: (r: ProofReason) => string,
): string {
  const line = (l: ProofLine, proven: boolean) => [
    proven ? 'prouvé' : 'non prouvé',
    l.site,
    l.siteContact,
    l.hostname,
    iso(l.lastReportAt),
    l.antivirus,
    iso(l.signatureAt),
    l.reason ? reasonText(l.reason) : '',
  ];
  return toCsv(
    [
      'preuve',
      'site',
      'contact',
      'ordinateur',
      'dernier rapport',
      'antivirus',
      'date des signatures',
      'raison',
    ],
    [...lists.notProven.map((l) => line(l, false)), ...lists.proven.map((l) => line(l, true))],
  );
}
