import { describe, expect, it } from 'vitest';
import { allTasks, currentMission, deviceGuides, deviceState, missionProgress, missions, type MissionContext } from './missions';
import { deviceKinds, emptyWorkspace, type Device } from './workspace';
import { resources } from './i18n';

const now = new Date('2026-11-22T10:00:00Z');
function ctx(patch: Partial<MissionContext['workspace']> = {}, findingStates: MissionContext['findingStates'] = {}): MissionContext {
  return { workspace: { ...emptyWorkspace(now), ...patch }, findingStates };
}
function device(kind: Device['kind'], ticked: readonly string[]): Device {
  return { id: kind, kind, name: kind, addedAt: now.toISOString(), steps: Object.fromEntries(ticked.map((s) => [s, now.toISOString()])) };
}

describe('missions', () => {
  it('never shows a device as ok until every step of its guide is ticked', () => {
    const steps = deviceGuides.iphone;
    expect(deviceState(device('iphone', []))).toBe('attention');
    expect(deviceState(device('iphone', steps.slice(0, -1)))).toBe('attention');
    expect(deviceState(device('iphone', steps))).toBe('ok');
  });

  it('counts « cet ordinateur » done only when the checkup says automatic updates are on, not on a tick', () => {
    const ticked = ctx({ missions: { 'debutant.this-computer': now.toISOString() } });
    expect(missionProgress('debutant', ticked).done).toBe(0);
    expect(missionProgress('debutant', ctx({}, { 'auto-updates': 'unknown' })).done).toBe(0);
    expect(missionProgress('debutant', ctx({}, { 'auto-updates': 'ok' })).done).toBe(1);
  });

  it('completes the beginner mission once every phone and tablet has its steps ticked, then moves on', () => {
    const iphone = device('iphone', deviceGuides.iphone);
    const tablet = device('android-tablet', deviceGuides['android-tablet'].slice(0, 1));
    const states = { 'auto-updates': 'ok' } as const;
    expect(missionProgress('debutant', ctx({ devices: [iphone, tablet] }, states)).complete).toBe(false);
    expect(currentMission(ctx({ devices: [iphone, tablet] }, states))).toBe('debutant');
    const done = device('android-tablet', deviceGuides['android-tablet']);
    expect(missionProgress('debutant', ctx({ devices: [iphone, done] }, states)).complete).toBe(true);
    expect(currentMission(ctx({ devices: [iphone, done] }, states))).toBe('intermediaire');
    // No device at all only counts when the owner says so.
    expect(missionProgress('debutant', ctx({}, states)).complete).toBe(false);
    expect(missionProgress('debutant', ctx({ missions: { 'debutant.no-other-devices': now.toISOString() } }, states)).complete).toBe(true);
  });

  it('wants a night or weekend schedule on every server', () => {
    const server = { ...device('server', []), schedule: 'always' as const };
    const expert = missions.find((m) => m.id === 'expert')!;
    const task = expert.tasks.find((t) => t.id === 'expert.server-schedule')!;
    expect(missionProgress('expert', ctx({ devices: [server] })).done).toBe(0);
    expect(missionProgress('expert', ctx({ devices: [{ ...server, schedule: 'night' }] })).done).toBe(1);
    expect(task.action).toBe('schedule-servers');
  });

  it('has every text in French and English: missions, tasks, devices, steps', () => {
    for (const lang of ['fr', 'en'] as const) {
      const g = resources[lang].guides as unknown as Record<string, Record<string, Record<string, unknown>>>;
      for (const m of missions) expect(g.missions?.[m.id]?.title, `${lang} ${m.id}`).toBeTruthy();
      for (const t of allTasks) {
        expect(g.tasks?.[t.id]?.title, `${lang} ${t.id}`).toBeTruthy();
        if (t.handSteps > 0) expect(g.tasks?.[t.id]?.steps, `${lang} ${t.id}`).toHaveLength(t.handSteps);
        if ('noneTaskId' in t.completion) expect(g.tasks?.[t.id]?.none, `${lang} ${t.id} none`).toBeTruthy();
      }
      for (const kind of deviceKinds) {
        expect(g.devices?.[kind]?.name, `${lang} ${kind}`).toBeTruthy();
        for (const s of deviceGuides[kind]) expect((g.steps?.[s] as { path?: string } | undefined)?.path, `${lang} ${s}`).toBeTruthy();
      }
    }
  });
});

describe('honest missions: a task tied to a voyant follows the latest checkup', () => {
  it('a checkup that shows the voyant ok dates the task; a later red checkup reopens it and says which voyant', async () => {
    const { dateTasksShownOk, reopenedTasks } = await import('./missions');
    const record: Record<string, string> = {};
    dateTasksShownOk(record, [{ id: 'auto-updates', state: 'ok' }], '2026-11-01T08:00:00Z');
    expect(record).toEqual({ 'debutant.this-computer': '2026-11-01T08:00:00Z' });
    // A later ok checkup keeps the first date.
    dateTasksShownOk(record, [{ id: 'auto-updates', state: 'ok' }], '2026-11-10T08:00:00Z');
    expect(record['debutant.this-computer']).toBe('2026-11-01T08:00:00Z');

    const red = ctx({ missions: record }, { 'auto-updates': 'danger' });
    expect(missionProgress('debutant', red).complete).toBe(false);
    expect(reopenedTasks(red)).toEqual([
      { task: allTasks.find((t) => t.id === 'debutant.this-computer'), findingId: 'auto-updates', state: 'danger', doneAt: '2026-11-01T08:00:00Z' },
    ]);
    // Ok again: nothing reopened; never checked: nothing claimed either way.
    expect(reopenedTasks(ctx({ missions: record }, { 'auto-updates': 'ok' }))).toEqual([]);
    expect(reopenedTasks(ctx({ missions: record }, {}))).toEqual([]);
  });
  it('« Mission accomplie » never with the voyant red, whatever the owner ticked', () => {
    const ticked = { 'debutant.this-computer': now.toISOString(), 'debutant.no-other-devices': now.toISOString() };
    for (const state of ['danger', 'attention', 'unknown'] as const) {
      expect(missionProgress('debutant', ctx({ missions: ticked }, { 'auto-updates': state })).complete).toBe(false);
    }
    expect(missionProgress('debutant', ctx({ missions: ticked }, { 'auto-updates': 'ok' })).complete).toBe(true);
  });
});
