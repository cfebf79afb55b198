/**
 * « Preuve avant redémarrage »: is this machine's antivirus PROVEN current? Pure, no I/O.
 * Proven only when every part was read: a report received after the chosen date, real-time
 * protection on, and signatures dated no more than N hours before that report. Anything not
 * read (no date, real-time unknown) is « non prouvé », never assumed.
 */
import type { AntivirusEvidence } from './summary';

/** Why a machine is not proven (i18n keys under `fleet:proof.reasons`). */
export const proofReasons = [
  'noReport',
  'reportTooOld',
  'noAntivirus',
  'protectionOff',
  'realTimeOff',
  'realTimeUnknown',
  'signaturesUnknown',
  'signaturesOld',
] as const;
export type ProofReason = (typeof proofReasons)[number];

/** What the rule needs of a machine. */
export interface ProofInput {
  /** Epoch ms when the server received the latest report, null when none arrived. */
  readonly lastReportAt: number | null;
  readonly antivirus: AntivirusEvidence | null;
}

/** The watcher's choices. */
export interface ProofCriteria {
  /** Reports received before this (epoch ms) prove nothing (e.g. the time of the attack). */
  readonly since: number;
  /** Signatures must be at most this many hours older than the report. Default 24. */
  readonly maxAgeHours: number;
}

/** The verdict for one machine. */
export type ProofVerdict =
  { readonly proven: true } | { readonly proven: false; readonly reason: ProofReason };

/** Default age limit of the signatures, in hours. */
export const DEFAULT_PROOF_HOURS = 24;

/** Applies the rule to one machine. */
export function proveAntivirus(input: ProofInput, criteria: ProofCriteria): ProofVerdict {
  const no = (reason: ProofReason): ProofVerdict => ({ proven: false, reason });
  if (input.lastReportAt === null) return no('noReport');
  if (input.lastReportAt < criteria.since) return no('reportTooOld');
  const av = input.antivirus;
  if (!av || av.name === null) return no('noAntivirus');
  if (av.enabled === false) return no('protectionOff');
  if (av.realTime === false) return no('realTimeOff');
  if (av.realTime === null) return no('realTimeUnknown');
  if (av.signatureAt === null) return no('signaturesUnknown');
  const ageMs = input.lastReportAt - av.signatureAt;
  if (ageMs > criteria.maxAgeHours * 3_600_000) return no('signaturesOld');
  return { proven: true };
}
