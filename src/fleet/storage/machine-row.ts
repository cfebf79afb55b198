/** A machine as the fleet lists it: site, latest report time, voyants, antivirus evidence. */
import type { FindingState } from '../../shared/checkup';
import type { MachineRow, ProofRow } from '../view-types';
import { num, type SqlRow } from './sql';

export type { MachineRow, ProofRow };

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
    ...proofRowFrom(r),
    osName: str(r.os_name),
    appVersion: str(r.app_version),
    enrolledAt: num(r.enrolled_at) ?? 0,
    lastGeneratedAt: num(r.last_generated_at),
    states: r.states ? (JSON.parse(String(r.states)) as Record<string, FindingState>) : {},
    counts: reported
      ? {
          ok: num(r.ok) ?? 0,
          attention: num(r.attention) ?? 0,
          danger: num(r.danger) ?? 0,
          unknown: num(r.unknown) ?? 0,
        }
      : null,
  };
}

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
      ? {
          name: str(r.av_name),
          enabled: bool(r.av_enabled),
          realTime: bool(r.av_realtime),
          signatureAt: num(r.av_signature_at),
        }
      : null,
  };
}
