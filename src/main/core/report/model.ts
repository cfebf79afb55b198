/**
 * What the carnet d'entretien says, worked out once from the workspace and the latest checkup,
 * in the report's language. The PDF and the e-mail to the prestataire are both built from this
 * model, so they never disagree. Pure: no I/O.
 */
import { siteSections, type SiteSection } from './site-section';
import type { CheckupReport, Finding, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import {
  deviceGuides,
  deviceProgress,
  missions,
  taskStatus,
  type MissionContext,
} from '../../../shared/missions';
import type { BusinessSoftware, Device, HistoryEntry, Workspace } from '../../../shared/workspace';
import { findingText } from '../../../shared/finding-text';
import { ownComputerName } from '../../../shared/workspace';
import { getT, getTranslate } from '../i18n';
import { defaultRules, nextCheckAt } from '../schedule/plan';
import { normalizeCheckup, withoutControlCharacters } from './normalize';
import { fillSignoff, registerRows, signoffActions, type RegisterRow, type SignoffAction } from './register';

export { formatDate, formatDateTime } from './format';
export { normalizeCheckup, stripControls } from './normalize';

/** A device's voyant in the carnet: a checked state, or what the owner ticked (never « ok » unchecked). */
export type VoyantState = FindingState | 'declared' | 'todo';

/** One line of a device's checklist. */
export interface ChecklistItem {
  /** ISO date when done (ticked or checked ok), null when still to do. */
  readonly doneAt: string | null;
  readonly done: boolean;
  readonly title: string;
  /** What to do (for findings: the action; for guide steps: the menu path). */
  readonly detail: string;
  readonly state?: FindingState;
}

/** This computer, from the checkup. */
export interface ComputerSection {
  /** The machine's own name (host name), for the annex. */
  readonly name: string;
  /** What the owner calls it (settings.computerName), else « Cet ordinateur ». */
  readonly label: string;
  readonly state: VoyantState;
  readonly checkup: CheckupReport | null;
  /** Why there is no checkup (the run failed). */
  readonly checkupError: string | null;
  readonly os: string | null;
  readonly findings: readonly (Finding & { readonly doneAt: string | null })[];
  readonly open: number;
}

/** Another device, from the workspace inventory. */
export interface DeviceSection {
  readonly device: Device;
  readonly kindLabel: string;
  readonly state: VoyantState;
  readonly items: readonly ChecklistItem[];
  readonly open: number;
}

/** One mission and its tasks. */
export interface MissionSection {
  readonly id: string;
  readonly title: string;
  readonly done: number;
  readonly total: number;
  readonly tasks: readonly { readonly title: string; readonly done: boolean; readonly at: string | null }[];
}

/** One open action for the sign-off block and the e-mail (who / due / done filled from the register). */
export type OpenAction = SignoffAction;

/** The whole carnet. */
export interface ReportModel {
  readonly lang: Lang;
  readonly generatedAt: Date;
  readonly company: string;
  readonly companyGiven: boolean;
  readonly provider: { readonly name: string; readonly email: string; readonly phone: string };
  readonly computer: ComputerSection;
  readonly devices: readonly DeviceSection[];
  readonly software: readonly BusinessSoftware[];
  readonly missions: readonly MissionSection[];
  readonly history: readonly {
    readonly at: string;
    readonly kind: string;
    readonly text: string;
    readonly by: string;
  }[];
  readonly changes: Workspace['changes'];
  readonly actions: readonly OpenAction[];
  /** File name of the full software list saved next to the PDF, when it was written. */
  readonly inventoryCsv?: string | null;
  /** The owner's websites and their last check (report/site-section.ts). */
  readonly sites?: readonly SiteSection[];
  /** Per program: scenario, last test, vendor's last answer (issue 14). */
  readonly register: readonly RegisterRow[];
  /** The person who uses the app (settings.ownerName), empty when not given. */
  readonly ownerName: string;
  /** The next contrôle technique: the weekly watch's date, or a date to do it by hand. */
  readonly nextRevision: { readonly at: Date; readonly automatic: boolean };
}

/** What the model is built from. */
export interface ReportInput {
  readonly workspace: Workspace;
  readonly checkup: CheckupReport | null;
  /** Why the checkup could not be run, when it could not. */
  readonly checkupError?: string | null;
  readonly lang: Lang;
  /** File name of the full software list saved next to the PDF. */
  readonly inventoryCsv?: string | null;
  readonly now: Date;
}

const severity: Record<FindingState, number> = { ok: 0, unknown: 1, attention: 2, danger: 3 };

/** The worst state of a list of findings; `unknown` when there is none (nothing checked is never ok). */
export function worstState(states: readonly FindingState[]): FindingState {
  if (states.length === 0) return 'unknown';
  return states.reduce((worst, s) => (severity[s] > severity[worst] ? s : worst), 'ok' as FindingState);
}

/** Re-localises a finding into the report's language from its key and params (stored texts as fallback). */
export function localizeFinding(finding: Finding, lang: Lang): Finding {
  const tr = getTranslate(lang);
  // The stored texts are in the checkup's language: used only when this language lacks the key.
  return {
    ...finding,
    title: findingText(finding, 'title', lang, tr),
    detail: findingText(finding, 'detail', lang, tr),
    action: findingText(finding, 'action', lang, tr),
  };
}

/** A device kind's label in the report's language. */
export function kindLabel(kind: string, lang: Lang): string {
  const t = getT(lang);
  return t(`guides:devices.${kind}.name`, {
    defaultValue: t(`report:kinds.${kind}`, { defaultValue: kind }),
  });
}

function stepTitle(stepId: string, lang: Lang): string {
  return getT(lang)(`guides:steps.${stepId}.title`, { defaultValue: stepId });
}

function stepPath(stepId: string, lang: Lang): string {
  return getT(lang)(`guides:steps.${stepId}.path`, { defaultValue: '' });
}

function taskTitle(taskId: string, lang: Lang): string {
  return getT(lang)(`guides:tasks.${taskId}.title`, { defaultValue: taskId });
}

/** The stored programs of a checkup, kept only when they have the expected shape. */

/** Shortens a text for places with little room (tables, footer, e-mail), keeping it readable. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Cut by code points, so an emoji is never split into half a character.
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  return (
    chars
      .slice(0, Math.max(1, max - 1))
      .join('')
      .trimEnd() + '…'
  );
}

function buildComputer(input: ReportInput): ComputerSection {
  const t = getT(input.lang);
  const report = input.checkup;
  const label = ownComputerName(input.workspace.settings) ?? t('report:kinds.this-computer');
  if (!report) {
    return {
      label,
      name: t('report:thisComputer.unnamed'),
      state: 'unknown',
      checkup: null,
      checkupError: input.checkupError ?? null,
      os: null,
      findings: [],
      open: 1,
    };
  }
  const findings = report.findings.map((f) => ({
    ...localizeFinding(f, input.lang),
    doneAt: f.state === 'ok' ? report.generatedAt : null,
  }));
  const os = report.machine.os
    ? [report.machine.os.name, report.machine.os.version].filter(Boolean).join(' ')
    : null;
  return {
    label,
    name: report.machine.hostname || t('report:thisComputer.unnamed'),
    state: worstState(findings.map((f) => f.state)),
    checkup: report,
    checkupError: null,
    os,
    findings,
    open: findings.length === 0 ? 1 : findings.filter((f) => f.state !== 'ok').length,
  };
}

function buildDevice(device: Device, lang: Lang): DeviceSection {
  const guide = deviceGuides[device.kind] ?? [];
  const items: ChecklistItem[] = guide.map((stepId) => {
    const at = device.steps[stepId] ?? null;
    return { done: at !== null, doneAt: at, title: stepTitle(stepId, lang), detail: stepPath(stepId, lang) };
  });
  // Steps ticked under ids this version's guide no longer lists are kept: the owner did them.
  for (const [stepId, at] of Object.entries(device.steps)) {
    if (!guide.includes(stepId))
      items.push({ done: true, doneAt: at, title: stepTitle(stepId, lang), detail: '' });
  }
  const progress = deviceProgress(device);
  const open = progress.total - progress.done;
  return {
    device,
    kindLabel: kindLabel(device.kind, lang),
    state: progress.total > 0 && open === 0 ? 'declared' : 'todo',
    items,
    open,
  };
}

function historyText(entry: HistoryEntry, lang: Lang): string {
  const t = getT(lang);
  const params: Record<string, string | number> = { ...(entry.params ?? {}), ...(entry.counts ?? {}) };
  if (typeof params.step === 'string') params.step = stepTitle(params.step, lang);
  if (typeof params.task === 'string') params.task = taskTitle(params.task, lang);
  if (typeof params.kind === 'string') params.kind = kindLabel(params.kind, lang);
  for (const k of ['ok', 'attention', 'danger', 'unknown']) params[k] ??= 0;
  // Entries written before plural keys carry only `changes`.
  if (typeof params.changes === 'number') params.count ??= params.changes;
  if (!entry.key) return entry.summary;
  // Keys are namespace-free ("history.checkup"): the carnet's own words first, then the other parts'.
  return t(entry.key, {
    ...params,
    ns: ['report', 'plans', 'ui', 'common', 'carnet'],
    defaultValue: entry.summary,
  });
}

/** The missions and their tasks, done or not, from the workspace and the checkup's findings. */
function buildMissions(ws: Workspace, input: ReportInput): MissionSection[] {
  const t = getT(input.lang);
  const findingStates: Record<string, FindingState> = {};
  for (const f of input.checkup?.findings ?? []) findingStates[f.id] = f.state;
  const ctx: MissionContext = { workspace: ws, findingStates };
  return missions.map((m) => {
    const tasks = m.tasks.map((task) => ({
      title: taskTitle(task.id, input.lang),
      ...taskStatus(task, ctx),
    }));
    return {
      id: m.id,
      title: t(`guides:missions.${m.id}.title`, { defaultValue: t(`report:missions.names.${m.id}`) }),
      done: tasks.filter((x) => x.done).length,
      total: tasks.length,
      tasks,
    };
  });
}

/** Builds the carnet's model. */
export function buildReportModel(input: ReportInput): ReportModel {
  const t = getT(input.lang);
  const ws = withoutControlCharacters(input.workspace);
  input = { ...input, checkup: input.checkup ? normalizeCheckup(input.checkup) : null };
  const computer = buildComputer(input);
  const devices = ws.devices.map((d) => buildDevice(d, input.lang));
  const missionSections = buildMissions(ws, input);
  const company = ws.company.name.trim();
  const providerName = ws.provider.name.trim();
  const actions = signoffActions(computer, devices, ws, input.lang);

  const history = [...ws.history]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((h) => ({
      at: h.at,
      kind: h.kind,
      by: personName(h.by, ws.settings.ownerName, input.lang),
      text: historyText(h, input.lang),
    }));

  return {
    lang: input.lang,
    sites: siteSections(ws.sites, input.lang),
    generatedAt: input.now,
    // A name longer than a cover line is cut there (the owner typed it; nobody reads 5,000 characters).
    company: company ? shorten(company, 200) : t('report:companyNone'),
    companyGiven: company.length > 0,
    provider: {
      name: providerName,
      email: ws.provider.email.trim(),
      phone: (ws.provider.phone ?? '').trim(),
    },
    computer,
    devices,
    software: ws.software,
    missions: missionSections,
    history,
    changes: ws.changes,
    actions: fillSignoff(actions, { ...input, workspace: ws }),
    register: registerRows({ ...input, workspace: ws }),
    inventoryCsv: input.inventoryCsv ?? null,
    ownerName: ws.settings.ownerName.trim(),
    nextRevision: nextRevision(input, ws),
  };
}

/** Accounts that are not people (the app, the system's administrator): never printed as a name. */
const NOT_PEOPLE = new Set(['', 'app', 'root', 'system', 'administrator', 'administrateur']);

/** Who did it, as the carnet names people: the stored name, or the owner's name, or « vous ». */
export function personName(by: string | undefined, ownerName: string, lang: Lang): string {
  const name = (by ?? '').trim();
  if (!NOT_PEOPLE.has(name.toLowerCase())) return name;
  return ownerName.trim() || getT(lang)('report:people.you');
}

/** The next contrôle technique: a week after the last one (never in the past), by the watch when it is on. */
function nextRevision(input: ReportInput, ws: Workspace): ReportModel['nextRevision'] {
  const last = input.checkup ? new Date(input.checkup.generatedAt) : null;
  const lastOk = last && !Number.isNaN(last.getTime()) ? last : null;
  const at = nextCheckAt(lastOk, input.now, { ...defaultRules, enabled: true }) ?? input.now;
  return { at, automatic: ws.onboarded && ws.settings.weeklyCheck };
}

/** Number of open actions on the cover: per device, and in all. */
export function openCount(model: ReportModel): number {
  return model.computer.open + model.devices.reduce((n, d) => n + d.open, 0);
}
