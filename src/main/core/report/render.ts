/**
 * Turns a pdfmake document definition into PDF bytes, with DejaVu Sans embedded (every glyph
 * the carnet uses: accents, œ, « », ✓, ☐) and Noto Emoji for the emoji it lacks. Before
 * rendering, a pass over the definition (text-pass.ts) cuts every text into runs those fonts can
 * draw, writes a readable « [U+4E2D] » for the rest and marks right-to-left text, which
 * bidi-layout.ts puts in visual order line by line. pdfmake is one process-wide instance: the fonts are
 * registered once in its virtual file system, and it is forbidden to fetch URLs or read local
 * files, so nothing in the owner's data can make it reach outside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { FONT_FILES, resolveAssetsDir } from './assets';
import { installBidiLayout } from './bidi-layout';
import { passDocument } from './text-pass';
import { EMOJI_FONT_FAMILY, loadCoverage, type Coverage } from './text-runs';

/** The font family name used in document definitions. */
export const FONT_FAMILY = 'DejaVuSans';

const loadedFrom = new Set<string>();
let coverage: { dir: string; fonts: Coverage } | null = null;

/** What the fonts of an assets folder draw (opened once per folder). */
function coverageOf(dir: string): Coverage {
  if (!coverage || coverage.dir !== dir) coverage = { dir, fonts: loadCoverage(dir) };
  return coverage.fonts;
}

/** Registers the fonts from an assets folder (once per folder). */
export function ensureFonts(assetsDir?: string): void {
  const dir = resolveAssetsDir(assetsDir);
  if (loadedFrom.has(dir)) return;
  const key = (file: string) => `revision:${dir}:${file}`;
  pdfmake.virtualfs.writeFileSync(key('normal'), readFileSync(join(dir, FONT_FILES.normal)));
  pdfmake.virtualfs.writeFileSync(key('bold'), readFileSync(join(dir, FONT_FILES.bold)));
  pdfmake.virtualfs.writeFileSync(key('emoji'), readFileSync(join(dir, FONT_FILES.emoji)));
  installBidiLayout();
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts({
    [FONT_FAMILY]: {
      normal: key('normal'),
      bold: key('bold'),
      italics: key('normal'),
      bolditalics: key('bold'),
    },
    // One weight: emoji in a bold line are drawn in the regular weight.
    [EMOJI_FONT_FAMILY]: {
      normal: key('emoji'),
      bold: key('emoji'),
      italics: key('emoji'),
      bolditalics: key('emoji'),
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
 * Renders a document definition, its texts first made drawable by the embedded fonts. The footer
 * function (if any) is wrapped to learn the page count, so callers get it without parsing the PDF.
 */
export async function renderPdf(
  docDefinition: Record<string, unknown>,
  assetsDir?: string,
): Promise<RenderedPdf> {
  const dir = resolveAssetsDir(assetsDir);
  ensureFonts(dir);
  const drawable = passDocument(docDefinition, coverageOf(dir));
  let pages = 0;
  const footer = drawable.footer as ((current: number, count: number) => unknown) | undefined;
  const definition = {
    ...drawable,
    footer: (current: number, count: number) => {
      pages = count;
      return footer ? footer(current, count) : null;
    },
  };
  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return { bytes, pages };
}
