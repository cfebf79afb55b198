/**
 * The antivirus and firewall rules: protection counts only when it is really on. An antivirus is
 * `ok` only with real-time (on-access) protection on and signatures within the threshold; passive
 * mode, EDR block mode, a product registered but inactive, or an on-demand scanner are not real-time
 * protection. A firewall that is present and switched off is `danger` on every platform.
 */
import type { AntivirusProduct, MachineFacts } from '../../../shared/facts';
import { THRESHOLDS, daysSince, type FindingSpec } from './evaluate';

/**
 * XProtect (macOS's built-in signatures) is updated by Apple every two to four weeks, not daily:
 * the 7-day antivirus threshold would flag every healthy Mac. Older than this, it is stale.
 */
export const XPROTECT_STALE_DAYS = 30;

type Judged = { state: FindingSpec['state']; key: string; params: FindingSpec['params'] };

/** Signature freshness of a product that is on: stale, missing, out of date, or unknown (null when fine). */
function signatureProblem(p: AntivirusProduct, now: Date): Judged | null {
  const params = { product: p.name };
  const age = daysSince(p.signatureDate, now);
  const staleAfter = p.name === 'XProtect' ? XPROTECT_STALE_DAYS : THRESHOLDS.signatureDangerDays;
  if (age !== null && age > staleAfter) {
    const key = p.name === 'XProtect' ? 'antivirus.macos.xprotectStale' : 'antivirus.stale';
    return { state: 'danger', key, params: { ...params, date: p.signatureDate ?? '', days: age } };
  }
  if (p.upToDate === false && age === null) {
    // The product itself says its signatures are out of date (Security Center), or it has none at all.
    return {
      state: 'danger',
      key: p.enabled === true ? 'antivirus.outdated' : 'antivirus.noSignatures',
      params,
    };
  }
  if (p.enabled === null)
    return { state: 'unknown', key: 'antivirus.stateUnknown', params: { ...params, what: 'antivirus' } };
  if (age === null && p.upToDate !== true)
    return { state: 'unknown', key: 'antivirus.signaturesUnknown', params: { ...params, what: 'antivirus' } };
  return null;
}

/**
 * One product's verdict: passive, off and real-time switched off first, then signatures, then a scanner
 * without real-time protection (on demand only, or real-time not on for a product of unknown kind): never ok.
 */
export function judgeAntivirusProduct(p: AntivirusProduct, now: Date): Judged {
  const params = { product: p.name };
  if (p.passive) return { state: 'danger', key: 'antivirus.passive', params };
  if (p.enabled === false) return { state: 'danger', key: 'antivirus.off', params };
  // A product with real-time protection (onDemandOnly === false) that has it switched off: as good as off.
  if (p.realTime === false && p.onDemandOnly === false) {
    return { state: 'danger', key: 'antivirus.realTimeOff', params };
  }
  const problem = signatureProblem(p, now);
  if (problem) return problem;
  if (p.onDemandOnly || p.realTime === false)
    return { state: 'attention', key: 'antivirus.onDemandOnly', params };
  const age = daysSince(p.signatureDate, now);
  if (age !== null)
    return {
      state: 'ok',
      key: 'antivirus.ok',
      params: { ...params, date: p.signatureDate ?? '', days: Math.max(0, age) },
    };
  return { state: 'ok', key: 'antivirus.okNoDate', params };
}

const RANK: Record<FindingSpec['state'], number> = { ok: 0, attention: 1, unknown: 2, danger: 3 };

/** The antivirus finding: the best active product counts; none found is never ok. */
export function antivirusFinding(facts: NonNullable<MachineFacts['antivirus']>, now: Date): FindingSpec {
  const id = 'antivirus';
  const active = facts.products.filter((p) => !p.passive);
  const candidates = active.length > 0 ? active : facts.products;
  if (candidates.length === 0) {
    return {
      id,
      state: 'attention',
      key: facts.builtIn ? 'antivirus.builtInOnly' : 'antivirus.none',
      params: {},
      fix: 'guide',
    };
  }
  const judged = candidates
    .map((p) => ({ p, v: judgeAntivirusProduct(p, now) }))
    .sort((a, b) => RANK[a.v.state] - RANK[b.v.state]);
  const { p, v } = judged[0]!;
  const fix = v.state === 'ok' ? 'none' : v.state === 'unknown' ? 'contact-provider' : 'guide';
  const finding: FindingSpec = { id, state: v.state, key: v.key, params: v.params, fix };
  if (v.state === 'unknown') return { ...finding, reason: `${p.name} : état ou date des signatures non lus` };
  if (v.state !== 'ok') return { ...finding, reason: `${p.name} : ${p.source}` };
  return finding;
}

/** The firewall finding: off is danger everywhere (ANSSI, 13 questions, Q6); no tool found is unknown. */
export function firewallFinding(
  facts: NonNullable<MachineFacts['firewall']>,
  platform: 'linux' | 'win32' | 'darwin',
): FindingSpec {
  const id = 'firewall';
  const params = { tool: facts.tool ?? '' };
  if (facts.enabled === true) return { id, state: 'ok', key: 'firewall.on', params, fix: 'none' };
  if (facts.enabled === false) {
    const off = facts.profiles
      .filter((p) => p.enabled === false)
      .map((p) => p.name)
      .join(', ');
    return {
      id,
      state: 'danger',
      key: platform === 'linux' ? 'firewall.linuxOff' : 'firewall.off',
      params: { ...params, profiles: off },
      fix: 'guide',
    };
  }
  if (!facts.tool) {
    return {
      id,
      state: 'unknown',
      key: 'firewall.noTool',
      params: { what: id },
      fix: 'contact-provider',
      reason: 'aucun outil de pare-feu trouvé (ufw, firewalld, nft, iptables)',
    };
  }
  return {
    id,
    state: 'unknown',
    key: 'firewall.unreadable',
    params: { ...params, what: id },
    fix: 'contact-provider',
    reason: `${facts.tool} : état non lu`,
  };
}
