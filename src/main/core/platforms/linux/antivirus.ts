/**
 * Antivirus probe. On Linux the one common antivirus is ClamAV: its signature databases live in
 * /var/lib/clamav, and each one's 512-byte header gives its build time (read with `head -c 512`,
 * so sigtool need not be installed). No ClamAV → no product
 * (the finding says no antivirus was found; never "ok").
 */
import type { AntivirusFacts, AntivirusProduct } from '../../../../shared/facts';
import type { Probe } from '../../checkup/probe';
import { isRunError } from '../../exec/host';

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/**
 * Parses the 512-byte header of a ClamAV database (.cvd/.cld):
 * "ClamAV-VDB:16 Apr 2020 07-58 -0400:25784:2267600:63:md5:dsig:builder:1587038339".
 * The build time is the trailing epoch when present, else the "%d %b %Y %H-%M %z" date.
 */
export function parseCvdHeader(text: string): { buildTime: string | null; version: string | null } {
  const line = text.split(/[\n\0]/)[0] ?? '';
  if (!line.startsWith('ClamAV-VDB:')) return { buildTime: null, version: null };
  const fields = line.trim().split(':');
  const version = fields[2] && /^\d+$/.test(fields[2]) ? fields[2] : null;
  const epoch = Number(fields[8]);
  if (Number.isInteger(epoch) && epoch > 1_000_000_000) return { buildTime: new Date(epoch * 1000).toISOString(), version };
  const m = /^(\d{1,2}) (\w{3}) (\d{4}) (\d{2})[-:](\d{2}) ([+-]\d{2})(\d{2})$/.exec(fields[1] ?? '');
  const month = m ? MONTHS[m[2] ?? ''] : undefined;
  if (!m || !month) return { buildTime: null, version };
  const date = new Date(`${m[3]}-${month}-${(m[1] ?? '').padStart(2, '0')}T${m[4]}:${m[5]}:00${m[6]}:${m[7]}`);
  return { buildTime: Number.isNaN(date.getTime()) ? null : date.toISOString(), version };
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
    source: newest ? `${newest.file} (en-tête)` : '/var/lib/clamav',
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
      const r = await ctx.host.run({ file: 'head', args: ['-c', '512', file], timeoutMs: 10_000 }, opts);
      infos.push({ file, ...parseCvdHeader(r.stdout) });
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
