import { describe, expect, it } from 'vitest';
import { worstState } from './voyant';

describe('worstState (the summary voyant)', () => {
  it('is never ok when a point could not be checked or nothing was checked', () => {
    expect(worstState([])).toBe('unknown');
    expect(worstState(['ok', 'unknown', 'ok'])).toBe('unknown');
    expect(worstState(['ok', 'ok'])).toBe('ok');
    expect(worstState(['unknown', 'attention'])).toBe('attention');
    expect(worstState(['attention', 'danger', 'unknown'])).toBe('danger');
  });
});
