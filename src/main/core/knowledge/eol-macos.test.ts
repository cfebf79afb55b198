import { describe, expect, it } from 'vitest';
import type { OsFacts } from '../../../shared/facts';
import { loadEolData } from './eol';
import { compareDotted, lookupMacos, macosCycle } from './eol-macos';

const data = loadEolData();
const mac = (version: string): OsFacts => ({ family: 'macos', name: 'macOS', version, build: null, isServer: false, arch: 'arm64', hostname: null });

describe('lookupMacos', () => {
  it('macOS 14 is matched to cycle 14 and supported per the bundled data', () => {
    const info = lookupMacos(mac('14.6.1'), new Date('2026-11-22T10:00:00Z'), data);
    expect(info.cycle).toBe('14');
    expect(info.label).toBe('14.6.1');
    expect(info.status).toBe('supported');
    expect(info.latest).toBe('14.8.9');
  });
  it('macOS 13 Ventura ended on 2025-09-15', () => {
    const info = lookupMacos(mac('13.7.8'), new Date('2026-11-22T10:00:00Z'), data);
    expect(info.status).toBe('ended');
    expect(info.endOfSupport).toBe('2025-09-15');
  });
  it('10.15 matches cycle 10.15', () => {
    expect(macosCycle('10.15.7')).toBe('10.15');
    expect(lookupMacos(mac('10.15.7'), new Date('2026-11-22T10:00:00Z'), data).status).toBe('ended');
  });
  it('garbage gives unknown', () => {
    expect(lookupMacos(mac('abc'), new Date(), data).status).toBe('unknown');
    expect(lookupMacos(mac('99.1'), new Date(), data).status).toBe('unknown');
  });
  it('compares versions numerically', () => {
    expect(compareDotted('14.10', '14.9')).toBeGreaterThan(0);
    expect(compareDotted('14.6.1', '14.8.9')).toBeLessThan(0);
  });
});
