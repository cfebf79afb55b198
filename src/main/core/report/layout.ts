/**
 * The carnet's page rules: tables whose columns have fixed widths (a long name can no longer widen
 * a column and push the others off the page), names cut with « … » to fit their column (the full
 * text is listed once in the annex). Orphans are handled in tables.ts and document.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import { FONT_FILES, resolveAssetsDir } from './assets';
import { codeLabel, invisible } from './text-runs';

/** A piece of pdfmake content (kept loose: pdfmake ships no typings). */
export type Content = string | Record<string, unknown> | Content[];

/** A4 width less the 40 pt margins: the width every table is laid out in. */
export const CONTENT_WIDTH = 595.28 - 80;
/** Left + right padding of a table cell (tableLayout in pdf-parts.ts). */
export const CELL_PADDING = 8;

/** Turns `'*'` columns into numbers that fill the content width (fixed widths never grow with their text). */
export function fixedWidths(widths: readonly (string | number)[], total = CONTENT_WIDTH): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number').length;
  const star = stars
    ? Math.max(20, Math.floor((total - fixed - CELL_PADDING * widths.length - 1) / stars))
    : 0;
  return widths.map((w) => (typeof w === 'number' ? w : star));
}

type Advance = (codePoint: number) => number;
let metrics: { dir: string; normal: Advance; bold: Advance } | null = null;

/** What the width measure needs of fontkit (its shared typings only declare the coverage test). */
interface MeasuredFont {
  readonly unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { readonly advanceWidth: number };
}

function openMeasured(file: string): MeasuredFont {
  return openFont(readFileSync(file)) as unknown as MeasuredFont;
}

/**
 * Advance widths as the PDF will draw them (render.ts's text pass): the carnet font, else the
 * emoji font, else the readable code « [U+4E2D] » in the carnet font.
 */
function advances(font: MeasuredFont, emoji: MeasuredFont): Advance {
  const cache = new Map<number, number>();
  const own = (f: MeasuredFont, cp: number) => f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
  const advance: Advance = (cp) => {
    let w = cache.get(cp);
    if (w === undefined) {
      if (invisible(String.fromCodePoint(cp), cp)) w = 0;
      else if (font.hasGlyphForCodePoint(cp)) w = own(font, cp);
      else if (emoji.hasGlyphForCodePoint(cp)) w = own(emoji, cp);
      else w = [...codeLabel(cp)].reduce((sum, ch) => sum + advance(ch.codePointAt(0) as number), 0);
      cache.set(cp, w);
    }
    return w;
  };
  return advance;
}

/** Loads the carnet font's advance widths (once per assets folder). */
export function useFontMetrics(assetsDir?: string): void {
  const dir = resolveAssetsDir(assetsDir);
  if (metrics?.dir === dir) return;
  const emoji = openMeasured(join(dir, FONT_FILES.emoji));
  metrics = {
    dir,
    normal: advances(openMeasured(join(dir, FONT_FILES.normal)), emoji),
    bold: advances(openMeasured(join(dir, FONT_FILES.bold)), emoji),
  };
}

/** The width of a text in points, in the carnet's font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  if (!metrics) useFontMetrics();
  const advance = bold ? metrics!.bold : metrics!.normal;
  let em = 0;
  for (const ch of text) em += advance(ch.codePointAt(0) as number);
  return em * fontSize;
}

/** Names cut somewhere in this carnet: listed in full once, in the annex. */
export class CutNames {
  private readonly names = new Set<string>();
  /** Records a name that was cut. */
  add(full: string): void {
    this.names.add(full.replace(/\s+/g, ' ').trim());
  }
  /** The names cut so far, in the order met. */
  list(): string[] {
    return [...this.names];
  }
}

/** Where the names cut by `fitText` are recorded; the document builder sets it for one carnet. */
let cutNames: CutNames | null = null;

/** Sets where the cut names of the carnet being built are recorded (null: nowhere). */
export function recordCutNames(into: CutNames | null): void {
  cutNames = into;
}

function cutWord(word: string, width: number, fontSize: number, bold: boolean): string {
  const chars = Array.from(word);
  let used = textWidth('…', fontSize, bold);
  let out = '';
  for (const ch of chars) {
    const w = textWidth(ch, fontSize, bold);
    if (used + w > width) break;
    used += w;
    out += ch;
  }
  return `${out}…`;
}

/** How `fitText` lays out and what it records for the annex when it cuts. */
export interface FitOptions {
  readonly fontSize?: number;
  readonly bold?: boolean;
  readonly maxLines?: number;
  /** The name this text shows (« iPhone : <name> » shows <name>): recorded instead of the whole text. */
  readonly full?: string;
  /** A sentence holding names: only its cut words are recorded (the whole when it is cut short). */
  readonly words?: boolean;
}

/**
 * A name fitted to a column: every word wider than the column is cut with « … », and the whole
 * to `maxLines` lines. When anything was cut, the full name is recorded for the annex.
 */
export function fitText(text: string, width: number, options: FitOptions = {}): string {
  const { fontSize = 8.5, bold = false, maxLines = 3 } = options;
  const clean = text.replace(/\s+/g, ' ').trim();
  // A safety margin: pdfmake's own measure of a long word can come out a little wider.
  const room = width * 0.97 - 1;
  // Lines are counted roughly (by width): enough to stop a 5,000-character name filling a page.
  const budget = room * maxLines * 0.9;
  let cut = false;
  const cutWords: string[] = [];
  const words = clean.split(' ').map((word) => {
    if (textWidth(word, fontSize, bold) <= room) return word;
    cut = true;
    cutWords.push(word);
    return cutWord(word, Math.min(room, budget), fontSize, bold);
  });
  let short = false;
  let out = words.join(' ');
  if (textWidth(out, fontSize, bold) > budget) {
    cut = true;
    short = true;
    let kept = '';
    for (const word of words) {
      const next = kept ? `${kept} ${word}` : word;
      if (textWidth(`${next} …`, fontSize, bold) > budget) break;
      kept = next;
    }
    out = `${kept.trimEnd()}…`;
  }
  if (!cut) return out;
  if (options.words && !short) cutWords.forEach((w) => cutNames?.add(w));
  else cutNames?.add(options.full ?? text);
  return out;
}
