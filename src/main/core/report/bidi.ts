/**
 * Right-to-left text for the PDF. pdfkit draws every text fragment left to right and lets fontkit
 * shape it; fontkit reverses a fragment's glyphs when the fragment's first letter is of a
 * right-to-left script (Hebrew, Arabic…), and shapes Arabic (joined letter forms) only when given
 * the letters in logical order. Nothing in pdfmake or pdfkit runs the Unicode Bidirectional
 * Algorithm, so « Boulangerie שלום עולם » printed both Hebrew words in the wrong order.
 *
 * This module runs the algorithm (bidi-js) on one line in a left-to-right context (the carnet is a
 * French or English document: each string is treated like a <bdi> inside left-to-right text) and
 * cuts the line into pieces in visual order. A right-to-left piece keeps its spaces as no-break
 * spaces so pdfkit hands it to fontkit whole; text-runs.ts then writes it so that fontkit's own
 * reversal lands on the visual order.
 *
 * Limit (docs/pdf-text.md): the reordering is done per line of the source text, before pdfmake
 * wraps lines. A right-to-left stretch is kept on one line when it fits; one longer than its
 * column is cut by pdfmake's hard wrap at the column's edge, possibly inside a word, with the
 * beginning of the text on the first line.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** A stretch of a line, in visual order (left to right on the page). */
export interface BidiPiece {
  /** Code points as drawn left to right; mirrored brackets already swapped in right-to-left pieces. */
  readonly chars: readonly string[];
  /** True when the stretch sits at a right-to-left embedding level. */
  readonly rtl: boolean;
}

/** Strong right-to-left letters (and the Arabic/Hebrew presentation forms). */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Does this text hold a right-to-left letter (when it does not, it needs no reordering)? */
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

/** Cuts one line (no newline inside) into pieces in visual order. */
export function visualPieces(line: string): BidiPiece[] {
  const chars = Array.from(line);
  if (!hasRtl(line)) return [{ chars, rtl: false }];
  const proxy = proxyOf(chars);
  const embedding = bidi.getEmbeddingLevels(proxy, 'ltr');
  const levels = embedding.levels;
  const order = chars.map((_c, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(proxy, embedding)) {
    const flipped = order.slice(start, end + 1).reverse();
    order.splice(start, flipped.length, ...flipped);
  }
  const mirrored = bidi.getMirroredCharactersMap(proxy, levels);
  const pieces: { chars: string[]; rtl: boolean }[] = [];
  for (const index of order) {
    const rtl = (levels[index] as number) > 0;
    const ch = mirrored.get(index) ?? (chars[index] as string);
    const last = pieces[pieces.length - 1];
    if (last && last.rtl === rtl) last.chars.push(ch);
    else pieces.push({ chars: [ch], rtl });
  }
  return pieces;
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
 * The text to hand pdfkit so that one right-to-left fragment (given in visual order) is drawn in
 * that order: reversed back to logical order when fontkit will reverse it (so Arabic is shaped),
 * and spaces made no-break so pdfkit does not cut the fragment and reverse each word on its own.
 */
export function rtlFragmentText(visual: readonly string[]): string {
  const logical = [...visual].reverse().join('');
  const text = fontkitReverses(logical) ? logical : visual.join('');
  return text.replace(/ /g, '\u00a0');
}
