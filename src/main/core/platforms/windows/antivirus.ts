/** Antivirus facts from `Get-MpComputerStatus` and SecurityCenter2, and the productState decoding. */
import type { AntivirusFacts, AntivirusProduct, OsFacts } from '../../../../shared/facts';
import { arr, bool, isoDate, num, obj, str, type JsonObject } from './common';

/** Decoded SecurityCenter2 productState (community decoding, not documented by Microsoft). */
export interface ProductState {
  readonly state: 'on' | 'off' | 'snoozed' | 'expired' | 'unknown';
  readonly upToDate: boolean;
  readonly microsoft: boolean;
}

/** Decodes a SecurityCenter2 productState (e.g. 397568 → on, up to date, Windows' own). */
export function decodeProductState(value: number): ProductState {
  const stateBits = (value >> 12) & 0xf;
  const state =
    stateBits === 1
      ? 'on'
      : stateBits === 0
        ? 'off'
        : stateBits === 2
          ? 'snoozed'
          : stateBits === 3
            ? 'expired'
            : 'unknown';
  return { state, upToDate: ((value >> 4) & 0xf) === 0, microsoft: ((value >> 8) & 0xf) === 1 };
}

/**
 * Real-time protection as Defender reports it: RealTimeProtectionEnabled and, when read (script v2),
 * OnAccessProtectionEnabled must both be on; either off is off; neither read is unknown.
 */
export function defenderRealTime(defender: JsonObject): boolean | null {
  const rtp = bool(defender.realTimeProtectionEnabled);
  const onAccess = bool(defender.onAccessProtectionEnabled);
  if (rtp === false || onAccess === false) return false;
  return rtp;
}

/**
 * Microsoft Defender from `Get-MpComputerStatus`. AMRunningMode "Passive Mode", "SxS Passive Mode" and
 * "EDR Block Mode" (EDR in block mode runs only beside a passive Defender) are passive: Defender then
 * scans nothing as files arrive. "Not running" beside another active antivirus counts as passive too.
 */
export function defenderProduct(defender: JsonObject, thirdActive: boolean): AntivirusProduct {
  const mode = str(defender.amRunningMode) ?? '';
  const running = !/not running/i.test(mode);
  const enabled =
    bool(defender.amServiceEnabled) === true && bool(defender.antivirusEnabled) === true && running;
  const passive = /passive|edr block/i.test(mode) || (!running && thirdActive);
  const outOfDate = bool(defender.defenderSignaturesOutOfDate);
  return {
    name: 'Microsoft Defender Antivirus',
    enabled: passive ? false : enabled,
    realTime: defenderRealTime(defender),
    upToDate: outOfDate === null ? null : !outOfDate,
    signatureDate: isoDate(defender.antivirusSignatureLastUpdated),
    signatureVersion: str(defender.antivirusSignatureVersion),
    passive,
    // Defender has real-time protection: when it is off, it was switched off.
    onDemandOnly: false,
    source: `Get-MpComputerStatus (AMRunningMode ${mode || '?'}, RealTimeProtectionEnabled ${String(bool(defender.realTimeProtectionEnabled))}, OnAccessProtectionEnabled ${String(bool(defender.onAccessProtectionEnabled))})`,
  };
}

/**
 * Antivirus facts from the `defender` and `securityCenter` sections. Returns null when neither could
 * be read (the section then fails). On Windows Server, SecurityCenter2 does not exist: Defender alone.
 */
export function windowsAntivirusFacts(
  defender: JsonObject | null,
  securityCenter: JsonObject | null,
  os: OsFacts | null,
): AntivirusFacts | null {
  const third: AntivirusProduct[] = [];
  let defenderFromCenter: AntivirusProduct | null = null;
  const byName = new Map<string, AntivirusProduct>();
  for (const raw of arr(securityCenter?.antivirus)) {
    const p = obj(raw);
    const name = str(p?.displayName);
    const state = num(p?.productState);
    if (!p || !name || state === null) continue;
    const d = decodeProductState(state);
    const product: AntivirusProduct = {
      name,
      enabled: d.state === 'on' ? true : d.state === 'unknown' ? null : false,
      realTime: null,
      upToDate: d.upToDate,
      signatureDate: null,
      source: `SecurityCenter2 (productState ${state})`,
    };
    // Defender's own registration (not "Bitdefender", whose name contains "defender").
    if (d.microsoft || /^(windows|microsoft) defender\b/i.test(name)) {
      defenderFromCenter = product;
      continue;
    }
    // The same product is often registered twice after an upgrade: merge, keeping the best state.
    const prev = byName.get(name.toLowerCase());
    if (prev) {
      const merged: AntivirusProduct = {
        ...prev,
        enabled: prev.enabled === true || product.enabled === true ? true : (prev.enabled ?? product.enabled),
        upToDate:
          (prev.enabled === true && prev.upToDate === true) ||
          (product.enabled === true && product.upToDate === true)
            ? true
            : (prev.upToDate ?? false) && (product.upToDate ?? false),
      };
      third[third.indexOf(prev)] = merged;
      byName.set(name.toLowerCase(), merged);
    } else {
      third.push(product);
      byName.set(name.toLowerCase(), product);
    }
  }
  const thirdActive = third.some((p) => p.enabled === true);
  const products: AntivirusProduct[] = [];
  if (defender && bool(defender.available) !== false) {
    products.push(defenderProduct(defender, thirdActive));
  } else if (defenderFromCenter) {
    products.push(defenderFromCenter);
  }
  products.push(...third);
  const haveDefender = defender !== null;
  const haveCenter = securityCenter !== null || os?.isServer === true;
  if (!haveDefender && !haveCenter) return null;
  if (products.length === 0 && !haveCenter) return null;
  return { products };
}
