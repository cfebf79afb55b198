import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../service';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-ics-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** Hour and minute of an instant on a Paris wall clock. */
function parisTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    day: 'numeric',
  }).formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('hour')}:${part('minute')}`;
}

async function writeCalendar(): Promise<{ text: string; serverId: string; softwareId: string }> {
  const service = await createService({ home, now: () => new Date('2026-11-28T10:00:00Z') });
  await service.workspaceUpdate({ company: { name: 'Transports Dubois' } });
  const server = (await service.devicesAdd({ kind: 'server', name: 'Serveur du dépôt', schedule: 'night' }))
    .devices[0]!;
  const sw = (await service.softwareUpsert({ name: 'Sage 100', category: 'comptabilite' })).software[0]!;
  await service.tasksAssign({ key: `vendor:${sw.id}`, assignee: { kind: 'provider' }, due: '2026-12-15' });
  const path = join(home, 'agenda.ics');
  await service.calendarWrite({ path, lang: 'fr' });
  return { text: await readFile(path, 'utf8'), serverId: server.id, softwareId: sw.id };
}

describe('« Ajouter à mon agenda »', () => {
  it('gives a monthly révision that stays at 9 h Paris time across the clock changes (TZID + VTIMEZONE + RRULE)', async () => {
    const { text } = await writeCalendar();
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
    expect(text).toMatch(/RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1/);
    expect(text).toMatch(/DTSTART;TZID=Europe\/Paris:20261207T090000/);
    // RFC 5545: DTSTAMP is UTC.
    for (const line of text.split('\r\n').filter((l) => l.startsWith('DTSTAMP')))
      expect(line).toBe('DTSTAMP:20261128T100000Z');

    const parsed = ical.sync.parseICS(text);
    const monthly = parsed['revision-monthly@revision.app'] as VEvent;
    expect(monthly.summary).toBe('Révision mensuelle des ordinateurs');
    const instances = ical.expandRecurringEvent(monthly, {
      from: new Date('2026-12-01'),
      to: new Date('2027-12-31'),
    });
    expect(instances).toHaveLength(13);
    for (const instance of instances) {
      const d = new Date(instance.start);
      expect(parisTime(d)).toMatch(/^lundi [1-7] 09:00$/);
    }
    // Winter (UTC+1) and summer (UTC+2) instances are an hour apart in UTC: no drift at the clock change.
    expect(new Date(instances[0]!.start).getUTCHours()).toBe(8);
    expect(instances.map((i) => new Date(i.start).getUTCHours())).toContain(7);
  });

  it('lists each open due day and the server maintenance window', async () => {
    const { text, serverId, softwareId } = await writeCalendar();
    const parsed = ical.sync.parseICS(text);
    const due = parsed[`vendor-${softwareId}@revision.app`] as VEvent;
    expect(due.summary).toBe('À faire : Demander au fournisseur si Sage 100 est à jour');
    expect(due.datetype).toBe('date');
    expect(due.start.getFullYear() * 10000 + (due.start.getMonth() + 1) * 100 + due.start.getDate()).toBe(
      20261215,
    );
    const window = parsed[`window-${serverId}@revision.app`] as VEvent;
    expect(window.summary).toBe('Maintenance de Serveur du dépôt (mises à jour)');
    expect(window.rrule?.toString()).toContain('FREQ=DAILY');
    expect(parisTime(new Date(window.start))).toMatch(/ 03:00$/);
  });
});
