import { describe, expect, it } from 'vitest';
import { revisionReminder } from './reminder';

const at = (s: string) => new Date(s);

describe('the révision reminder', () => {
  const base = { enabled: true, late: false };
  it('counts the days to the next weekly check', () => {
    const r = revisionReminder(
      { ...base, lastCheckAt: '2026-11-28T09:00:00', nextCheckAt: '2026-12-05T09:00:00' },
      at('2026-11-28T10:00:00'),
    );
    expect(r).toMatchObject({ kind: 'due', tone: 'neutral', days: 7 });
  });

  it('says today when the check is due today', () => {
    const r = revisionReminder(
      { ...base, lastCheckAt: '2026-11-21T09:00:00', nextCheckAt: '2026-11-28T18:00:00' },
      at('2026-11-28T10:00:00'),
    );
    expect(r.kind).toBe('today');
  });

  it('is late in attention style, then danger after a second missed week', () => {
    const status = {
      enabled: true,
      late: true,
      lastCheckAt: '2026-11-01T09:00:00',
      nextCheckAt: '2026-11-28T10:00:00',
    };
    expect(revisionReminder(status, at('2026-11-12T10:00:00'))).toMatchObject({
      kind: 'late',
      tone: 'attention',
      days: 4,
    });
    expect(revisionReminder(status, at('2026-11-28T10:00:00'))).toMatchObject({
      kind: 'late',
      tone: 'danger',
      days: 20,
    });
  });

  it('says the weekly check is off, or that there was never a check', () => {
    expect(
      revisionReminder(
        { enabled: false, late: false, lastCheckAt: '2026-11-28T09:00:00', nextCheckAt: null },
        at('2026-11-28T10:00:00'),
      ),
    ).toMatchObject({ kind: 'off', tone: 'pending' });
    expect(revisionReminder(null, at('2026-11-28T10:00:00'))).toEqual({ kind: 'never', tone: 'pending' });
    expect(
      revisionReminder(
        { enabled: true, late: true, lastCheckAt: null, nextCheckAt: '2026-11-28T10:00:00' },
        at('2026-11-28T10:00:00'),
      ),
    ).toEqual({ kind: 'never', tone: 'pending' });
  });
});
