/** A machine as the fleet lists it: site, latest report time, voyants, antivirus evidence. */
import type { FindingState } from '../../shared/checkup';
import type { AntivirusEvidence } from '../summary';
import { num, type SqlRow } from './sql';

/** One machine row. */
export interface MachineRow {
  readonly id: string;
  readonly site: string;
  readonly siteContact: string | null;
  readonly hostname: string | null;
  readonly osName: string | null;
  readonly appVersion: string | null;
  readonly enrolledAt: number;
  readonly lastReportAt: number | null;
  readonly lastGeneratedAt: number | null;
  readonly states: Readonly<Record<string, FindingState>>;
  readonly counts: Readonly<Record<FindingState, number>> | null;
  readonly antivirus: AntivirusEvidence | null;
}

/** The columns `machineFromRow` reads (machines m JOIN sites s). */
export const MACHINE_COLUMNS = `m.id, s.name AS site, s.contact AS site_contact, m.hostname, m.os_name, m.app_version,
  m.enrolled_at, m.last_report_at, m.last_generated_at, m.states, m.ok, m.attention, m.danger, m.unknown,
  m.av_name, m.av_enabled, m.av_realtime, m.av_signature_at`;

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Reads a row selected with MACHINE_COLUMNS. */
export function machineFromRow(r: SqlRow): MachineRow {
  const reported = r.last_report_at !== null && r.last_report_at !== undefined;
  return {
    id: String(r.id),
    site: String(r.site),
    siteContact: str(r.site_contact),
    hostname: str(r.hostname),
    osName: str(r.os_name),
    appVersion: str(r.app_version),
    enrolledAt: num(r.enrolled_at) ?? 0,
    lastReportAt: num(r.last_report_at),
    lastGeneratedAt: num(r.last_generated_at),
    states: r.states ? (JSON.parse(String(r.states)) as Record<string, FindingState>) : {},
    counts: reported ? { ok: num(r.ok) ?? 0, attention: num(r.attention) ?? 0, danger: num(r.danger) ?? 0, unknown: num(r.unknown) ?? 0 } : null,
    antivirus: reported
      ? { name: str(r.av_name), enabled: bool(r.av_enabled), realTime: bool(r.av_realtime), signatureAt: num(r.av_signature_at) }
      : null,
  };
}

/** A machine as « preuve avant redémarrage » reads it. */
export type ProofRow = Pick<MachineRow, 'id' | 'site' | 'siteContact' | 'hostname' | 'lastReportAt' | 'antivirus'>;

/** Reads a row of `proofRows`. */
export function proofRowFrom(r: SqlRow): ProofRow {
  const reported = r.last_report_at !== null && r.last_report_at !== undefined;
  return {
    id: String(r.id),
    site: String(r.site),
    siteContact: str(r.site_contact),
    hostname: str(r.hostname),
    lastReportAt: num(r.last_report_at),
    antivirus: reported
      ? { name: str(r.av_name), enabled: bool(r.av_enabled), realTime: bool(r.av_realtime), signatureAt: num(r.av_signature_at) }
      : null,
  };
}
