/**
 * Splits one string of the carnet into pdfmake inline runs that every embedded font can draw:
 * DejaVu Sans for what it covers (accents, €, œ, « », ✓, ☐, Hebrew, Arabic…), Noto Emoji for
 * the emoji it lacks, and a readable stand-in « [U+4E2D] » for what no bundled font draws (CJK,
 * rare scripts) and for control characters, so the PDF never shows a box and its extracted text
 * never holds NUL. Joiners and emoji variation selectors are dropped (a ZWJ sequence draws as its
 * separate emoji); each run carries its bidi level (bidi.ts) for the line ordering.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import { FONT_FILES } from './assets';
import { levelLine } from './bidi';

/** The family name of the fallback font for emoji, in document definitions. */
export const EMOJI_FONT_FAMILY = 'NotoEmoji';

/** Which font draws a character: the document's own (inherited), the emoji font, or none. */
type Face = 'base' | 'emoji' | 'none';

/** A piece of text with the font that draws it (base: inherited from the node's style). */
export interface TextRun {
  readonly text: string;
  readonly face: 'base' | 'emoji';
  /** Bidi embedding level (odd: right-to-left); bidi-layout.ts orders the pieces of each line by it. */
  readonly level: number;
  /** Drawn as written even at a right-to-left level (a « [U+…] » code). */
  readonly asIs?: boolean;
}

/** What the fonts of one assets folder can draw. */
export interface Coverage {
  faceOf(codePoint: number): Face;
}

/** Opens the fonts of an assets folder and answers « which font draws this? » (cached per code point). */
export function loadCoverage(dir: string): Coverage {
  const base = [FONT_FILES.normal, FONT_FILES.bold].map((file) => openFont(readFileSync(join(dir, file))));
  const emoji = openFont(readFileSync(join(dir, FONT_FILES.emoji)));
  const known = new Map<number, Face>();
  return {
    faceOf(cp) {
      let face = known.get(cp);
      if (face === undefined) {
        // Bold and regular must both have it: the run's weight comes from styles this pass cannot see.
        if (base.every((font) => font.hasGlyphForCodePoint(cp))) face = 'base';
        else if (emoji.hasGlyphForCodePoint(cp)) face = 'emoji';
        else face = 'none';
        known.set(cp, face);
      }
      return face;
    },
  };
}

/** Text every font draws as is: ASCII, Latin-1 letters, common French punctuation and €. */
const PLAIN = /^[\t\n\u0020-\u007e\u00a0-\u00ac\u00ae-\u017f\u2013\u2014\u2018-\u201e\u2026\u20ac]*$/;

/** Characters that draw nothing: joiners, variation selectors, skin tones, keycap, tags, bidi marks. */
/** A character the PDF does not draw at all (joiners, variation selectors, skin tones, keycap). */
export function invisible(ch: string, cp: number): boolean {
  return (
    /\p{Cf}/u.test(ch) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    cp === 0x20e3
  );
}

/** The readable stand-in for a character no font draws: its code, e.g. « [U+4E2D] ». */
export function codeLabel(cp: number): string {
  return `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** Cleans one character: what to draw instead of it (or nothing), and with which face. */
function place(ch: string, coverage: Coverage): { text: string; face: 'base' | 'emoji' } | null {
  const cp = ch.codePointAt(0) as number;
  if (ch === '\t') return { text: ch, face: 'base' };
  if (invisible(ch, cp)) return null;
  // A lone half of a surrogate pair (a broken emoji): the standard sign for undecodable text.
  if (cp >= 0xd800 && cp <= 0xdfff) return { text: '\ufffd', face: 'base' };
  if (/\p{Cc}/u.test(ch)) return { text: codeLabel(cp), face: 'base' };
  const face = coverage.faceOf(cp);
  return face === 'none' ? { text: codeLabel(cp), face: 'base' } : { text: ch, face };
}

/** Appends a character to the runs, merging with the last run of the same face and level. */
function push(runs: TextRun[], text: string, face: 'base' | 'emoji', level: number, asIs = false): void {
  const last = runs[runs.length - 1];
  if (last && !asIs && !last.asIs && last.face === face && last.level === level)
    runs[runs.length - 1] = { ...last, text: last.text + text };
  else runs.push(asIs ? { text, face, level, asIs } : { text, face, level });
}

/** Runs of one line, in logical order, one face and one embedding level each. */
function lineRuns(line: string, coverage: Coverage, runs: TextRun[]): void {
  const { chars, levels } = levelLine(line);
  chars.forEach((ch, i) => {
    const placed = place(ch, coverage);
    if (!placed) return;
    // A « [U+…] » code reads left to right even inside right-to-left text: its own run, drawn as is.
    push(runs, placed.text, placed.face, levels[i] as number, placed.text.length > 2);
  });
}

/** The runs that draw a string; a plain string (the usual case) comes back as one base run, untouched. */
export function textRuns(text: string, coverage: Coverage): TextRun[] {
  if (PLAIN.test(text)) return [{ text, face: 'base', level: 0 }];
  const runs: TextRun[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (i > 0) push(runs, '\n', 'base', 0);
    lineRuns(line, coverage, runs);
  });
  return runs.length > 0 ? runs : [{ text: '', face: 'base', level: 0 }];
}
