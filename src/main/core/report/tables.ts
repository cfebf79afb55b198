/**
 * Tables that never leave a row, or a heading, alone on a page, with pdfmake's own mechanisms:
 * the heading (and its short intro) becomes the table's first header row, repeated on each page
 * and kept with the column header and the first two rows (`headerRows` + `keepWithHeaderRows`);
 * rows never split (`dontBreakRows`); the last two rows are laid out as one row (a nested table
 * with the same columns), so the last one can never sit alone at the top of a page.
 */
import type { Content } from './layout';

/** Cell paddings and lines of a table (pdfmake's layout functions). */
export interface GridLayout {
  paddingLeft(i: number, node?: unknown): number;
  paddingRight(i: number, node?: unknown): number;
  paddingTop(i: number, node?: unknown): number;
  paddingBottom(i: number, node?: unknown): number;
  /** Width of the rule above the column header, under it, between rows, around the table. */
  readonly lines: {
    readonly top: number;
    readonly header: number;
    readonly row: number;
    readonly colour: string;
  };
}

interface GridNode {
  table: { body: unknown[]; headerRows?: number; widths: number[] };
  /** Whether the first header row is a title (no rules around it). */
  _title?: boolean;
  /** Whether a column header row follows the title. */
  _columnHeader?: boolean;
}

/** Marks the nodes built here, so headings can be attached to them afterwards. */
export const GRID = '_carnetGrid';

function pdfLayout(layout: GridLayout) {
  const { top, header, row, colour } = layout.lines;
  return {
    hLineWidth: (i: number, node: GridNode) => {
      const first = node._title ? 1 : 0;
      if (i < first) return 0;
      if (i === first || i === node.table.body.length) return top;
      if (node._columnHeader && i === first + 1) return header;
      return row;
    },
    vLineWidth: () => 0,
    hLineColor: () => colour,
    paddingLeft: layout.paddingLeft,
    paddingRight: layout.paddingRight,
    paddingTop: layout.paddingTop,
    paddingBottom: layout.paddingBottom,
  };
}

/** The last two rows as one row: a nested table with the same columns, so they move together. */
function tieLastRows(rows: Content[][], widths: number[], layout: GridLayout): Content[][] {
  if (rows.length < 2) return rows;
  const n = widths.length;
  const inner = {
    table: { widths, dontBreakRows: true, body: rows.slice(-2) },
    layout: { ...pdfLayout(layout), hLineWidth: (i: number) => (i === 1 ? layout.lines.row : 0) },
    // The outer cell's padding is taken back, so the nested columns sit exactly under the others.
    margin: [
      -layout.paddingLeft(0),
      -layout.paddingTop(0),
      -layout.paddingRight(n - 1),
      -layout.paddingBottom(0),
    ],
    colSpan: n,
  };
  return [...rows.slice(0, -2), [inner, ...Array.from({ length: n - 1 }, () => '')]];
}

/** A table with fixed column widths, an optional column header, and no orphan rows. */
export function grid(
  widths: number[],
  header: Content[] | null,
  rows: Content[][],
  layout: GridLayout,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const body = [...(header ? [header] : []), ...tieLastRows(rows, widths, layout)];
  const node: Record<string, unknown> = {
    [GRID]: true,
    _columnHeader: header !== null,
    _padLeft: layout.paddingLeft(0),
    table: { widths, dontBreakRows: true, body, headerRows: header ? 1 : 0 },
    layout: pdfLayout(layout),
    ...extra,
  };
  keepRows(node);
  return node;
}

/**
 * Keeps the header rows with the first two rows. A table of two rows or fewer stays whole instead:
 * pdfmake drops a table whose every row is kept with its header.
 */
function keepRows(node: Record<string, unknown>): void {
  const table = node.table as GridNode['table'] & { keepWithHeaderRows?: number };
  const headerRows = table.headerRows ?? 0;
  const bodyRows = table.body.length - headerRows;
  delete table.keepWithHeaderRows;
  delete node.unbreakable;
  if (bodyRows <= 2) node.unbreakable = true;
  else if (headerRows > 0) table.keepWithHeaderRows = 2;
  else node.unbreakable = bodyRows <= 3;
}

/** Puts a heading (and its short intro) as the table's first header row: repeated and never left alone. */
export function titleGrid(node: Record<string, unknown>, title: Content[]): void {
  const padLeft = Number(node._padLeft ?? 0);
  const table = node.table as GridNode['table'] & { keepWithHeaderRows?: number };
  if (node._title) {
    // A heading above a titled table (a section and its first sub-heading): one title row.
    ((table.body[0] as Record<string, unknown>[])[0]!.stack as Content[]).unshift(...title);
    return;
  }
  const n = table.widths.length;
  table.body.unshift([
    { stack: title, colSpan: n, margin: [-padLeft, 0, 0, 0] },
    ...Array.from({ length: n - 1 }, () => ''),
  ]);
  table.headerRows = (table.headerRows ?? 0) + 1;
  node._title = true;
  keepRows(node);
}
