/**
 * Where the app's run-time files (fonts) are: an explicit folder, REVISION_ASSETS_DIR, the
 * packaged app's resources folder, or the repository's `assets/` found by walking up from this
 * source file (dev, tests, the CLI under tsx, and electron-vite's out/main bundle).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font files the PDF embeds, relative to the assets folder. */
export const FONT_FILES = {
  normal: join('fonts', 'DejaVuSans.ttf'),
  bold: join('fonts', 'DejaVuSans-Bold.ttf'),
  /** Monochrome emoji (Noto Emoji, OFL): draws the emoji DejaVu Sans lacks. */
  emoji: join('fonts', 'NotoEmoji-Regular.ttf'),
} as const;

/** The report's assets folder could not be found: the app install is incomplete. */
export class AssetsMissingError extends Error {
  override readonly name = 'AssetsMissingError';
}

function hasFonts(dir: string): boolean {
  return Object.values(FONT_FILES).every((file) => existsSync(join(dir, file)));
}

/** Candidate folders, most specific first. */
export function assetsDirCandidates(explicit?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (explicit) out.push(resolve(explicit));
  if (env.REVISION_ASSETS_DIR) out.push(resolve(env.REVISION_ASSETS_DIR));
  // Electron sets process.resourcesPath in a packaged app; electron-builder copies assets/ there.
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) out.push(join(resourcesPath, 'assets'));
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    // A bundle without import.meta.url (CommonJS output): fall back to the working directory.
    dir = process.cwd();
  }
  for (let i = 0; i < 8; i += 1) {
    out.push(join(dir, 'assets'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** The first candidate folder that holds the fonts; throws AssetsMissingError (French) otherwise. */
export function resolveAssetsDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = assetsDirCandidates(explicit, env);
  // An explicit folder is a promise: if it lacks the fonts, say so rather than silently use another.
  if (explicit) {
    const first = candidates[0] as string;
    if (hasFonts(first)) return first;
    throw new AssetsMissingError(
      `Les polices du carnet d’entretien sont introuvables dans ${first}. Réinstallez Révision ou montrez ce message à votre prestataire.`,
    );
  }
  const found = candidates.find(hasFonts);
  if (found) return found;
  throw new AssetsMissingError(
    'Les polices du carnet d’entretien sont introuvables : l’installation de Révision semble incomplète. Réinstallez-la ou montrez ce message à votre prestataire.',
  );
}
