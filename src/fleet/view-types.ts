/** The fleet's data shapes shared by the server and its web page (types only, no code). */
import type { FindingState } from '../shared/checkup';
import type { ProofReason } from './proof';
import type { AntivirusEvidence } from './summary';

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

/** A machine as « preuve avant redémarrage » reads it. */
export type ProofRow = Pick<
  MachineRow,
  'id' | 'site' | 'siteContact' | 'hostname' | 'lastReportAt' | 'antivirus'
>;

/** One line of « Preuve avant redémarrage ». */
export interface ProofLine {
  readonly id: string;
  readonly site: string;
  readonly siteContact: string | null;
  readonly hostname: string | null;
  readonly lastReportAt: number | null;
  readonly antivirus: string | null;
  readonly signatureAt: number | null;
  readonly reason: ProofReason | null;
}
