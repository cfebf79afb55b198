/**
 * The rules: one per core finding id, each a pure function of the facts (the end-of-life data
 * is bundled, read once). Texts live in the locale files under `findings:<key>`; rules only pick
 * the key, the state, the parameters and the fix.
 *
 * Platform-specific wording goes under `windows.*` / `macos.*` keys; keep edits surgical.
 */
import type { AntivirusProduct, FactSection, MachineFacts, OsFacts } from '../../../shared/facts';
import type { CoreFindingId } from '../../../shared/checkup';
import { autoUpdatesFinding } from './auto-updates';
import { lookupSupport } from '../knowledge/eol';
import type { SupportInfo } from '../knowledge/support';
import { THRESHOLDS, daysSince, type EvaluateInput, type Evaluator, type FindingSpec } from './evaluate';

/** A rule: the finding id, the fact sections it needs, and its evaluator. */
export interface Rule {
  readonly id: CoreFindingId;
  readonly sections: readonly FactSection[];
  readonly evaluate: Evaluator;
}

/**
 * XProtect (macOS's built-in signatures) is updated by Apple every two to four weeks, not daily:
 * the 7-day antivirus threshold would flag every healthy Mac. Older than this, it is stale.
 */
export const XPROTECT_STALE_DAYS = 30;

/** Days before the end of support from which a supported OS gets "attention". */
export const SUPPORT_WARNING_DAYS = 90;

function spec(id: CoreFindingId, state: FindingSpec['state'], key: string, params: FindingSpec['params'] = {}, fix: FindingSpec['fix'] = 'none'): FindingSpec {
  return { id, state, key, params, fix };
}

function daysUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / 86_400_000);
}

/** The os-support finding for an OS and its support status. */
export function osSupportFinding(os: OsFacts, support: SupportInfo, now: Date): FindingSpec {
  const id = 'os-support';
  const osName = support.label ? `${os.name} ${support.label}` : `${os.name} ${os.version}`;
  const base = { os: osName };
  switch (support.status) {
    case 'supported': {
      if (!support.endOfSupport) return spec(id, 'ok', 'osSupport.supportedNoEnd', base);
      const left = daysUntil(support.endOfSupport, now);
      if (left <= SUPPORT_WARNING_DAYS) return spec(id, 'attention', 'osSupport.endingSoon', { ...base, date: support.endOfSupport, days: left }, 'guide');
      return spec(id, 'ok', 'osSupport.supported', { ...base, date: support.endOfSupport });
    }
    case 'extended': {
      const until = support.endOfExtendedSupport ?? '';
      const ended = support.endOfSupport ?? '';
      if (support.extendedAutomatic) return spec(id, 'attention', 'osSupport.extendedAutomatic', { ...base, until, ended }, 'guide');
      // Windows 10 after the consumer ESU: only the paid business ESU is left; say so plainly.
      const paid = support.extendedOptions?.find((o) => o.open && o.eligible !== false)?.paid === true;
      if (support.product === 'windows' && paid) return spec(id, 'danger', 'osSupport.windows.extendedPaid', { ...base, until, ended }, 'guide');
      const key = support.product === 'windows' ? 'osSupport.windows.extendedEnrol' : 'osSupport.extendedEnrol';
      return spec(id, 'danger', key, { ...base, until, ended }, 'guide');
    }
    case 'ended': {
      const ended = support.endOfExtendedSupport ?? support.endOfSupport;
      if (!ended) return spec(id, 'danger', 'osSupport.endedNoDate', base, 'guide');
      // Windows 10 whose ESU programmes are over too: both dates, so the owner sees nothing is left.
      if (support.product === 'windows' && support.extendedOptions?.length && support.endOfSupport && support.endOfExtendedSupport) {
        return spec(id, 'danger', 'osSupport.windows.esuEnded', { ...base, ended: support.endOfSupport, esuEnded: support.endOfExtendedSupport }, 'guide');
      }
      return spec(id, 'danger', support.product === 'windows' ? 'osSupport.windows.ended' : 'osSupport.ended', { ...base, ended }, 'guide');
    }
    case 'unknown':
      return {
        ...spec(id, 'unknown', 'osSupport.unknownCycle', { ...base, what: id }, 'contact-provider'),
        reason: `version ${os.version} (${os.distroId ?? os.family}) absente des données de fin de support`,
      };
  }
}

/** The auto-updates finding lives in auto-updates.ts (effective, not configured). */
export { autoUpdatesFinding };

/** The last-update finding: >30 days attention, >90 days danger. */
export function lastUpdateFinding(facts: NonNullable<MachineFacts['lastUpdate']>, now: Date): FindingSpec {
  const id = 'last-update';
  const days = daysSince(facts.lastInstalledAt, now);
  if (days === null) {
    return { ...spec(id, 'unknown', 'lastUpdate.noRecord', { what: id, source: facts.source }, 'contact-provider'), reason: `aucune date de mise à jour dans ${facts.source}` };
  }
  const params = { date: facts.lastInstalledAt ?? '', days: Math.max(0, days) };
  if (days > THRESHOLDS.lastUpdateDangerDays) return spec(id, 'danger', 'lastUpdate.danger', params, 'guide');
  if (days > THRESHOLDS.lastUpdateAttentionDays) return spec(id, 'attention', 'lastUpdate.attention', params, 'guide');
  return spec(id, 'ok', 'lastUpdate.recent', params);
}

/** The pending-updates finding. */
export function pendingUpdatesFinding(facts: NonNullable<MachineFacts['pendingUpdates']>): FindingSpec {
  const id = 'pending-updates';
  if (facts.total === 0) return spec(id, 'ok', 'pendingUpdates.none');
  if (facts.security === null) return spec(id, 'attention', 'pendingUpdates.some', { count: facts.total }, 'guide');
  if (facts.security > 0) return spec(id, 'attention', 'pendingUpdates.security', { count: facts.total, security: facts.security }, 'guide');
  return spec(id, 'attention', 'pendingUpdates.noSecurity', { count: facts.total }, 'guide');
}

/** The reboot finding: only strong signals count as "restart needed"; weak ones alone give attention too but say so. */
export function rebootFinding(facts: NonNullable<MachineFacts['reboot']>): FindingSpec {
  const id = 'reboot';
  if (!facts.required) return spec(id, 'ok', 'reboot.none');
  const strong = facts.signals.some((s) => s.present && !s.weak);
  const causes = (facts.causes ?? []).slice(0, 5).join(', ');
  return spec(id, 'attention', strong ? 'reboot.required' : 'reboot.maybe', { causes }, 'restart');
}

function productState(p: AntivirusProduct, now: Date): { state: FindingSpec['state']; key: string; params: FindingSpec['params'] } {
  const params = { product: p.name };
  if (p.enabled === false) return { state: 'danger', key: 'antivirus.off', params };
  const age = daysSince(p.signatureDate, now);
  const staleAfter = p.name === 'XProtect' ? XPROTECT_STALE_DAYS : THRESHOLDS.signatureDangerDays;
  if (age !== null && age > staleAfter) {
    return { state: 'danger', key: p.name === 'XProtect' ? 'antivirus.macos.xprotectStale' : 'antivirus.stale', params: { ...params, date: p.signatureDate ?? '', days: age } };
  }
  if (p.upToDate === false && age === null) return { state: 'danger', key: 'antivirus.noSignatures', params };
  if (p.enabled === null) return { state: 'unknown', key: 'antivirus.stateUnknown', params: { ...params, what: 'antivirus' } };
  if (age === null && p.upToDate !== true) return { state: 'unknown', key: 'antivirus.signaturesUnknown', params: { ...params, what: 'antivirus' } };
  if (age !== null) return { state: 'ok', key: 'antivirus.ok', params: { ...params, date: p.signatureDate ?? '', days: Math.max(0, age) } };
  return { state: 'ok', key: 'antivirus.okNoDate', params };
}

const RANK: Record<FindingSpec['state'], number> = { ok: 0, attention: 1, unknown: 2, danger: 3 };

/** The antivirus finding: the best active product counts; none found is never ok. */
export function antivirusFinding(facts: NonNullable<MachineFacts['antivirus']>, now: Date): FindingSpec {
  const id = 'antivirus';
  const active = facts.products.filter((p) => !p.passive);
  const candidates = active.length > 0 ? active : facts.products;
  if (candidates.length === 0) {
    return spec(id, 'attention', facts.builtIn ? 'antivirus.builtInOnly' : 'antivirus.none', {}, 'guide');
  }
  const judged = candidates.map((p) => productState(p, now)).sort((a, b) => RANK[a.state] - RANK[b.state]);
  const best = judged[0]!;
  const fix = best.state === 'ok' ? 'none' : best.state === 'unknown' ? 'contact-provider' : 'guide';
  const finding = spec(id, best.state, best.key, best.params, fix);
  return best.state === 'unknown' ? { ...finding, reason: `${String(best.params.product)} : état ou date des signatures non lus` } : finding;
}

/** The firewall finding. */
export function firewallFinding(facts: NonNullable<MachineFacts['firewall']>, platform: EvaluateInput['platform']): FindingSpec {
  const id = 'firewall';
  const params = { tool: facts.tool ?? '' };
  if (facts.enabled === true) return spec(id, 'ok', 'firewall.on', params);
  if (facts.enabled === false) {
    const off = facts.profiles.filter((p) => p.enabled === false).map((p) => p.name).join(', ');
    // Linux desktops often ship with no filtering at all: worth fixing, but not an emergency like a Windows firewall switched off.
    return spec(id, platform === 'linux' ? 'attention' : 'danger', platform === 'linux' ? 'firewall.linuxOff' : 'firewall.off', { ...params, profiles: off }, 'guide');
  }
  if (!facts.tool) return { ...spec(id, 'unknown', 'firewall.noTool', { what: id }, 'contact-provider'), reason: 'aucun outil de pare-feu trouvé (ufw, firewalld, nft, iptables)' };
  return { ...spec(id, 'unknown', 'firewall.unreadable', { ...params, what: id }, 'contact-provider'), reason: `${facts.tool} : état non lu` };
}

/** Every core rule, in the order of the dashboard. */
export const rules: readonly Rule[] = [
  { id: 'os-support', sections: ['os'], evaluate: ({ facts, now }) => osSupportFinding(facts.os!, lookupSupport(facts.os!, now), now) },
  { id: 'auto-updates', sections: ['autoUpdates'], evaluate: ({ facts, now }) => autoUpdatesFinding(facts.autoUpdates!, now) },
  { id: 'last-update', sections: ['lastUpdate'], evaluate: ({ facts, now }) => lastUpdateFinding(facts.lastUpdate!, now) },
  { id: 'pending-updates', sections: ['pendingUpdates'], evaluate: ({ facts }) => pendingUpdatesFinding(facts.pendingUpdates!) },
  { id: 'reboot', sections: ['reboot'], evaluate: ({ facts }) => rebootFinding(facts.reboot!) },
  { id: 'antivirus', sections: ['antivirus'], evaluate: ({ facts, now }) => antivirusFinding(facts.antivirus!, now) },
  { id: 'firewall', sections: ['firewall'], evaluate: ({ facts, platform }) => firewallFinding(facts.firewall!, platform) },
];
