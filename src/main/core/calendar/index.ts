/**
 * « Ajouter à mon agenda » (issue 14): an iCalendar file with the monthly révision (RRULE), each
 * open task's due day, and the servers' maintenance windows, local times in Europe/Paris with
 * its VTIMEZONE. Built with ical-generator; written atomically.
 */
import { resolve } from 'node:path';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { localDay, type TaskView } from '../../../shared/carnet';
import type { Lang } from '../../../shared/i18n';
import type { Workspace } from '../../../shared/workspace';
import { taskTitle } from '../carnet/titles';
import { getT } from '../i18n';
import { writeFileAtomic } from '../workspace/store';
import { PARIS, PARIS_VTIMEZONE } from './vtimezone';

/** Hours (Paris time) of the servers' update window, as the auto-updates plans schedule them. */
const WINDOW = { from: '03:00:00', to: '05:00:00' };
/** The monthly révision: the first Monday of each month, 9 h – 10 h. */
const REVISION = { from: '09:00:00', to: '10:00:00' };

const p = (n: number) => String(n).padStart(2, '0');
const wall = (day: string, time: string) => `${day}T${time}`;

/** The first Monday of the month after `now` (or of this month if still to come). */
export function nextFirstMonday(now: Date): string {
  for (let offset = 0; offset < 2; offset += 1) {
    const d = new Date(now.getFullYear(), now.getMonth() + offset, 1);
    while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
    if (localDay(d) >= localDay(now)) return localDay(d);
  }
  return localDay(now);
}

/** Builds the .ics text. */
export function buildCalendar(input: {
  workspace: Workspace;
  tasks: readonly TaskView[];
  now: Date;
  lang: Lang;
}): string {
  const { workspace: ws, now, lang } = input;
  const t = getT(lang);
  const company = ws.company.name.trim();
  const cal = ical({
    name: t('carnet:calendar.name', { company: company || 'Révision' }),
    prodId: { company: 'Revision', product: 'carnet', language: lang.toUpperCase() },
  });
  // PUBLISH: a calendar to add (Outlook imports it as events, not as meeting invitations).
  cal.method(ICalCalendarMethod.PUBLISH);
  cal.timezone({ name: PARIS, generator: () => PARIS_VTIMEZONE });
  const stamp = now;
  const first = nextFirstMonday(now);
  cal.createEvent({
    id: 'revision-monthly@revision.app',
    start: wall(first, REVISION.from) as never,
    end: wall(first, REVISION.to) as never,
    timezone: PARIS,
    repeating: { freq: ICalEventRepeatingFreq.MONTHLY, byDay: [ICalWeekday.MO], bySetPos: 1 },
    summary: t('carnet:calendar.monthly'),
    description: t('carnet:calendar.monthlyText'),
    stamp,
  });
  for (const task of input.tasks) {
    if (task.done || !task.due) continue;
    const [y, m, d] = task.due.split('-').map(Number) as [number, number, number];
    cal.createEvent({
      id: `${task.key.replace(/[^\w.-]/g, '-')}@revision.app`,
      start: new Date(y, m - 1, d),
      allDay: true,
      summary: t('carnet:calendar.due', { task: taskTitle(task, lang) }),
      stamp,
    });
  }
  for (const server of ws.devices.filter(
    (x) => x.kind === 'server' && (x.schedule === 'night' || x.schedule === 'weekend'),
  )) {
    const day = localDay(now);
    const weekly = server.schedule === 'weekend';
    cal.createEvent({
      id: `window-${server.id}@revision.app`,
      start: wall(day, WINDOW.from) as never,
      end: wall(day, WINDOW.to) as never,
      timezone: PARIS,
      repeating: weekly
        ? { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [ICalWeekday.SA] }
        : { freq: ICalEventRepeatingFreq.DAILY },
      summary: t('carnet:calendar.window', { name: server.name }),
      description: t(weekly ? 'carnet:calendar.windowWeekend' : 'carnet:calendar.windowNight'),
      stamp,
    });
  }
  // ical-generator prints DTSTAMP without its « Z » once a calendar time zone is set; RFC 5545 wants UTC.
  const utc = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}T${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}Z`;
  return cal.toString().replace(/^DTSTAMP:\d{8}T\d{6}Z?$/gm, `DTSTAMP:${utc}`);
}

/** Writes the .ics file (whole or not at all). */
export async function writeCalendar(path: string, text: string): Promise<string> {
  const target = resolve(path);
  await writeFileAtomic(target, text);
  return target;
}
