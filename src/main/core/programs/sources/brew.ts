/**
 * macOS: Homebrew (`brew outdated --json=v2`) and the App Store (`mas outdated`), when present.
 * A cask is matched to an installed app only when its token is the app's name written the
 * Homebrew way ("Google Chrome" → google-chrome) and the installed versions agree: no guessing.
 */
import type { ProgramUpdate } from '../../../../shared/facts';
import { RunError, type CommandSpec } from '../../exec/host';

/** `brew outdated --json=v2` (reads the local index; `brew update` is not run). */
export const BREW_OUTDATED: CommandSpec = {
  id: 'brew outdated',
  file: 'brew',
  args: ['outdated', '--json=v2'],
  timeoutMs: 60_000,
  env: { HOMEBREW_NO_AUTO_UPDATE: '1' },
};

/** `mas outdated` (App Store apps). */
export const MAS_OUTDATED: CommandSpec = {
  id: 'mas outdated',
  file: 'mas',
  args: ['outdated'],
  timeoutMs: 60_000,
};

interface BrewEntry {
  readonly name?: unknown;
  readonly installed_versions?: unknown;
  readonly current_version?: unknown;
}

function versions(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The Homebrew token an app name would have ("Google Chrome" → "google-chrome"). */
export function caskToken(appName: string): string {
  return appName
    .trim()
    .toLowerCase()
    .replace(/\.app$/, '')
    .replace(/\s+/g, '-');
}

/** Parses `brew outdated --json=v2`: casks only (formulae are command-line tools, not the owner's programs). */
export function parseBrewOutdated(text: string): ProgramUpdate[] {
  let doc: { casks?: unknown };
  try {
    doc = JSON.parse(text) as { casks?: unknown };
  } catch {
    throw new RunError('failed', 'brew outdated', 'brew outdated : réponse illisible (JSON invalide)');
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.casks))
    throw new RunError('failed', 'brew outdated', 'brew outdated : liste des casks absente');
  return (doc.casks as BrewEntry[]).flatMap((c) => {
    if (typeof c.name !== 'string' || typeof c.current_version !== 'string') return [];
    return [
      {
        name: c.name,
        id: c.name,
        version: versions(c.installed_versions)[0] ?? null,
        available: c.current_version,
      },
    ];
  });
}

/** Parses `mas outdated` lines: "497799835 Xcode (15.0 -> 15.1)". */
export function parseMasOutdated(text: string): ProgramUpdate[] {
  const out: ProgramUpdate[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(.+?)\s+\(([^()\s]+)\s+->\s+([^()\s]+)\)\s*$/.exec(line);
    if (m) out.push({ name: m[2]!, id: m[1]!, version: m[3]!, available: m[4]! });
  }
  return out;
}
