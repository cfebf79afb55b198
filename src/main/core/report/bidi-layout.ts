/**
 * The second half of right-to-left support (bidi.ts): once pdfmake has filled a line with pieces
 * of text (in logical order, so wrapping works as for any text), the pieces of that line are put
 * in visual order by their bidi levels and moved to their new places. pdfmake has no hook for
 * this, so its line builder (LayoutBuilder.buildNextLine, pdfmake 0.3) is wrapped once per
 * process; a line without right-to-left pieces is left exactly as pdfmake built it.
 */
import layoutBuilderModule from 'pdfmake/js/LayoutBuilder.js';
import { rtlPieceText, visualOrder } from './bidi';

/** The inline property holding a piece's bidi embedding level (set by text-pass.ts). */
export const BIDI_LEVEL = 'revisionBidiLevel';
/** The inline property marking a piece drawn as written even at a right-to-left level. */
export const BIDI_AS_IS = 'revisionBidiAsIs';
const DONE = 'revisionBidiDone';

/** What this module reads and moves on pdfmake's lines and inlines. */
interface Inline {
  text: string;
  x: number;
  width: number;
  leadingCut?: number;
  trailingCut?: number;
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
  leadingCut: number;
  trailingCut: number;
}
interface LayoutBuilderClass {
  prototype: { buildNextLine(this: unknown, textNode: unknown): Line | null };
}

const levelOf = (inline: Inline): number => (inline[BIDI_LEVEL] as number | undefined) ?? 0;

/** Puts one line's pieces in visual order and recomputes their x (pdfmake's Line.addInline rule). */
export function reorderLine(line: Line): void {
  const levels = line.inlines.map(levelOf);
  if (!levels.some((level) => level % 2 === 1)) return;
  const last = line.inlines[line.inlines.length - 1] as Inline;
  if (levelOf(last) % 2 === 1 && !last[DONE] && /\s$/.test(last.text)) {
    // Rule L1: the spaces where the line wraps belong at its end, not drawn before a reversed word.
    last.text = last.text.trimEnd();
    last.width -= last.trailingCut ?? 0;
    last.trailingCut = 0;
  }
  for (const inline of line.inlines) {
    // Once per piece (a line may be laid out again): text fontkit will not reverse is reversed here.
    if (levelOf(inline) % 2 === 1 && !inline[BIDI_AS_IS] && !inline[DONE])
      inline.text = rtlPieceText(inline.text);
    inline[DONE] = true;
  }
  const inlines = visualOrder(levels).map((i) => line.inlines[i] as Inline);
  line.leadingCut = inlines[0]?.leadingCut ?? 0;
  line.trailingCut = inlines[inlines.length - 1]?.trailingCut ?? 0;
  let width = 0;
  for (const inline of inlines) {
    inline.x = width - line.leadingCut;
    width += inline.width;
  }
  line.inlines = inlines;
}

let installed = false;

/** Wraps pdfmake's line builder so every line it builds goes through reorderLine (once per process). */
export function installBidiLayout(): void {
  if (installed) return;
  // A CommonJS module with __esModule: Node gives its exports object, bundlers its default export.
  const loaded = layoutBuilderModule as unknown as LayoutBuilderClass & { default?: LayoutBuilderClass };
  const LayoutBuilder = loaded.default ?? loaded;
  const build = LayoutBuilder.prototype.buildNextLine;
  if (typeof build !== 'function') throw new Error('pdfmake: LayoutBuilder.buildNextLine not found');
  LayoutBuilder.prototype.buildNextLine = function buildNextLine(textNode) {
    const line = build.call(this, textNode);
    if (line) reorderLine(line);
    return line;
  };
  installed = true;
}
