import { describe, expect, it } from 'vitest';
import type { OsFacts } from '../../../shared/facts';
import { loadEolData } from './eol';
import { lookupWindows, windowsFeatureVersion } from './eol-windows';

const data = loadEolData();

function win(over: Partial<OsFacts>): OsFacts {
  return { family: 'windows', name: 'Windows', version: '22H2', build: '19045.6456', isServer: false, arch: 'x64', hostname: null, edition: 'home', editionId: 'Core', managed: false, ...over };
}

describe('lookupWindows', () => {
  it('Windows 10 22H2 Home between October 2025 and October 2026: extended, only through the consumer ESU, until 2026-10-13', () => {
    const info = lookupWindows(win({}), new Date('2026-03-01T10:00:00Z'), data);
    expect(info.cycle).toBe('10-22h2');
    expect(info.status).toBe('extended');
    expect(info.extendedAutomatic).toBe(false);
    expect(info.endOfSupport).toBe('2025-10-14');
    expect(info.endOfExtendedSupport).toBe('2026-10-13');
    expect(info.extendedOptions?.find((o) => o.kind === 'business-esu')?.eligible).toBe(false);
  });

  it('Windows 10 22H2 Home on 2026-11-22: the consumer ESU is over too, nothing can cover it any more', () => {
    const info = lookupWindows(win({}), new Date('2026-11-22T10:00:00Z'), data);
    expect(info.status).toBe('ended');
    expect(info.endOfExtendedSupport).toBe('2026-10-13');
    expect(info.extendedOptions?.find((o) => o.kind === 'consumer-esu')?.open).toBe(false);
  });

  it('Windows 10 22H2 Pro on 2026-11-22: only the paid business ESU is left, up to 2028-10-10', () => {
    const info = lookupWindows(win({ edition: 'pro', editionId: 'Professional' }), new Date('2026-11-22T10:00:00Z'), data);
    expect(info.status).toBe('extended');
    expect(info.extendedAutomatic).toBe(false);
    expect(info.endOfExtendedSupport).toBe('2028-10-10');
    const business = info.extendedOptions?.find((o) => o.kind === 'business-esu');
    expect(business).toMatchObject({ paid: true, open: true, eligible: true });
  });

  it('a domain-joined Windows 10 Pro is not eligible to the consumer ESU', () => {
    const info = lookupWindows(win({ edition: 'pro', managed: true }), new Date('2026-03-01T10:00:00Z'), data);
    expect(info.extendedOptions?.find((o) => o.kind === 'consumer-esu')?.eligible).toBe(false);
    expect(info.endOfExtendedSupport).toBe('2028-10-10');
  });

  it('Home/Pro and Enterprise cycles of Windows 11 end on different dates', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const home = lookupWindows(win({ version: '24H2', build: '26100.4351' }), now, data);
    const ent = lookupWindows(win({ version: '24H2', build: '26100.4351', edition: 'enterprise', editionId: 'Enterprise' }), now, data);
    expect(home.cycle).toBe('11-24h2-w');
    expect(home.status).toBe('ended');
    expect(ent.cycle).toBe('11-24h2-e');
    expect(ent.status).toBe('supported');
    expect(ent.endOfSupport).toBe('2027-10-12');
  });

  it('Windows 11 25H2 Pro is supported; 23H2 Home ended in November 2025', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(lookupWindows(win({ version: '25H2', build: '26200.6899', edition: 'pro' }), now, data).status).toBe('supported');
    expect(lookupWindows(win({ version: '23H2', build: '22631.4317' }), now, data).status).toBe('ended');
  });

  it('LTSC editions match the long-term cycle', () => {
    const info = lookupWindows(win({ version: '21H2', build: '19044.5011', edition: 'enterprise', editionId: 'EnterpriseS' }), new Date('2026-11-22T10:00:00Z'), data);
    expect(info.cycle).toBe('10-21h2-e-lts');
    expect(info.status).toBe('supported');
  });

  it('Windows Server matches by build: 2019 supported until 2029, 2012 R2 past its paid ESU', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const s2019 = lookupWindows(win({ isServer: true, edition: 'server', version: '1809', build: '17763.6414' }), now, data);
    expect(s2019.product).toBe('windows-server');
    expect(s2019.cycle).toBe('2019');
    expect(s2019.status).toBe('supported');
    const s2012 = lookupWindows(win({ isServer: true, edition: 'server', version: '', build: '9600.21620' }), now, data);
    expect(s2012.status).toBe('ended');
  });

  it('an unreadable build gives unknown, never supported', () => {
    expect(lookupWindows(win({ version: '', build: null }), new Date(), data).status).toBe('unknown');
    expect(lookupWindows(win({ version: 'XYZ', build: '99999' }), new Date(), data).status).toBe('unknown');
  });

  it('falls back to the build when DisplayVersion is missing', () => {
    expect(windowsFeatureVersion({ version: '', build: '22631.4317' })).toBe('23H2');
  });
});
