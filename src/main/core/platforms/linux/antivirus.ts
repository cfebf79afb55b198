/**
 * Antivirus probe. On Linux the one common antivirus is ClamAV: its signature databases live in
 * the `DatabaseDirectory` of its configuration (default /var/lib/clamav), and each one's 512-byte
 * header gives its build time (read with `head -c 512`, so sigtool need not be installed). Whether
 * clamd or on-access scanning (clamonacc) runs says if it protects by itself or only on demand.
 * No ClamAV → no product (the finding says no antivirus was found; never "ok").
 */
import type { AntivirusFacts, AntivirusProduct } from '../../../../shared/facts';
import type { Probe, ProbeContext } from '../../checkup/probe';
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

/** Which ClamAV processes run: the daemon (clamd) and the on-access scanner (clamonacc); null when unknown. */
export interface ClamProcesses {
  readonly clamd: boolean | null;
  readonly onAccess: boolean | null;
}

/** The ClamAV product from the signature databases read (newest build wins); null without databases. */
export function clamavProduct(
  infos: readonly { file: string; buildTime: string | null; version: string | null }[],
  processes: ClamProcesses,
  databaseDir = DEFAULT_DB_DIR,
): AntivirusProduct | null {
  if (infos.length === 0) return null;
  const dated = infos.filter((i) => i.buildTime).sort((a, b) => (b.buildTime! > a.buildTime! ? 1 : -1));
  const newest = dated[0];
  // Only clamonacc scans files as they are opened; clamd alone answers scans it is asked for.
  const realTime = processes.onAccess === true ? true : processes.onAccess === false ? false : null;
  const running = processes.clamd === true || processes.onAccess === true;
  const known = processes.clamd !== null && processes.onAccess !== null;
  return {
    name: 'ClamAV',
    enabled: true,
    realTime,
    upToDate: null,
    signatureDate: newest?.buildTime ?? null,
    signatureVersion: newest?.version ?? null,
    source: newest ? `${newest.file} (en-tête)` : databaseDir,
    // Neither the daemon nor on-access scanning runs: ClamAV only scans when someone asks it to.
    ...(known && !running ? { onDemandOnly: true } : {}),
  };
}

/** ClamAV's default database folder (Debian, Fedora); `DatabaseDirectory` in its configuration overrides it. */
export const DEFAULT_DB_DIR = '/var/lib/clamav';

/** The configuration files that may set `DatabaseDirectory` (Debian, then Fedora/EPEL, then upstream defaults). */
export const CLAM_CONFIGS = ['/etc/clamav/freshclam.conf', '/etc/clamav/clamd.conf', '/etc/freshclam.conf', '/etc/clamd.d/scan.conf', '/etc/clamd.conf'] as const;

/** `DatabaseDirectory` from a clamd/freshclam configuration text (last uncommented one wins); null when not set. */
export function parseDatabaseDirectory(text: string): string | null {
  let dir: string | null = null;
  for (const raw of text.split('\n')) {
    const m = /^\s*DatabaseDirectory\s+"?([^"#]+?)"?\s*$/.exec(raw);
    if (m?.[1]) dir = m[1];
  }
  return dir;
}

/** `pgrep -l -x 'clamd|clamonacc'`: which of the two run ("1234 clamd" lines; exit 1 when none). */
export function parsePgrep(text: string): ClamProcesses {
  const names = new Set(text.split('\n').map((l) => l.trim().split(/\s+/)[1]).filter(Boolean));
  return { clamd: names.has('clamd'), onAccess: names.has('clamonacc') };
}

async function databaseDirectory(ctx: ProbeContext, probe: string): Promise<{ dir: string; configured: string | null }> {
  for (const path of CLAM_CONFIGS) {
    try {
      const dir = parseDatabaseDirectory(await ctx.host.readFile(path, { signal: ctx.signal, probe }));
      if (dir) return { dir, configured: path };
    } catch (error) {
      if (isRunError(error) && error.kind === 'aborted') throw error;
    }
  }
  return { dir: DEFAULT_DB_DIR, configured: null };
}

async function clamProcesses(ctx: ProbeContext, probe: string): Promise<ClamProcesses> {
  try {
    const r = await ctx.host.run(
      { file: 'pgrep', args: ['-l', '-x', 'clamd|clamonacc'], timeoutMs: 5_000, okExitCodes: [0, 1] },
      { signal: ctx.signal, probe },
    );
    return parsePgrep(r.stdout);
  } catch (error) {
    if (isRunError(error) && error.kind === 'aborted') throw error;
    return { clamd: null, onAccess: null };
  }
}

/** Looks for ClamAV: its database folder (from its configuration), the age of its signatures and whether it scans by itself. */
export const antivirusProbe: Probe = {
  id: 'antivirus',
  labelKey: 'antivirus',
  sections: ['antivirus'],
  timeoutMs: 20_000,
  async run(ctx) {
    const probe = 'antivirus';
    const opts = { signal: ctx.signal, probe };
    const { dir, configured } = await databaseDirectory(ctx, probe);
    let names: string[];
    try {
      names = await ctx.host.readDir(dir, opts);
    } catch (error) {
      // A configured folder that is missing is still ClamAV installed: say so rather than « no antivirus ».
      if (isRunError(error) && error.kind === 'not-found' && !configured) return { antivirus: { products: [] } satisfies AntivirusFacts };
      if (!isRunError(error) || error.kind !== 'not-found') throw error;
      names = [];
    }
    const dbs = names.filter((n) => /^(daily|main|bytecode)\.(cld|cvd)$/.test(n));
    const infos = [];
    for (const db of dbs) {
      const file = `${dir.replace(/\/$/, '')}/${db}`;
      const r = await ctx.host.run({ file: 'head', args: ['-c', '512', file], timeoutMs: 10_000 }, opts);
      infos.push({ file, ...parseCvdHeader(r.stdout) });
    }
    const product = clamavProduct(infos, await clamProcesses(ctx, probe), dir);
    // The folder exists but holds no database: ClamAV is installed without signatures.
    const products: AntivirusProduct[] = product
      ? [product]
      : [{ name: 'ClamAV', enabled: null, upToDate: false, signatureDate: null, source: `${dir} (aucune base de signatures)` }];
    return { antivirus: { products } };
  },
};
