/**
 * Inventory probe: the installed software. dpkg or rpm is the main source and must answer;
 * flatpak and snap add desktop applications when they are present.
 */
import type { InstalledApplication } from '../../../../shared/facts';
import type { Probe } from '../../checkup/probe';
import { RunError } from '../../exec/host';
import { orIfMissing, packageManagerOf } from './util';

/** The dpkg-query format the probe asks for. */
export const DPKG_FORMAT = '${Package}\\t${Version}\\t${Status}\\t${Maintainer}\\n';

/** Parses `dpkg-query -W -f=DPKG_FORMAT`: installed packages only. Throws when nothing parses. */
export function parseDpkgQuery(text: string): InstalledApplication[] {
  const apps: InstalledApplication[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 3 || !cols[0]) continue;
    lines += 1;
    if (!/\binstall ok installed\b/.test(cols[2] ?? '')) continue;
    apps.push({ name: cols[0], version: cols[1] || null, publisher: maintainerName(cols[3]), source: 'dpkg' });
  }
  if (lines === 0) throw new RunError('failed', 'dpkg-query -W', 'dpkg-query : réponse illisible (aucun paquet reconnu)');
  return apps;
}

/** Debian's "Name <e-mail>" maintainer as a name: the publisher is a name, never an e-mail address. */
export function maintainerName(maintainer: string | undefined): string | null {
  const name = (maintainer ?? '').replace(/<[^<>]*>/g, '').replace(/\S+@\S+/g, '').replace(/\s+/g, ' ').trim();
  return name || null;
}

/**
 * Parses `dpkg-query -S /usr/share/applications` ("chromium, vim-common, openjdk-17-jre:amd64: /usr/share/applications"):
 * the packages that ship a desktop entry, i.e. programs a person opens from the menu.
 */
export function parseDesktopOwners(text: string): Set<string> {
  const owners = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^(.+):\s+\/usr\/share\/applications\/?$/.exec(line.trim());
    for (const name of m?.[1]?.split(',') ?? []) owners.add(name.trim().replace(/:[a-z0-9]+$/, ''));
  }
  return owners;
}

/** Parses `rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\t%{VENDOR}\t%{INSTALLTIME}\n'`. */
export function parseRpmQuery(text: string): InstalledApplication[] {
  const apps: InstalledApplication[] = [];
  for (const line of text.split('\n')) {
    const [name, version, vendor, time] = line.split('\t');
    if (!name || !version) continue;
    const t = Number(time);
    apps.push({
      name,
      version,
      publisher: vendor && vendor !== '(none)' ? vendor : null,
      source: 'rpm',
      installDate: Number.isInteger(t) && t > 0 ? new Date(t * 1000).toISOString() : null,
    });
  }
  if (apps.length === 0) throw new RunError('failed', 'rpm -qa', 'rpm -qa : réponse illisible (aucun paquet reconnu)');
  return apps;
}

/** Parses `flatpak list --app --columns=application,version,origin` (tab separated). */
export function parseFlatpakList(text: string): InstalledApplication[] {
  return text
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[0] && /\./.test(c[0]))
    .map((c) => ({ name: c[0]!.trim(), version: c[1]?.trim() || null, publisher: c[2]?.trim() || null, source: 'flatpak' as const }));
}

/** Parses `snap list` (header "Name Version Rev Tracking Publisher Notes"). */
export function parseSnapList(text: string): InstalledApplication[] {
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines[0] || !/^Name\s+Version/.test(lines[0])) return [];
  return lines.slice(1).map((l) => {
    const c = l.trim().split(/\s+/);
    return { name: c[0]!, version: c[1] ?? null, publisher: c[4]?.replace(/\*$|✓$/, '') || null, source: 'snap' as const };
  });
}

/** Lists the installed software. */
export const inventoryProbe: Probe = {
  id: 'inventory',
  labelKey: 'inventory',
  sections: ['inventory'],
  timeoutMs: 30_000,
  after: ['identity'],
  async run(ctx) {
    const probe = 'inventory';
    const opts = { signal: ctx.signal, probe };
    const pm = await packageManagerOf(ctx, probe);
    const main =
      pm === 'apt'
        ? ctx.host.run({ file: 'dpkg-query', args: ['-W', `-f=${DPKG_FORMAT}`], timeoutMs: 20_000 }, opts).then((r) => parseDpkgQuery(r.stdout))
        : pm === 'dnf' || pm === 'zypper'
          ? ctx.host
              .run({ file: 'rpm', args: ['-qa', '--qf', '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\t%{INSTALLTIME}\\n'], timeoutMs: 20_000 }, opts)
              .then((r) => parseRpmQuery(r.stdout))
          : Promise.reject(new RunError('not-found', 'dpkg/rpm', 'ni dpkg ni rpm sur cette machine'));
    // Which packages ship a desktop entry; the list is a help, its failure leaves every package a system one.
    const desktop =
      pm === 'apt'
        ? ctx.host
            .run({ file: 'dpkg-query', args: ['-S', '/usr/share/applications'], timeoutMs: 15_000, okExitCodes: [0, 1] }, opts)
            .then((r) => parseDesktopOwners(r.stdout))
            .catch(() => new Set<string>())
        : Promise.resolve(new Set<string>());
    const [packages, flatpaks, snaps, owners] = await Promise.all([
      main,
      orIfMissing(
        () => ctx.host.run({ file: 'flatpak', args: ['list', '--app', '--columns=application,version,origin'], timeoutMs: 15_000 }, opts).then((r) => parseFlatpakList(r.stdout)),
        [],
      ).catch(() => []),
      orIfMissing(() => ctx.host.run({ file: 'snap', args: ['list'], timeoutMs: 15_000 }, opts).then((r) => parseSnapList(r.stdout)), []).catch(() => []),
      desktop,
    ]);
    const marked = owners.size > 0 ? packages.map((a) => (owners.has(a.name) ? { ...a, desktop: true } : a)) : packages;
    return { inventory: { applications: [...marked, ...flatpaks, ...snaps] } };
  },
};
