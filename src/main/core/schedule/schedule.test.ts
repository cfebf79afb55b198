import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToTestItem, WatchState } from '../../../shared/carnet';
import { localDay } from '../../../shared/carnet';
import { chooseNotification, markSent, worsened } from './notify';
import { afterQuiet, defaultRules, isQuiet, nextCheckAt, shouldCheckNow } from './plan';

// Local-time rules (quiet hours, one a day) are checked in the owner's time zone, clock changes included.
let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('when the watch checks', () => {
  it('checks at start when the last check is older than 7 days, not before', () => {
    const last = new Date(2026, 0, 5, 10);
    expect(shouldCheckNow(last, new Date(2026, 0, 12, 9, 59), defaultRules)).toBe(false);
    expect(shouldCheckNow(last, new Date(2026, 0, 12, 10, 0), defaultRules)).toBe(true);
    expect(shouldCheckNow(null, new Date(2026, 0, 12, 10, 0), defaultRules)).toBe(true);
    expect(shouldCheckNow(null, new Date(2026, 0, 12, 10, 0), { ...defaultRules, enabled: false })).toBe(
      false,
    );
  });

  it('never during quiet hours: a check due at night waits for 8 h', () => {
    expect(isQuiet(new Date(2026, 2, 3, 21, 0))).toBe(true);
    expect(isQuiet(new Date(2026, 2, 3, 7, 59))).toBe(true);
    expect(isQuiet(new Date(2026, 2, 3, 8, 0))).toBe(false);
    expect(afterQuiet(new Date(2026, 2, 3, 23, 30))).toEqual(new Date(2026, 2, 4, 8, 0));
    expect(afterQuiet(new Date(2026, 2, 4, 2, 0))).toEqual(new Date(2026, 2, 4, 8, 0));
    const last = new Date(2026, 2, 1, 22, 0);
    expect(nextCheckAt(last, new Date(2026, 2, 2, 12), defaultRules)).toEqual(new Date(2026, 2, 9, 8, 0));
    expect(shouldCheckNow(last, new Date(2026, 2, 8, 23, 0))).toBe(false);
  });

  it('a missed check (computer asleep) is due at once when it wakes', () => {
    const last = new Date(2026, 7, 1, 10);
    const wake = new Date(2026, 7, 24, 9, 15);
    expect(nextCheckAt(last, wake)).toEqual(wake);
    expect(shouldCheckNow(last, wake)).toBe(true);
    expect(nextCheckAt(last, wake, { ...defaultRules, enabled: false })).toBeNull();
  });
});

describe('what the watch tells the owner', () => {
  const now = new Date(2026, 4, 12, 10);
  const base: WatchState = {
    previousStates: { a: 'ok', b: 'attention' },
    lastStates: { a: 'ok', b: 'attention' },
    lastCheckAt: now.toISOString(),
  };
  const toTest: ToTestItem[] = [
    {
      softwareId: 's1',
      name: 'Sage 100',
      reason: 'system',
      versionBefore: '9',
      versionNow: '9',
      updatedAt: '2026-05-11T02:00:00Z',
    },
  ];

  it('says nothing when nothing changed for the worse and nothing needs the owner', () => {
    expect(chooseNotification({ watch: base, toTest: [], overdue: [], now })).toBeNull();
    expect(
      chooseNotification({
        watch: { ...base, lastStates: { a: 'ok', b: 'ok' } },
        toTest: [],
        overdue: [],
        now,
      }),
    ).toBeNull();
    // Never tested is shown on the dashboard, it is not news.
    expect(
      chooseNotification({ watch: base, toTest: [{ ...toTest[0]!, reason: 'never' }], overdue: [], now }),
    ).toBeNull();
  });

  it('tells when voyants got worse, then about the update to test, one a day, never twice', () => {
    const worse = { ...base, lastStates: { a: 'danger', b: 'danger', c: 'attention' } };
    expect(worsened(worse.previousStates, worse.lastStates)).toEqual(['a', 'b', 'c']);
    const first = chooseNotification({ watch: worse, toTest, overdue: [], now })!;
    expect(first).toMatchObject({ kind: 'worse', count: 3, screen: 'dashboard' });
    let watch = markSent(worse, first, now);
    expect(
      chooseNotification({ watch, toTest, overdue: [], now: new Date(now.getTime() + 3 * HOUR) }),
    ).toBeNull();
    const tomorrow = new Date(now.getTime() + DAY);
    const second = chooseNotification({ watch, toTest, overdue: [], now: tomorrow })!;
    expect(second).toMatchObject({ kind: 'test', names: ['Sage 100'], screen: 'journal' });
    watch = markSent(watch, second, tomorrow);
    expect(
      chooseNotification({ watch, toTest, overdue: [], now: new Date(tomorrow.getTime() + DAY) }),
    ).toBeNull();
    expect(
      chooseNotification({ watch, toTest, overdue: ['vendor:s1'], now: new Date(tomorrow.getTime() + DAY) }),
    ).toMatchObject({ kind: 'overdue', count: 1 });
  });

  it('keeps quiet at night', () => {
    const worse = { ...base, lastStates: { a: 'danger', b: 'attention' } };
    expect(
      chooseNotification({ watch: worse, toTest: [], overdue: [], now: new Date(2026, 4, 12, 22) }),
    ).toBeNull();
  });
});

/** A year of a small office's laptop: on 8 h–19 h on weekdays, three weeks off in August. */
function awake(at: Date): boolean {
  const day = at.getDay();
  const h = at.getHours();
  const holiday = at.getMonth() === 7 && at.getDate() >= 3 && at.getDate() <= 23;
  return !holiday && day >= 1 && day <= 5 && h >= 8 && h < 19;
}

describe('a simulated year with a fake clock', () => {
  it('checks about weekly, catches up after sleep and holidays, never at night, and notifies only news, at most once a day', () => {
    const start = new Date(2026, 0, 1, 0, 0);
    let lastCheck: Date | null = null;
    let watch: WatchState = {};
    const checks: Date[] = [];
    const sent: { at: Date; key: string }[] = [];
    let news = 0;
    let wasAwake = false;
    for (let t = start.getTime(); t < start.getTime() + 365 * DAY; t += 15 * 60_000) {
      const now = new Date(t);
      const isAwake = awake(now);
      const resumed = isAwake && !wasAwake;
      wasAwake = isAwake;
      // The shell ticks every hour, and at once on wake-up (powerMonitor « resume »).
      if (!isAwake || (!resumed && now.getMinutes() !== 0)) continue;
      if (!shouldCheckNow(lastCheck, now)) continue;
      checks.push(now);
      lastCheck = now;
      // Every 5th check a voyant turns red; the next one it is back to ok.
      const red = checks.length % 5 === 0;
      if (red) news += 1;
      watch = {
        ...watch,
        previousStates: watch.lastStates,
        lastStates: { updates: red ? 'danger' : 'ok' },
        lastCheckAt: now.toISOString(),
      };
      const n = chooseNotification({ watch, toTest: [], overdue: [], now });
      if (n) {
        sent.push({ at: now, key: n.key });
        watch = markSent(watch, n, now);
      }
    }
    expect(checks.length).toBeGreaterThanOrEqual(48);
    expect(checks.length).toBeLessThanOrEqual(53);
    for (let i = 1; i < checks.length; i += 1) {
      const gap = checks[i]!.getTime() - checks[i - 1]!.getTime();
      expect(gap).toBeGreaterThanOrEqual(7 * DAY);
      // Late only by a weekend (or the holiday, caught up on the first morning back).
      if (checks[i]!.getMonth() !== 7) expect(gap).toBeLessThan(10 * DAY);
    }
    expect(checks.every((c) => !isQuiet(c) && awake(c))).toBe(true);
    const back = checks.find((c) => c.getMonth() === 7 && c.getDate() > 23)!;
    expect(localDay(back)).toBe('2026-08-24');
    expect(back.getHours()).toBe(8);
    expect(sent).toHaveLength(news);
    expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
    expect(new Set(sent.map((s) => localDay(s.at))).size).toBe(sent.length);
  });
});
