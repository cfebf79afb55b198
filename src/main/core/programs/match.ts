/**
 * Which known program an installed entry is: the reviewed catalogue first (publisher AND name,
 * or the exact distribution package), then the end-of-life data's own identifiers (a CPE
 * `vendor:product` must equal the normalised publisher AND name; a purl names a distribution
 * package). Pure: no I/O, data passed in.
 */
import type { InstalledApplication } from '../../../shared/facts';
import type { EolData } from '../knowledge/eol';
import { fold, programCatalog, type CatalogEntry } from '../knowledge/program-catalog';

/** What a program was recognised as. */
export interface ProgramIdentity {
  readonly catalog: CatalogEntry | null;
  /** endoflife.date product whose dates apply to this installation (never for distribution packages). */
  readonly eolProduct: string | null;
  /** Whether an ended release cycle is a free update (true) or the end of the program (false). */
  readonly rolling: boolean;
  /** The program's name as people know it, when recognised. */
  readonly label: string | null;
}

/** Sources whose programs come from a Linux distribution (which maintains them, whatever upstream says). */
export const DISTRIBUTION_SOURCES: ReadonlySet<string> = new Set(['dpkg', 'rpm']);

const NONE: ProgramIdentity = { catalog: null, eolProduct: null, rolling: true, label: null };

/** The installed name without version, architecture and language decorations ("Mozilla Firefox (x64 fr)" → "mozilla firefox"). */
export function normaliseName(name: string): string {
  return fold(name)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s-\s[a-z]{2}-[a-z]{2}\b/g, ' ')
    .replace(/\b(x64|x86|64-bit|32-bit|amd64|arm64)\b/g, ' ')
    .replace(/\s(v?\d[\w.+-]*)(\s|$)/g, ' ')
    .replace(/[-–]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The publisher without legal-form words ("Microsoft Corporation" → "microsoft"); null for an e-mail-only or empty publisher. */
export function normalisePublisher(publisher: string | null): string | null {
  if (!publisher) return null;
  const p = fold(publisher.replace(/<[^<>]*>/g, ''))
    .replace(/[.,]/g, ' ')
    .replace(
      /\b(corporation|corp|inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|sarl|s a|co|company)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return p || null;
}

interface CpeProduct {
  readonly key: string;
  readonly vendor: string;
  readonly names: ReadonlySet<string>;
}

const cpeIndexes = new WeakMap<EolData, { cpe: CpeProduct[]; purl: Map<string, string> }>();

function identifiersOf(data: EolData): { cpe: CpeProduct[]; purl: Map<string, string> } {
  const known = cpeIndexes.get(data);
  if (known) return known;
  const cpe: CpeProduct[] = [];
  const purl = new Map<string, string>();
  for (const [key, product] of Object.entries(data.products)) {
    const ids = (product as { identifiers?: readonly Record<string, string>[] }).identifiers ?? [];
    const category = (product as { category?: string }).category;
    for (const id of ids) {
      const m = /^cpe:2\.3:a:([^:]+):([^:]+)/.exec(id.cpe ?? '');
      // Only applications: a CPE of a language runtime or a server is not what an uninstall entry names.
      if (m?.[1] && m[2] && category === 'app') {
        const vendor = m[1].replace(/_/g, ' ');
        const name = m[2].replace(/_/g, ' ');
        cpe.push({ key, vendor, names: new Set([name, `${vendor} ${name}`, fold(product.title)]) });
      }
      const p = /^pkg:(deb|rpm)\/[^/]+\/([^@?]+)/.exec(id.purl ?? '');
      if (p?.[2]) purl.set(p[2], key);
    }
  }
  const built = { cpe, purl };
  cpeIndexes.set(data, built);
  return built;
}

function catalogFor(app: InstalledApplication): CatalogEntry | null {
  if (DISTRIBUTION_SOURCES.has(app.source) || app.source === 'flatpak' || app.source === 'snap') {
    return (
      programCatalog.find(
        (e) => e.packages?.includes(app.name) || e.packagePrefixes?.some((p) => app.name.startsWith(p)),
      ) ?? null
    );
  }
  const name = fold(app.name);
  const publisher = fold((app.publisher ?? '').replace(/<[^<>]*>/g, ''));
  return (
    programCatalog.find(
      (e) => e.names.some((n) => n.test(name)) && e.publishers.some((p) => p.test(publisher)),
    ) ?? null
  );
}

/** Recognises one installed program; an unrecognised one gets no label and no end-of-life product. */
export function matchProgram(app: InstalledApplication, data: EolData): ProgramIdentity {
  const entry = catalogFor(app);
  const distribution = DISTRIBUTION_SOURCES.has(app.source);
  if (entry) {
    // A distribution's package follows the distribution's support, not upstream's release cycles.
    const eol = distribution ? undefined : entry.eol;
    return {
      catalog: entry,
      eolProduct: eol?.product ?? null,
      rolling: eol?.rolling ?? true,
      label: entry.label,
    };
  }
  const ids = identifiersOf(data);
  if (distribution) {
    const key = ids.purl.get(app.name);
    return key ? { ...NONE, label: data.products[key]?.title ?? null } : NONE;
  }
  const vendor = normalisePublisher(app.publisher);
  if (!vendor) return NONE;
  const name = normaliseName(app.name);
  const vendorWord = vendor.split(' ')[0];
  const hit = ids.cpe.find((c) => (c.vendor === vendor || c.vendor === vendorWord) && c.names.has(name));
  return hit
    ? { catalog: null, eolProduct: hit.key, rolling: true, label: data.products[hit.key]?.title ?? null }
    : NONE;
}
