/**
 * Turns a pdfmake document definition into PDF bytes, with DejaVu Sans embedded (every glyph
 * the carnet uses: accents, œ, « », ✓, ☐). pdfmake is one process-wide instance: the fonts are
 * registered once in its virtual file system, and it is forbidden to fetch URLs or read local
 * files, so nothing in the owner's data can make it reach outside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import pdfmake from 'pdfmake';
import { FONT_FILES, resolveAssetsDir } from './assets';

/** The font family name used in document definitions. */
export const FONT_FAMILY = 'DejaVuSans';

const loadedFrom = new Set<string>();
let coverage: { dir: string; has: (codePoint: number) => boolean } | null = null;

/** What stands for a character the font cannot draw (an emoji, a script it lacks): visible, and honest. */
export const MISSING_GLYPH = '□';

/**
 * A function that replaces characters the embedded font cannot draw with MISSING_GLYPH, so the
 * PDF never holds invisible glyphs whose text extracts as NUL. Opens the font once per folder.
 */
export function glyphFilter(assetsDir?: string): (text: string) => string {
  const dir = resolveAssetsDir(assetsDir);
  if (!coverage || coverage.dir !== dir) {
    const font = openFont(readFileSync(join(dir, FONT_FILES.normal)));
    const known = new Map<number, boolean>();
    coverage = {
      dir,
      has: (cp) => {
        let yes = known.get(cp);
        if (yes === undefined) {
          yes = font.hasGlyphForCodePoint(cp);
          known.set(cp, yes);
        }
        return yes;
      },
    };
  }
  const has = coverage.has;
  return (text) => {
    // Fast path: plain ASCII and Latin-1 accents (most names) need no look-up per character.
    if (/^[\n\u0020-\u007e\u00a0-\u00ff]*$/.test(text)) return text;
    let out = '';
    let changed = false;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (ch === '\n' || has(cp)) out += ch;
      else if ((cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d)
        changed = true; // variation selectors and joiners draw nothing
      else {
        out += MISSING_GLYPH;
        changed = true;
      }
    }
    return changed ? out.replace(/□(?:□)+/g, MISSING_GLYPH) : text;
  };
}

/** Registers the fonts from an assets folder (once per folder). */
export function ensureFonts(assetsDir?: string): void {
  const dir = resolveAssetsDir(assetsDir);
  if (loadedFrom.has(dir)) return;
  const key = (file: string) => `revision:${dir}:${file}`;
  pdfmake.virtualfs.writeFileSync(key('normal'), readFileSync(join(dir, FONT_FILES.normal)));
  pdfmake.virtualfs.writeFileSync(key('bold'), readFileSync(join(dir, FONT_FILES.bold)));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: key('normal'),
      bold: key('bold'),
      italics: key('normal'),
      bolditalics: key('bold'),
    },
  });
  loadedFrom.clear();
  loadedFrom.add(dir);
}

/** A rendered PDF. */
export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pages: number;
}

/**
 * Renders a document definition. The footer function (if any) is wrapped to learn the page
 * count, so callers get it without parsing the PDF.
 */
export async function renderPdf(
  docDefinition: Record<string, unknown>,
  assetsDir?: string,
): Promise<RenderedPdf> {
  ensureFonts(assetsDir);
  let pages = 0;
  const footer = docDefinition.footer as ((current: number, count: number) => unknown) | undefined;
  const definition = {
    ...docDefinition,
    footer: (current: number, count: number) => {
      pages = count;
      return footer ? footer(current, count) : null;
    },
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pages };
}
