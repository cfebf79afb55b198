/**
 * The rules: one per core finding id, each a pure function of the facts (the end-of-life data
 * is bundled, read once). Texts live in the locale files under `findings:<key>`; rules only pick
 * the key, the state, the parameters and the fix.
 *
 * Platform-specific wording goes under `windows.*` / `macos.*` keys; keep edits surgical.
 */
import type { FactSection, MachineFacts, OsFacts } from '../../../shared/facts';
import type { CoreFindingId } from '../../../shared/checkup';
import { autoUpdatesFinding } from './auto-updates';
import { lookupSupport } from '../knowledge/eol';
import { programRules } from '../programs';
import type { SupportInfo } from '../knowledge/support';
import { THRESHOLDS, daysSince, type Evaluator, type FindingSpec } from './evaluate';
import { pendingUpdatesFinding } from './pending-updates';
import { antivirusFinding, firewallFinding } from './protection';

export { pendingUpdatesFinding } from './pending-updates';
export { XPROTECT_STALE_DAYS, antivirusFinding, firewallFinding } from './protection';

/** A rule: the finding id, the fact sections it needs, and its evaluator. */
export interface Rule {
  readonly id: CoreFindingId;
  readonly sections: readonly FactSection[];
  readonly evaluate: Evaluator;
}

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

/** The reboot finding: only strong signals count as "restart needed"; weak ones alone give attention too but say so. */
export function rebootFinding(facts: NonNullable<MachineFacts['reboot']>): FindingSpec {
  const id = 'reboot';
  if (!facts.required) return spec(id, 'ok', 'reboot.none');
  const strong = facts.signals.some((s) => s.present && !s.weak);
  const causes = (facts.causes ?? []).slice(0, 5).join(', ');
  // macOS: updates waiting that install only during a restart (`softwareupdate -l`, Action: restart).
  if (!strong && facts.signals.some((s) => s.present && s.name.startsWith('softwareupdate'))) {
    return spec(id, 'attention', 'reboot.macos.updatesNeedRestart', { causes }, 'guide');
  }
  return spec(id, 'attention', strong ? 'reboot.required' : 'reboot.maybe', { causes }, 'restart');
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
  ...programRules,
];
