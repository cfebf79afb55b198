/**
 * The six warning lights of the truck dashboard, as pure data: which state each one shows and what
 * it is about, from the latest checkup and the owner's workspace. A light that nothing checked is
 * `pending` (« pas encore vérifié »), never ok.
 */
import type { CheckupReport, Finding, FindingState } from '../../../shared/checkup';
import { deviceState } from '../../../shared/missions';
import type { SiteReport } from '../../../shared/site';
import type { Workspace } from '../../../shared/workspace';
import type { VoyantState } from '../../components/voyant';
import { programState } from '../inventory/program-voyant';

/** The lights, in the order they sit on the dashboard. */
export const lightIds = ['autoUpdates', 'antivirus', 'system', 'programs', 'website', 'devices'] as const;
export type LightId = (typeof lightIds)[number];

/** What a light says besides its state: a finding's title, a count, or a fixed sentence (`dashboard:` keys). */
export type LightSummary =
  | { readonly kind: 'finding'; readonly finding: Finding }
  | { readonly kind: 'site'; readonly host: string; readonly finding: Finding }
  | {
      readonly kind: 'text';
      readonly key: string;
      readonly params?: Readonly<Record<string, string | number>>;
    };

/** One light: its state, its words, and the finding a click opens (checkup lights). */
export interface Light {
  readonly id: LightId;
  readonly state: VoyantState;
  readonly summary: LightSummary;
  /** The finding card the light opens on the checkup screen (absent: the screen itself). */
  readonly findingId?: string;
}

/** Findings read by the « système » light (every finding no other light reads goes there too). */
const SYSTEM_IDS = ['os-support', 'pending-updates', 'last-update', 'reboot', 'firewall'];
const OWN_IDS: Readonly<Record<string, LightId>> = { 'auto-updates': 'autoUpdates', antivirus: 'antivirus' };

const rank: Record<VoyantState, number> = { ok: 0, pending: 1, unknown: 2, attention: 3, danger: 4 };

/** The worst state of several; `pending` when there are none. */
export function worstOf(states: readonly VoyantState[]): VoyantState {
  if (states.length === 0) return 'pending';
  return states.reduce((worst, s) => (rank[s] > rank[worst] ? s : worst));
}

/** The worst finding of a list (first of equals), or null. */
function worstFinding(findings: readonly Finding[]): Finding | null {
  return findings.reduce<Finding | null>((w, f) => (!w || rank[f.state] > rank[w.state] ? f : w), null);
}

function groupOf(f: Finding): LightId {
  if (OWN_IDS[f.id]) return OWN_IDS[f.id]!;
  if (f.id.startsWith('applications-')) return 'programs';
  return 'system';
}

/** A light read from the checkup's findings (auto-updates, antivirus, system). */
function findingLight(id: LightId, report: CheckupReport | null): Light {
  if (!report) return { id, state: 'pending', summary: { kind: 'text', key: 'summary.notChecked' } };
  const mine = report.findings.filter((f) => groupOf(f) === id);
  const worst = worstFinding(id === 'system' ? sortSystem(mine) : mine);
  if (!worst) return { id, state: 'unknown', summary: { kind: 'text', key: 'summary.notFound' } };
  return { id, state: worst.state, summary: { kind: 'finding', finding: worst }, findingId: worst.id };
}

function sortSystem(findings: readonly Finding[]): Finding[] {
  const order = (f: Finding) => (SYSTEM_IDS.includes(f.id) ? SYSTEM_IDS.indexOf(f.id) : SYSTEM_IDS.length);
  return [...findings].sort((a, b) => order(a) - order(b));
}

/** « Vos logiciels »: each program's voyant and the checkup's findings about programs. */
function programsLight(report: CheckupReport | null): Light {
  if (!report)
    return { id: 'programs', state: 'pending', summary: { kind: 'text', key: 'summary.notChecked' } };
  const programs = report.programs?.programs ?? [];
  const states = programs.map((p) => programState(p));
  const findings = report.findings.filter((f) => groupOf(f) === 'programs');
  const state: FindingState | 'pending' = worstOf([...states, ...findings.map((f) => f.state)]);
  if (!report.programs && findings.length === 0) {
    return { id: 'programs', state: 'unknown', summary: { kind: 'text', key: 'summary.notFound' } };
  }
  const count = states.filter((s) => s === state).length;
  if (count > 0)
    return {
      id: 'programs',
      state,
      summary: { kind: 'text', key: `summary.programs.${state}`, params: { count } },
    };
  const worst = worstFinding(findings);
  if (worst) return { id: 'programs', state, summary: { kind: 'finding', finding: worst } };
  return { id: 'programs', state: 'unknown', summary: { kind: 'text', key: 'summary.programs.none' } };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** « Site web »: the worst voyant of the owner's sites; a site never checked is pending. */
function websiteLight(workspace: Workspace): Light {
  const sites = workspace.sites ?? [];
  if (sites.length === 0)
    return { id: 'website', state: 'pending', summary: { kind: 'text', key: 'summary.noSite' } };
  let light: Light | null = null;
  for (const site of sites) {
    const report = (site.last as SiteReport | undefined) ?? null;
    const worst = report ? worstFinding(report.findings) : null;
    const state: VoyantState = report ? (worst?.state ?? 'unknown') : 'pending';
    if (light && rank[state] <= rank[light.state]) continue;
    light = worst
      ? { id: 'website', state, summary: { kind: 'site', host: hostOf(site.url), finding: worst } }
      : { id: 'website', state, summary: { kind: 'text', key: 'summary.siteNotChecked' } };
  }
  return light!;
}

/** « Autres appareils »: phones, tablets, other computers and servers, by their guides' ticks. */
function devicesLight(workspace: Workspace): Light {
  const devices = workspace.devices;
  if (devices.length === 0) {
    const none = workspace.missions['debutant.no-other-devices'];
    return none
      ? { id: 'devices', state: 'ok', summary: { kind: 'text', key: 'summary.noDevicesSaid' } }
      : { id: 'devices', state: 'pending', summary: { kind: 'text', key: 'summary.noDevices' } };
  }
  const ok = devices.filter((d) => deviceState(d) === 'ok').length;
  return {
    id: 'devices',
    state: worstOf(devices.map((d) => deviceState(d))),
    summary: { kind: 'text', key: 'summary.devices', params: { ok, count: devices.length } },
  };
}

/** The six lights, in dashboard order. */
export function dashboardLights(report: CheckupReport | null, workspace: Workspace): readonly Light[] {
  return [
    findingLight('autoUpdates', report),
    findingLight('antivirus', report),
    findingLight('system', report),
    programsLight(report),
    websiteLight(workspace),
    devicesLight(workspace),
  ];
}
