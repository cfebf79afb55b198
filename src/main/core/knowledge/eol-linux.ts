/**
 * Which endoflife.date product and cycle a Linux distribution is, from its os-release `ID`,
 * `ID_LIKE`, `NAME` and `VERSION_ID`: every apt, dnf/yum and zypper distribution of the bundled
 * data (Debian and Ubuntu families, the RHEL family, Amazon Linux, openSUSE and SLES).
 */
import type { OsFacts } from '../../../shared/facts';

/** The product/cycle a release maps to; `extendedAutomatic`: extended support needs nothing from the owner. */
export interface LinuxCycle {
  readonly product: string;
  readonly cycle: string;
  readonly extendedAutomatic: boolean;
}

type CycleOf = (version: string, os: Pick<OsFacts, 'name' | 'codename'>) => string | null;

const major: CycleOf = (v) => /^(\d+)/.exec(v)?.[1] ?? null;
const majorMinor: CycleOf = (v) => /^(\d+\.\d+)/.exec(v)?.[1] ?? null;
// SLES writes "15-SP5" in VERSION and "15.5" in VERSION_ID; the data uses "15.5" (and "16.0").
const suse: CycleOf = (v) => /^(\d+\.\d+)/.exec(v)?.[1] ?? (/^(\d+)$/.test(v) ? `${v}.0` : null);
// Amazon Linux: "2023" and "2" (VERSION_ID), older "2018.03".
const amazon: CycleOf = (v) => /^(20\d\d\.\d\d|20\d\d|\d)\b/.exec(v)?.[1] ?? null;
// Linux Mint: "21.3"; LMDE (NAME "LMDE") writes VERSION_ID "6" → "lmde6".
const mint: CycleOf = (v, os) =>
  /^LMDE/i.test(os.name)
    ? major(v, os)
      ? `lmde${major(v, os)}`
      : null
    : (majorMinor(v, os) ?? major(v, os));

interface Rule {
  readonly product: string;
  readonly cycle: CycleOf;
  readonly extendedAutomatic?: boolean;
  /** Only when NAME matches (CentOS Stream shares ID "centos" with CentOS Linux). */
  readonly name?: RegExp;
}

/** os-release ID → data product. Order matters only for ids with several rules. */
const BY_ID: Readonly<Record<string, readonly Rule[]>> = {
  // Debian LTS continues security fixes through the same mirrors: nothing to do.
  debian: [{ product: 'debian', cycle: major, extendedAutomatic: true }],
  // Raspberry Pi OS (32-bit: ID raspbian) follows Debian's releases.
  raspbian: [{ product: 'debian', cycle: major, extendedAutomatic: true }],
  // Ubuntu ESM needs an Ubuntu Pro subscription.
  ubuntu: [{ product: 'ubuntu', cycle: majorMinor }],
  linuxmint: [{ product: 'linuxmint', cycle: mint }],
  pop: [{ product: 'pop-os', cycle: majorMinor }],
  devuan: [{ product: 'devuan', cycle: major }],
  fedora: [{ product: 'fedora', cycle: major }],
  // RHEL's extended life phase is a paid add-on.
  rhel: [{ product: 'rhel', cycle: major }],
  centos: [
    { product: 'centos-stream', cycle: major, name: /stream/i },
    { product: 'centos', cycle: major },
  ],
  rocky: [{ product: 'rocky-linux', cycle: major }],
  almalinux: [{ product: 'almalinux', cycle: major }],
  ol: [{ product: 'oracle-linux', cycle: major }],
  eurolinux: [{ product: 'eurolinux', cycle: major }],
  amzn: [{ product: 'amazon-linux', cycle: amazon }],
  'opensuse-leap': [{ product: 'opensuse', cycle: suse }],
  sles: [{ product: 'sles', cycle: suse }],
  sled: [{ product: 'sles', cycle: suse }],
  'sle-micro': [{ product: 'suse-linux-micro', cycle: majorMinor }],
  'suse-linux-micro': [{ product: 'suse-linux-micro', cycle: majorMinor }],
};

/** Which endoflife.date product and cycle a Linux distribution maps to; null when not in the data (said by name). */
export function linuxCycle(
  os: Pick<OsFacts, 'distroId' | 'version' | 'name' | 'codename'>,
): LinuxCycle | null {
  const id = (os.distroId ?? '').toLowerCase();
  const version = os.version.trim();
  for (const rule of BY_ID[id] ?? []) {
    if (rule.name && !rule.name.test(os.name)) continue;
    const cycle = rule.cycle(version, os);
    if (cycle) return { product: rule.product, cycle, extendedAutomatic: rule.extendedAutomatic ?? false };
  }
  return null;
}
