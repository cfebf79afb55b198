/**
 * Right-to-left text for the PDF. pdfkit draws every text fragment left to right and lets fontkit
 * shape it; fontkit reverses a fragment's glyphs when the fragment's first letter is of a
 * right-to-left script (Hebrew, Arabic…), and shapes Arabic (joined letter forms) only when given
 * the letters in logical order. Nothing in pdfmake or pdfkit runs the Unicode Bidirectional
 * Algorithm, so « Boulangerie שלום עולם » printed both Hebrew words in the wrong order.
 *
 * Two steps, as the algorithm wants: before layout, this module resolves each character's
 * embedding level (bidi-js) in a left-to-right context (the carnet is a French or English
 * document: each string is treated like a <bdi> inside left-to-right text), and text-runs.ts cuts
 * the text into runs of one level, kept in logical order so pdfmake wraps them as usual; after
 * pdfmake has filled a line, bidi-layout.ts puts that line's pieces in visual order (rule L2).
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Strong right-to-left letters (and the Arabic/Hebrew presentation forms). */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Does this text hold a right-to-left letter (when it does not, every level is 0)? */
export function hasRtl(text: string): boolean {
  return RTL_CHAR.test(text);
}

/** One UTF-16 unit per code point, of the same bidi class, so bidi-js never sees half an emoji. */
function proxyOf(chars: readonly string[]): string {
  let out = '';
  for (const ch of chars) {
    if (ch.length === 1) out += ch;
    else if (RTL_CHAR.test(ch)) out += '\u05d0';
    else if (/\p{L}/u.test(ch)) out += 'a';
    else if (/\p{Nd}/u.test(ch)) out += '0';
    else out += '\ufffd'; // emoji and symbols: other neutral
  }
  return out;
}

/** A line's characters (code points) and their levels. */
export interface LeveledLine {
  readonly chars: readonly string[];
  readonly levels: readonly number[];
}

/** Resolves the embedding level of each character of one line (no newline inside). */
export function levelLine(line: string): LeveledLine {
  const chars = Array.from(line);
  if (!hasRtl(line)) return { chars, levels: chars.map(() => 0) };
  const proxy = proxyOf(chars);
  const { levels } = bidi.getEmbeddingLevels(proxy, 'ltr');
  return { chars, levels: chars.map((_c, i) => levels[i] as number) };
}

/**
 * The visual order of a line's pieces from their levels (rule L2): from the highest level down to
 * the lowest odd one, every stretch at that level or higher is reversed. Returns piece indexes.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_l, i) => i);
  const max = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : Infinity)));
  for (let level = max; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < order.length;) {
      if ((levels[order[i] as number] as number) < level) {
        i += 1;
        continue;
      }
      let end = i;
      while (end < order.length && (levels[order[end] as number] as number) >= level) end += 1;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order;
}

/** Scripts whose fragments fontkit lays out right to left (what it checks: the first letter's script). */
const FONTKIT_RTL_SCRIPT =
  /\p{Script=Hebrew}|\p{Script=Arabic}|\p{Script=Syriac}|\p{Script=Thaana}|\p{Script=Nko}/u;
const SCRIPT_LETTER = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** Will fontkit reverse this fragment's glyphs (its first letter with a script is right-to-left)? */
export function fontkitReverses(text: string): boolean {
  const first = SCRIPT_LETTER.exec(text);
  return first !== null && FONTKIT_RTL_SCRIPT.test(first[0]);
}

/**
 * The text to hand pdfkit for a piece at a right-to-left level, given in logical order: brackets
 * mirrored (done after line breaking, which must see them as typed); fontkit reverses (and
 * shapes) it when it starts with a right-to-left letter; a piece of neutrals only (« !? », « … »)
 * is reversed here instead, since fontkit will not.
 */
export function rtlPieceText(logical: string): string {
  const chars = Array.from(logical, (ch) => bidi.getMirroredCharacter(ch) ?? ch);
  return fontkitReverses(logical) ? chars.join('') : chars.reverse().join('');
}
