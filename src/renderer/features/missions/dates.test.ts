import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';

describe('addMonths (next monthly review)', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-11-22T10:00:00.000Z', 1)).toBe('2026-12-22T10:00:00.000Z');
    expect(addMonths('2026-01-31T08:00:00.000Z', 1)).toBe('2026-02-28T08:00:00.000Z');
    expect(addMonths('2026-12-15T08:00:00.000Z', 1)).toBe('2027-01-15T08:00:00.000Z');
  });
});
