/** Column widths and names fitted to them, measured in the carnet's real font (DejaVu Sans). */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CELL_PADDING,
  CONTENT_WIDTH,
  CutNames,
  fitText,
  fixedWidths,
  recordCutNames,
  textWidth,
} from './layout';

afterEach(() => recordCutNames(null));

describe('the carnet’s columns', () => {
  it('share the page: fixed widths stay, stars take what is left, and the table is never wider than the page', () => {
    const widths = fixedWidths([14, '*', 90, 58, 58]);
    expect(widths.slice(0, 1).concat(widths.slice(2))).toEqual([14, 90, 58, 58]);
    const total = widths.reduce((a, b) => a + b, 0) + CELL_PADDING * widths.length;
    expect(total).toBeLessThanOrEqual(CONTENT_WIDTH);
    expect(total).toBeGreaterThan(CONTENT_WIDTH - 2);
  });

  it('keep a name that fits as it is, and cut a 200-character word with « … » to the column, recording it in full', () => {
    const cut = new CutNames();
    recordCutNames(cut);
    expect(fitText('Samsung de l’atelier', 150)).toBe('Samsung de l’atelier');
    const long = `Établissements${'X'.repeat(186)}`;
    const fitted = fitText(`iPhone : ${long}`, 150, { full: long });
    expect(fitted.endsWith('…')).toBe(true);
    for (const line of fitted.split(' ')) expect(textWidth(line, 8.5)).toBeLessThanOrEqual(150);
    // Arabic, Hebrew and emoji are measured too (a character the font lacks counts as a wide one).
    const arabic = 'مكتب'.repeat(60);
    expect(textWidth(fitText(arabic, 100), 8.5)).toBeLessThanOrEqual(100);
    expect(fitText('Caisse 🧾🚚 n°2', 150)).toBe('Caisse 🧾🚚 n°2');
    // A sentence holding a long name records the name, not the sentence, and each name once.
    fitText(`${long} : faire les réglages restants (3)`, 150, { words: true });
    expect(cut.list()).toEqual([long, arabic]);
  });

  it('stop a 5,000-character name at a few lines', () => {
    const name = 'très longue '.repeat(420);
    const fitted = fitText(name, 200, { maxLines: 2 });
    expect(textWidth(fitted, 8.5)).toBeLessThanOrEqual(2 * 200);
    expect(fitted.endsWith('…')).toBe(true);
  });
});
