/**
 * Which programs an update plan takes, and how (pure). « Tout mettre à jour » takes every program
 * with an update except critical business software (updated one at a time, then tested); a
 * program is updatable on Debian/Ubuntu through apt (its waiting packages) and on Windows through
 * winget (its winget id). Everything else is said, never silently dropped.
 */
import type { PendingUpdatesFacts } from '../../../shared/facts';
import type { ProgramUpdateItem } from '../../../shared/program-updates';
import type { ProgramView, ProgramsReport } from '../../../shared/programs';
import type { BusinessSoftware } from '../../../shared/workspace';
import { DEBIAN_PACKAGE_NAME } from '../actions/package-upgrade';
import type { OperationInput } from '../actions/operations';

const norm = (s: string): string => s.trim().toLocaleLowerCase('fr');

/** The register entry (critical business software) a program is, if any. */
export function criticalEntry(
  program: ProgramView,
  software: readonly BusinessSoftware[],
): BusinessSoftware | undefined {
  const names = new Set([norm(program.name), norm(program.id.replace(/^[^:]*:/, ''))]);
  return software.find((s) => s.critical && names.has(norm(s.name)));
}

/** How one program would be updated, or why it cannot be. */
export type UpdateRoute =
  | { readonly kind: 'apt'; readonly packages: readonly string[] }
  | { readonly kind: 'winget'; readonly id: string }
  | { readonly kind: 'none'; readonly reason: 'notOutdated' | 'noTool' };

/** The route of a program on this platform. */
export function routeOf(
  program: ProgramView,
  platform: string,
  pending: PendingUpdatesFacts | undefined,
): UpdateRoute {
  if (program.status !== 'outdated') return { kind: 'none', reason: 'notOutdated' };
  if (platform === 'linux' && program.statusSource === 'apt') {
    const waiting = new Set((pending?.items ?? []).map((i) => i.name));
    const packages = (program.packages ?? [program.id.replace(/^[^:]*:/, '')]).filter(
      (p) => waiting.has(p) && DEBIAN_PACKAGE_NAME.test(p),
    );
    return packages.length > 0 ? { kind: 'apt', packages } : { kind: 'none', reason: 'noTool' };
  }
  if (platform === 'win32' && program.updateId) return { kind: 'winget', id: program.updateId };
  return { kind: 'none', reason: 'noTool' };
}

/** The programs chosen: one or a few by id, or « tout » (critical ones left out). */
export interface UpdateSelection {
  readonly items: { item: ProgramUpdateItem; route: Exclude<UpdateRoute, { kind: 'none' }> }[];
  readonly leftOut: ProgramUpdateItem[];
  readonly notHandled: { name: string; reason: 'notOutdated' | 'noTool' | 'unknownProgram' }[];
}

/** Chooses the programs of a plan. */
export function selectPrograms(input: {
  report: ProgramsReport;
  platform: string;
  pending: PendingUpdatesFacts | undefined;
  software: readonly BusinessSoftware[];
  programIds?: readonly string[];
  all?: boolean;
}): UpdateSelection {
  const out: UpdateSelection = { items: [], leftOut: [], notHandled: [] };
  const byId = new Map(input.report.programs.map((p) => [p.id, p]));
  const chosen = input.all
    ? input.report.programs.filter((p) => p.status === 'outdated')
    : (input.programIds ?? []).map((id) => byId.get(id) ?? id);
  for (const p of chosen) {
    if (typeof p === 'string') {
      out.notHandled.push({ name: p, reason: 'unknownProgram' });
      continue;
    }
    const critical = criticalEntry(p, input.software) !== undefined;
    const item: ProgramUpdateItem = {
      programId: p.id,
      name: p.name,
      from: p.version,
      to: p.latestVersion,
      critical,
    };
    const route = routeOf(p, input.platform, input.pending);
    if (route.kind === 'none') out.notHandled.push({ name: p.name, reason: route.reason });
    else if (input.all && critical) out.leftOut.push(item);
    else out.items.push({ item, route });
  }
  return out;
}

/** The typed operations of the Linux plan: one upgrade per waiting package (each once). */
export function aptOperations(selection: UpdateSelection): OperationInput[] {
  const seen = new Set<string>();
  const ops: OperationInput[] = [];
  for (const { route } of selection.items) {
    if (route.kind !== 'apt') continue;
    for (const pkg of route.packages) {
      if (seen.has(pkg)) continue;
      seen.add(pkg);
      ops.push({ op: 'package-upgrade', manager: 'apt', package: pkg });
    }
  }
  return ops;
}
