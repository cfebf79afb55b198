import { describe, expect, it } from 'vitest';
import { proveAntivirus, type ProofInput } from './proof';

const H = 3_600_000;
const attack = Date.parse('2026-11-20T00:00:00Z');
const received = Date.parse('2026-11-22T10:00:00Z');
const criteria = { since: attack, maxAgeHours: 24 };
const defender = {
  name: 'Microsoft Defender Antivirus',
  enabled: true,
  realTime: true,
  signatureAt: received - 3 * H,
};
const machine = (antivirus: ProofInput['antivirus'], lastReportAt: number | null = received): ProofInput => ({
  lastReportAt,
  antivirus,
});

describe('proveAntivirus (« preuve avant redémarrage »)', () => {
  it('real-time on and signatures 3 h old in a report after the attack: proven', () => {
    expect(proveAntivirus(machine(defender), criteria)).toEqual({ proven: true });
  });
  it('signatures older than N hours are not proven; a larger N proves them', () => {
    const old = { ...defender, signatureAt: received - 30 * H };
    expect(proveAntivirus(machine(old), criteria)).toEqual({ proven: false, reason: 'signaturesOld' });
    expect(proveAntivirus(machine(old), { ...criteria, maxAgeHours: 48 })).toEqual({ proven: true });
  });
  it('a report received before the chosen date proves nothing, however fresh', () => {
    expect(proveAntivirus(machine(defender, attack - 1), criteria)).toEqual({
      proven: false,
      reason: 'reportTooOld',
    });
  });
  it('no report at all is not proven', () => {
    expect(proveAntivirus(machine(null, null), criteria)).toEqual({ proven: false, reason: 'noReport' });
  });
  it('what was not read is never assumed: unknown real-time or unknown date is not proven', () => {
    expect(proveAntivirus(machine({ ...defender, realTime: null }), criteria)).toMatchObject({
      reason: 'realTimeUnknown',
    });
    expect(proveAntivirus(machine({ ...defender, signatureAt: null }), criteria)).toMatchObject({
      reason: 'signaturesUnknown',
    });
  });
  it('protection off, real-time off, no antivirus: each says why', () => {
    expect(proveAntivirus(machine({ ...defender, enabled: false }), criteria)).toMatchObject({
      reason: 'protectionOff',
    });
    expect(proveAntivirus(machine({ ...defender, realTime: false }), criteria)).toMatchObject({
      reason: 'realTimeOff',
    });
    expect(
      proveAntivirus(machine({ name: null, enabled: null, realTime: null, signatureAt: null }), criteria),
    ).toMatchObject({ reason: 'noAntivirus' });
  });
});
