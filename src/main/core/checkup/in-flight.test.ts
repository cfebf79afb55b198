import { describe, expect, it } from 'vitest';
import type { CheckupProgress, CheckupReport } from '../../../shared/checkup';
import { createCheckupInFlight } from './in-flight';

const step = (done: number): CheckupProgress => ({
  done,
  total: 3,
  probeId: 'os',
  labelKey: 'os',
  phase: 'end',
});

describe('checkup in flight', () => {
  it('a window reloaded mid-checkup sees it running, joins it and gets the same report', async () => {
    const flight = createCheckupInFlight();
    let finish!: (r: CheckupReport) => void;
    let emit!: (e: CheckupProgress) => void;
    let starts = 0;
    const start = (onProgress: (e: CheckupProgress) => void) => {
      starts += 1;
      emit = onProgress;
      return new Promise<CheckupReport>((resolve) => (finish = resolve));
    };
    const seenFirst: number[] = [];
    const first = flight.run(start, (e) => seenFirst.push(e.done));
    emit(step(1));
    expect(flight.status()).toEqual({ running: true, progress: step(1) });
    const seenSecond: number[] = [];
    const second = flight.run(start, (e) => seenSecond.push(e.done));
    emit(step(2));
    const report = { id: 'r1' } as unknown as CheckupReport;
    finish(report);
    await expect(first).resolves.toBe(report);
    await expect(second).resolves.toBe(report);
    expect(starts).toBe(1);
    expect(seenFirst).toEqual([1, 2]);
    expect(seenSecond).toEqual([2]);
    expect(flight.status()).toEqual({ running: false, progress: null });
  });
});
