import { describe, expect, it } from 'vitest';
import { compareVersions, inCycle, isComparableVersion } from './versions';

describe('compareVersions', () => {
  it('orders dotted versions numerically, not as text', () => {
    expect(compareVersions('144.0', '154.0')).toBeLessThan(0);
    expect(compareVersions('8.10.0', '8.9.7')).toBeGreaterThan(0);
    expect(compareVersions('16.0.19231.20156', '16.0.9231.20156')).toBeGreaterThan(0);
    expect(compareVersions('24.08', '24.8')).toBe(0);
    expect(compareVersions('1.0', '1.0.0')).toBeLessThan(0);
  });

  it('understands Debian epochs, revisions and tildes as dpkg does', () => {
    expect(compareVersions('1:2.0-1', '3.0-1')).toBeGreaterThan(0);
    expect(compareVersions('128.5.0esr-1~deb12u1', '128.5.0esr-1')).toBeLessThan(0);
    expect(compareVersions('2.39.5-0+deb12u2', '2.39.5-0+deb12u1')).toBeGreaterThan(0);
    expect(compareVersions('1.0~rc1', '1.0')).toBeLessThan(0);
    expect(compareVersions('9.0.1378-2+deb12u2', '9.0.1378-2')).toBeGreaterThan(0);
  });

  it('puts letters after the end of a number part', () => {
    expect(compareVersions('8.2.1a', '8.2.1')).toBeGreaterThan(0);
    expect(compareVersions('8.2.1a', '8.2.2')).toBeLessThan(0);
  });
});

describe('inCycle', () => {
  it('matches a version to its release cycle on a boundary only', () => {
    expect(inCycle('8.2.1', '8.2')).toBe(true);
    expect(inCycle('144.0', '144')).toBe(true);
    expect(inCycle('1440.0', '144')).toBe(false);
    expect(inCycle('3.11.2-6+deb12u6', '3.11')).toBe(true);
    expect(inCycle('3.1', '3.11')).toBe(false);
  });
});

describe('isComparableVersion', () => {
  it('refuses empty, missing or wordy versions', () => {
    expect(isComparableVersion(null)).toBe(false);
    expect(isComparableVersion('')).toBe(false);
    expect(isComparableVersion('Unknown')).toBe(false);
    expect(isComparableVersion('< 1.2')).toBe(false);
    expect(isComparableVersion('1.2')).toBe(true);
  });
});
