/**
 * Step 4: which critical programs should be tested now. A program is « à tester » when it was
 * never tested, when its version changed since its last test (the inventory sees a new one),
 * or when the system installed updates after its last test. Pure.
 */
import type { ToTestItem } from '../../../shared/carnet';
import type { CheckupReport } from '../../../shared/checkup';
import type { BusinessSoftware, Workspace } from '../../../shared/workspace';

const norm = (s: string) => s.trim().toLowerCase();

/** The program's version as the latest inventory sees it (detected programs), else as typed. */
export function currentVersion(software: BusinessSoftware, checkup: CheckupReport | null): string | null {
  const apps = checkup?.facts.inventory?.applications ?? [];
  const seen = apps.find((a) => norm(a.name) === norm(software.name));
  return seen?.version ?? software.version ?? null;
}

/** The critical programs to test, in the register's order. */
export function programsToTest(ws: Workspace, checkup: CheckupReport | null): ToTestItem[] {
  const systemUpdatedAt = checkup?.facts.lastUpdate?.lastInstalledAt ?? ws.watch.lastSystemUpdateAt ?? null;
  const out: ToTestItem[] = [];
  for (const s of ws.software) {
    if (!s.critical) continue;
    const now = currentVersion(s, checkup);
    const last = s.tests?.at(-1);
    const base = { softwareId: s.id, name: s.name, versionNow: now };
    if (!last) {
      out.push({ ...base, reason: 'never', versionBefore: null, updatedAt: null });
    } else if (last.version != null && now !== null && last.version !== now) {
      out.push({ ...base, reason: 'version', versionBefore: last.version, updatedAt: null });
    } else if (systemUpdatedAt && Date.parse(systemUpdatedAt) > Date.parse(last.at)) {
      out.push({
        ...base,
        reason: 'system',
        versionBefore: last.version ?? null,
        updatedAt: systemUpdatedAt,
      });
    }
  }
  return out;
}
