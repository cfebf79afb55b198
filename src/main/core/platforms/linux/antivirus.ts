/**
 * Antivirus probe. On Linux the one common antivirus is ClamAV: its signature databases live in
 * /var/lib/clamav, and `sigtool --info` gives each one's build time. No ClamAV → no product
 * (the finding says no antivirus was found; never "ok").
 */
import type { AntivirusFacts, AntivirusProduct } from '../../../../shared/facts';
import type { Probe } from '../../checkup/probe';
import { isRunError } from '../../exec/host';

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** Parses `sigtool --info=FILE`: build time ("21 Nov 2026 09:34 +0000") and version; null fields when absent. */
export function parseSigtoolInfo(text: string): { buildTime: string | null; version: string | null } {
  const build = /^Build time:\s*(\d{1,2}) (\w{3}) (\d{4}) (\d{2}):(\d{2}) ([+-]\d{2})(\d{2})/m.exec(text);
  let buildTime: string | null = null;
  if (build) {
    const [, d, mon, y, hh, mm, tzh, tzm] = build;
    const month = MONTHS[mon ?? ''];
    if (month) {
      const date = new Date(`${y}-${month}-${(d ?? '').padStart(2, '0')}T${hh}:${mm}:00${tzh}:${tzm}`);
      if (!Number.isNaN(date.getTime())) buildTime = date.toISOString();
    }
  }
  const version = /^Version:\s*(\S+)/m.exec(text)?.[1] ?? null;
  return { buildTime, version };
}

/** The ClamAV product from the signature databases read (newest build wins); null without databases. */
export function clamavProduct(infos: readonly { file: string; buildTime: string | null; version: string | null }[], daemonPresent: boolean): AntivirusProduct | null {
  if (infos.length === 0) return null;
  const dated = infos.filter((i) => i.buildTime).sort((a, b) => (b.buildTime! > a.buildTime! ? 1 : -1));
  const newest = dated[0];
  return {
    name: 'ClamAV',
    // ClamAV scans on demand unless its daemon runs; its signatures are what the owner must keep current.
    enabled: true,
    realTime: daemonPresent ? null : false,
    upToDate: null,
    signatureDate: newest?.buildTime ?? null,
    signatureVersion: newest?.version ?? null,
    source: newest ? `sigtool --info=${newest.file}` : 'sigtool --info',
  };
}

/** Looks for ClamAV and the age of its signatures. */
export const antivirusProbe: Probe = {
  id: 'antivirus',
  labelKey: 'antivirus',
  sections: ['antivirus'],
  timeoutMs: 20_000,
  async run(ctx) {
    const probe = 'antivirus';
    const opts = { signal: ctx.signal, probe };
    let names: string[];
    try {
      names = await ctx.host.readDir('/var/lib/clamav', opts);
    } catch (error) {
      if (isRunError(error) && error.kind === 'not-found') return { antivirus: { products: [] } satisfies AntivirusFacts };
      throw error;
    }
    const dbs = names.filter((n) => /^(daily|main|bytecode)\.(cld|cvd)$/.test(n));
    const infos = [];
    for (const db of dbs) {
      const file = `/var/lib/clamav/${db}`;
      const r = await ctx.host.run({ file: 'sigtool', args: [`--info=${file}`], timeoutMs: 15_000 }, opts);
      infos.push({ file, ...parseSigtoolInfo(r.stdout) });
    }
    const daemon = await ctx.host.exists('/usr/sbin/clamd', opts);
    const product = clamavProduct(infos, daemon);
    // The folder exists but holds no database: ClamAV is installed without signatures.
    const products: AntivirusProduct[] = product
      ? [product]
      : [{ name: 'ClamAV', enabled: null, upToDate: false, signatureDate: null, source: '/var/lib/clamav (aucune base de signatures)' }];
    return { antivirus: { products } };
  },
};
