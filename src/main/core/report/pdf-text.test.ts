/**
 * Characters in the carnet (issue 17, item 4), read back from real PDFs with poppler and pdfjs:
 * emoji drawn by the bundled Noto Emoji (and that font embedded only when needed), a readable
 * « [U+4E2D] » instead of a box for what no bundled font draws, Hebrew and Arabic drawn in the
 * right order on the page (proved by the x position of each word poppler finds, and by the glyph
 * order inside it) and Arabic shaped (proved by the words' printed widths), while € œ « » ✓ ☐
 * keep drawing with DejaVu Sans.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, resolveAssetsDir } from './assets';
import { FONT_FAMILY, renderPdf } from './render';
import { pdfPages } from './testing/pdf-text';

const SIZE = 18;
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Renders lines (one paragraph each) to a PDF file; returns its path and bytes. */
async function render(
  lines: unknown[],
  extra: Record<string, unknown> = {},
): Promise<{ file: string; bytes: Buffer }> {
  const { bytes } = await renderPdf({
    ...extra,
    content: lines.map((text) => (typeof text === 'string' ? { text, fontSize: SIZE } : text)),
    defaultStyle: { font: FONT_FAMILY },
  });
  const dir = await mkdtemp(join(tmpdir(), 'revision-pdf-text-'));
  dirs.push(dir);
  const file = join(dir, 'text.pdf');
  await writeFile(file, bytes);
  return { file, bytes };
}

/** The fonts embedded in a PDF, as pdffonts lists them (subset prefix removed). */
function fontsOf(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => (line.split(/\s+/)[0] ?? '').replace(/^[A-Z]{6}\+/, ''));
}

/** A word poppler finds on the page: its glyphs left to right, where it starts and how wide it is. */
interface Word {
  readonly glyphs: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Every word of the first page with its box (pdftotext -bbox keeps the glyphs in drawing order). */
function wordsOf(file: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-l', '1', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  for (const m of xml.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
  )) {
    const [, x0, y0, x1, text] = m;
    words.push({ glyphs: text ?? '', x: Number(x0), y: Number(y0), width: Number(x1) - Number(x0) });
  }
  return words;
}

/** The words of the first page by line, each line's words from left to right. */
function rowsOf(file: string): Word[][] {
  // Words of one line share a top edge within half a line (each font has its own ascent).
  const rows: { y: number; words: Word[] }[] = [];
  for (const word of [...wordsOf(file)].sort((a, b) => a.y - b.y)) {
    const row = rows.find((r) => Math.abs(r.y - word.y) < SIZE / 2);
    if (row) row.words.push(word);
    else rows.push({ y: word.y, words: [word] });
  }
  return rows.map((row) => row.words.sort((a, b) => a.x - b.x));
}

/** The lines of the first page, each as the glyphs a reader sees from left to right (words joined by spaces). */
function visualLines(file: string): string[] {
  return rowsOf(file).map((row) => row.map((w) => w.glyphs).join(' '));
}

const reversed = (s: string) => Array.from(s).reverse().join('');

describe('characters in the carnet PDF', () => {
  it('keeps French text, €, œ, « », ✓ and ☐ in DejaVu Sans alone: no fallback font embedded', async () => {
    const line = 'Café € œ Œ « guillemets » l’été… ✓ fait ☐ à faire';
    const { file, bytes } = await render([line]);
    expect(fontsOf(file)).toEqual(['DejaVuSans']);
    const [page] = await pdfPages(bytes);
    expect(page?.trim()).toBe(line);
  });

  it('draws emoji with Noto Emoji (embedded only then): no box, no NUL, joiners and skin tones dropped', async () => {
    const { file, bytes } = await render(['Caisse 🧾🚚 n°2 ☕', 'Famille 👨‍👩‍👧 bravo 👍🏽 touche 1️⃣']);
    expect(fontsOf(file)).toEqual(['DejaVuSans', 'NotoEmoji-Regular']);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Caisse 🧾🚚 n°2 ☕');
    // A ZWJ family draws as its three people; the skin tone and the keycap sign draw nothing.
    expect(text).toContain('Famille 👨👩👧 bravo 👍 touche 1');
    for (const bad of ['□', '\u0000', '\u200d', '\ufe0f']) expect(text).not.toContain(bad);
    const [page] = await pdfPages(bytes);
    expect(page).toContain('🧾🚚');
  });

  it('writes what no bundled font draws (Chinese, control characters, broken emoji) as a readable code', async () => {
    const { file } = await render(['Boutique 中文 fin', 'bip\u0007 fin', 'moitié \ud83d d’emoji']);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Boutique [U+4E2D][U+6587] fin');
    expect(text).toContain('bip[U+0007] fin');
    expect(text).toContain('moitié \ufffd d’emoji');
    for (const bad of ['□', '\u0000']) expect(text).not.toContain(bad);
    expect(fontsOf(file)).toEqual(['DejaVuSans']);
  });

  it('puts Hebrew in right-to-left order on the page, numbers and Latin around it where the Unicode algorithm puts them', async () => {
    const { file, bytes } = await render([
      'Boulangerie שלום 2024',
      'שלום עולם',
      'abc (עולם) 12 x',
      'שלום (עולם)',
      'abcשלום',
      'שלום 🧾 עולם',
      { text: ['Nom : ', { text: 'עסק קטן', bold: true }, ' fin'], fontSize: SIZE },
    ]);
    // Left to right as printed: the first Hebrew word is the rightmost, each word's letters reversed.
    expect(visualLines(file)).toEqual([
      `Boulangerie 2024 ${reversed('שלום')}`,
      `${reversed('עולם')} ${reversed('שלום')}`,
      // The brackets take the surrounding direction (rule N0): they stay around the word, unmirrored.
      `abc (${reversed('עולם')}) 12 x`,
      // Inside right-to-left text they are mirrored, so they still open before the word as read.
      `(${reversed('עולם')}) ${reversed('שלום')}`,
      // Glued to Latin letters, the Hebrew is still its own fragment (pdfkit would not reverse it).
      `abc${reversed('שלום')}`,
      // An emoji inside Hebrew (another font, another fragment) stays between the same words.
      `${reversed('עולם')} 🧾 ${reversed('שלום')}`,
      `Nom : ${reversed('קטן')} ${reversed('עסק')} fin`,
    ]);
    // Copied or searched, the words come back in reading order.
    const [page] = await pdfPages(bytes);
    expect(page).toContain('שלום עולם');
  });

  it('shapes Arabic (joined letter forms) and orders its words right to left', async () => {
    const { file } = await render(['مخبز الحي']);
    const words = wordsOf(file);
    expect(words.map((w) => w.glyphs)).toEqual([reversed('الحي'), reversed('مخبز')]);
    // Joined forms are narrower than the letters drawn apart: the printed width is the shaped one.
    const font = openFont(readFileSync(join(resolveAssetsDir(), FONT_FILES.normal)));
    const scale = SIZE / 2048;
    const word = 'مخبز';
    const shaped = (font as unknown as { layout(s: string): { advanceWidth: number } }).layout(word);
    const apart = Array.from(word).reduce(
      (sum, ch) =>
        sum +
        (font as unknown as { glyphForCodePoint(cp: number): { advanceWidth: number } }).glyphForCodePoint(
          ch.codePointAt(0) as number,
        ).advanceWidth,
      0,
    );
    const printed = words[1]?.width ?? 0;
    expect(Math.abs(printed - shaped.advanceWidth * scale)).toBeLessThan(0.5);
    expect(Math.abs(printed - apart * scale)).toBeGreaterThan(2);
  });

  it('wraps a Hebrew sentence longer than its column between words, each line in right-to-left order', async () => {
    const he = 'שלום עולם זה טקסט ארוך מאוד בעברית שצריך לעבור לכמה שורות';
    const { file } = await render([{ columns: [{ width: 150, text: he, fontSize: 14 }, { text: '' }] }]);
    const lines = visualLines(file);
    expect(lines.length).toBeGreaterThan(1);
    // Read right to left, line after line, the sentence comes back whole, no word cut, no stray space.
    expect(lines.map((line) => reversed(line)).join(' ')).toBe(he);
    // Every line starts at the left margin: the space where it wraps is not drawn before it.
    for (const row of rowsOf(file)) expect(row[0]?.x).toBeCloseTo(40, 0);
    for (const word of wordsOf(file)) expect(word.x + word.width).toBeLessThanOrEqual(40 + 150 + 0.5);
  });

  it('reaches text in tables, columns, lists, stacks and the footer, and leaves style names alone', async () => {
    const { file } = await render(
      [
        {
          table: { widths: ['*', '*'], body: [['table 🧾', { text: 'cellule 中', bold: true }]] },
          layout: 'noBorders',
        },
        { columns: ['colonne 🚚', { stack: ['pile ☎️ 📠'] }] },
        { ul: ['puce 🔧'], ol: undefined },
        { ol: [{ text: ['numéro ', { text: 'עסק', italics: true }] }] },
      ],
      { footer: (page: number) => ({ text: `pied 🦶 ${page}`, margin: [40, 0] }) },
    );
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const needle of [
      'table 🧾',
      'cellule [U+4E2D]',
      'colonne 🚚',
      'pile ☎ 📠',
      'puce 🔧',
      'עסק',
      'pied 🦶 1',
    ]) {
      expect(text).toContain(needle);
    }
    expect(text).not.toContain('□');
  });
});
