/** Installed software from the `apps` section (Uninstall keys, Store packages). */
import type { InstalledApplication, InventoryFacts } from '../../../../shared/facts';
import { arr, obj, str, type JsonObject } from './common';

function installDateOf(raw: string | null): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw ?? '');
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function publisherFromSubject(subject: string | null): string | null {
  if (!subject) return null;
  const m = /(?:^|,\s*)O=("?)([^,"]+)\1/.exec(subject) ?? /(?:^|,\s*)CN=("?)([^,"]+)\1/.exec(subject);
  return m?.[2]?.trim() ?? null;
}

/**
 * The software inventory from the `apps` section: the three Uninstall views and Store apps, without
 * system components and updates (ParentKeyName), duplicates merged (same name and version).
 */
export function windowsInventoryFacts(section: JsonObject): InventoryFacts {
  const seen = new Set<string>();
  const applications: InstalledApplication[] = [];
  const add = (app: InstalledApplication): void => {
    const key = `${app.name.toLowerCase()}\u0000${app.version ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    applications.push(app);
  };
  const order = { registry: 0, 'registry-32': 1, 'registry-user': 2 } as const;
  const registry = arr(section.registry)
    .map(obj)
    .filter((e): e is JsonObject => e !== null)
    .sort(
      (a, b) =>
        (order[String(a.source) as keyof typeof order] ?? 3) -
        (order[String(b.source) as keyof typeof order] ?? 3),
    );
  for (const e of registry) {
    const name = str(e.name);
    if (!name) continue;
    if (e.systemComponent === true || str(e.parentKeyName)) continue;
    if (/^(security update|update rollup|hotfix)$/i.test(str(e.releaseType) ?? '')) continue;
    const source =
      e.source === 'registry-32'
        ? 'registry-32'
        : e.source === 'registry-user'
          ? 'registry-user'
          : 'registry';
    add({
      name,
      version: str(e.version),
      publisher: str(e.publisher),
      source,
      installDate: installDateOf(str(e.installDate)),
    });
  }
  const store = obj(section.store);
  if (store && !str(store.error)) {
    for (const raw of arr(store.packages)) {
      const p = obj(raw);
      const pkg = str(p?.name);
      if (!p || !pkg) continue;
      const display = str(p.displayName);
      const name = display && !display.startsWith('ms-resource:') ? display : pkg;
      add({
        name,
        version: str(p.version),
        publisher: str(p.publisherDisplayName) ?? publisherFromSubject(str(p.publisher)),
        source: 'store',
        installDate: null,
      });
    }
  }
  return { applications };
}
