/** The carnet's PDF building blocks: voyants, tables, checklists, shared by every section. */
import { getT } from '../i18n';
import { CELL_PADDING, CONTENT_WIDTH, fixedWidths, type Content } from './layout';
import { grid, type GridLayout } from './tables';
import { formatDate, type ChecklistItem, type ReportModel, type VoyantState } from './model';

export type { Content } from './layout';

export const BOX_TODO = '☐';
export const BOX_DONE = '✓';

export const colors: Record<VoyantState, string> = {
  ok: '#1b6e20',
  attention: '#9a5200',
  danger: '#b71c1c',
  unknown: '#4a4a4a',
  declared: '#0d47a1',
  todo: '#9a5200',
};

/** Each voyant's shape, so a state never reads by colour alone (printed in black and white too). */
export const shapes: Record<VoyantState, string> = {
  ok: '●',
  attention: '▲',
  danger: '■',
  unknown: '◌',
  declared: '◆',
  todo: '△',
};

/** Table borders: a rule above and under the header, hairlines between rows. */
export const tableLayout: GridLayout = {
  lines: { top: 0.6, header: 0.8, row: 0.3, colour: '#9e9e9e' },
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** Checklists: no borders, a little air between items. */
export const checklistLayout: GridLayout = {
  lines: { top: 0, header: 0, row: 0, colour: '#ffffff' },
  paddingLeft: (i: number) => (i === 0 ? 0 : 4),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A state in words, in the report's language. */
export function stateLabel(model: ReportModel, state: VoyantState): string {
  return getT(model.lang)(`report:states.${state}`);
}

/** A voyant: a coloured shape and the state in words (never colour alone). */
export function voyant(model: ReportModel, state: VoyantState): Content {
  return {
    text: [
      { text: `${shapes[state]} `, color: colors[state] },
      { text: stateLabel(model, state), bold: true, color: colors[state] },
    ],
  };
}

/** « Voyant : ● À corriger » on one line. */
export function voyantLine(model: ReportModel, state: VoyantState): Record<string, unknown> {
  const t = getT(model.lang);
  return {
    text: [
      `${t('report:cover.state')}${sep(model)}`,
      { text: `${shapes[state]} `, color: colors[state] },
      { text: stateLabel(model, state), bold: true, color: colors[state] },
    ],
  };
}

/** The label separator: French puts a space before the colon. */
export function sep(model: ReportModel): string {
  return model.lang === 'fr' ? ' : ' : ': ';
}

/** A table's header cell: bold on grey. */
export function headerCell(text: string): Content {
  return { text, bold: true, fillColor: '#eeeeee' };
}

/**
 * A table with a header row repeated on each page, fixed column widths ('*' shares what is left),
 * rows never split and no row alone on a page. Fit names to their column with `fitText` first.
 */
export function table(
  widths: readonly (string | number)[],
  header: string[],
  rows: Content[][],
  extra: Record<string, unknown> = {},
): Content {
  return grid(fixedWidths(widths), header.map(headerCell), rows, tableLayout, {
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
    ...extra,
  });
}

/** A list of ☐ / ✓ items (title, done date, detail), never leaving one item alone on a page. */
export function checklist(items: readonly ChecklistItem[], lang: ReportModel['lang']): Content[] {
  const t = getT(lang);
  if (items.length === 0) return [];
  // One borderless table per list (box | text) lays out several times faster than columns per item.
  const body: Content[][] = items.map((item) => [
    { text: item.done ? BOX_DONE : BOX_TODO, fontSize: 12, color: item.done ? colors.ok : '#000000' },
    {
      text: [
        { text: item.title, bold: true },
        ...(item.done && item.doneAt
          ? [
              {
                text: ` — ${t('report:device.doneOn', { date: formatDate(item.doneAt, lang) })}`,
                color: '#555555',
              },
            ]
          : []),
        ...(item.detail ? [{ text: `\n${item.detail}`, color: '#333333' }] : []),
      ],
    },
  ]);
  const widths = fixedWidths([14, '*'], CONTENT_WIDTH + CELL_PADDING - 4);
  return [grid(widths, null, body, checklistLayout, { margin: [0, 2, 0, 4] })];
}
