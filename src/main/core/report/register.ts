/**
 * The carnet's part of the register (issue 14): the « Qui / Pour le / Fait le » columns filled
 * from the tasks (« Fait le » only when ticked), and per program the test scenario, the last
 * test (date, result, who; « jamais testé » only when true) and the vendor's last answer. Pure.
 */
import { localDay, type TestRecord, type VendorAnswer } from '../../../shared/carnet';
import type { CheckupReport, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import type { Workspace } from '../../../shared/workspace';
import { listTasks } from '../carnet/tasks';
import { getT } from '../i18n';
import type { ComputerSection, DeviceSection } from './model';
import { assigneeLabel, taskTitle } from '../carnet/titles';
import { programsToTest } from '../carnet/to-test';

/** One program in the register's PDF page. */
export interface RegisterRow {
  readonly name: string;
  readonly version: string | null;
  readonly critical: boolean;
  readonly scenario: string | null;
  readonly lastTest: TestRecord | null;
  /** An update since the last test: to test again. */
  readonly toTest: boolean;
  readonly lastAnswer: VendorAnswer | null;
}

/** One open action of the sign-off table and the e-mail. */
export interface SignoffAction {
  readonly text: string;
  /** The device it concerns (empty when the text already names it). */
  readonly device: string;
  /** Who does it: from the register, else the prestataire for technical ones, else empty. */
  readonly who: string;
  readonly group: 'computer' | 'unknown' | 'device' | 'software';
  /** The register task it stands for (`vendor:<id>`, `test:<id>`…). */
  readonly key?: string;
  readonly due?: string | null;
  readonly doneAt?: string | null;
  /** Given to the prestataire in the register (the message to them lists it). */
  readonly toProvider?: boolean;
}

interface Input {
  readonly workspace: Workspace;
  readonly checkup: CheckupReport | null;
  readonly lang: Lang;
  readonly now: Date;
}

/** The programs' rows: critical ones first. */
export function registerRows(input: Input): RegisterRow[] {
  const toTest = new Set(
    programsToTest(input.workspace, input.checkup)
      .filter((x) => x.reason !== 'never')
      .map((x) => x.softwareId),
  );
  return [...input.workspace.software]
    .sort((a, b) => Number(b.critical) - Number(a.critical))
    .map((s) => ({
      name: s.name,
      version: s.version,
      critical: s.critical,
      scenario: s.scenario ?? null,
      lastTest: s.tests?.at(-1) ?? null,
      toTest: toTest.has(s.id),
      lastAnswer: s.vendorAnswers?.at(-1) ?? null,
    }));
}

/** The open actions of the sign-off table: this computer's findings, devices' settings, programs to check and test. */
export function signoffActions(
  computer: ComputerSection,
  devices: readonly DeviceSection[],
  ws: Workspace,
  lang: Lang,
): SignoffAction[] {
  const t = getT(lang);
  const providerName = ws.provider.name.trim();
  const actions: SignoffAction[] = [];
  if (!computer.checkup) {
    actions.push({ text: t('report:signoff.runCheckup'), device: '', who: '', group: 'unknown' });
  } else {
    for (const f of computer.findings) {
      if (f.state === 'ok') continue;
      actions.push({
        text: `${f.title}${lang === 'fr' ? ' : ' : ': '}${f.action}`,
        device: computer.label,
        who: f.fix === 'contact-provider' ? providerName : '',
        group: f.state === 'unknown' ? 'unknown' : 'computer',
      });
    }
  }
  for (const d of devices) {
    if (d.open === 0) continue;
    const name = d.device.name || t('report:device.unnamed');
    actions.push({
      text: t('report:signoff.finishDevice', { name, count: d.open }),
      device: '',
      who: '',
      group: 'device',
    });
  }
  for (const s of ws.software) {
    const text = t('report:signoff.askVendor', { name: s.name });
    actions.push({ text, device: '', who: providerName, group: 'software', key: `vendor:${s.id}` });
    if (s.critical) {
      const test = t('report:signoff.testCritical', { name: s.name });
      actions.push({ text: test, device: '', who: '', group: 'software', key: `test:${s.id}` });
    }
  }
  return actions;
}

/** Fills who / due / done from the register, and adds the delegated tasks the list does not name yet. */
export function fillSignoff<A extends SignoffAction>(actions: readonly A[], input: Input): SignoffAction[] {
  const ws = input.workspace;
  const states: Record<string, FindingState> = {};
  for (const f of input.checkup?.findings ?? []) states[f.id] = f.state;
  const tasks = listTasks(ws, states, localDay(input.now));
  const byKey = new Map(tasks.map((x) => [x.key, x]));
  const stale = new Set(programsToTest(ws, input.checkup).map((x) => x.softwareId));
  const filled: SignoffAction[] = actions.map((a) => {
    if (!a.key) return a;
    const task = byKey.get(a.key);
    const info = ws.tasks[a.key];
    const who = assigneeLabel(task?.assignee ?? info?.assignee, ws, input.lang);
    let doneAt = task?.doneAt ?? null;
    if (a.key.startsWith('test:')) {
      const id = a.key.slice(5);
      const last = ws.software.find((s) => s.id === id)?.tests?.at(-1);
      doneAt = last && last.result === 'works' && !stale.has(id) ? last.at : null;
    }
    const toProvider = (task?.assignee ?? info?.assignee)?.kind === 'provider';
    return { ...a, who: who || a.who, due: task?.due ?? info?.due ?? null, doneAt, toProvider };
  });
  const named = new Set(actions.map((a) => a.key).filter(Boolean));
  for (const task of tasks) {
    if (named.has(task.key) || (!task.assignee && !task.due) || task.kind === 'vendor') continue;
    filled.push({
      text: taskTitle(task, input.lang),
      device: '',
      who: assigneeLabel(task.assignee, ws, input.lang),
      group: task.kind === 'step' ? 'device' : 'software',
      key: task.key,
      due: task.due,
      doneAt: task.doneAt,
      toProvider: task.assignee?.kind === 'provider',
    });
  }
  return filled;
}
