/**
 * The carnet d'entretien as a pdfmake document definition. The owner's part comes first and
 * stays short: the cover, one page per device, the missions, who does what, the next révision
 * and the signatures. The prestataire's technical annex follows on its own pages. Every text
 * comes from the model (already in the report's language) or the `report:` locale.
 */
import { getT } from '../i18n';
import { FONT_FAMILY } from './render';
import { annex } from './annex-section';
import { cover } from './cover-section';
import { computerPage, devicePages } from './device-section';
import { fullNames, historyTable, softwareTable } from './history-section';
import { CONTENT_WIDTH, CutNames, fitText, recordCutNames, useFontMetrics } from './layout';
import { formatDate, type ReportModel } from './model';
import { table, type Content } from './pdf-parts';
import { GRID, titleGrid } from './tables';
import { registerPage } from './register-page';
import { missionsPage, signoffPage } from './signoff-section';
import { siteAnnex, sitePages } from './site-section';

export type { Content } from './pdf-parts';

const HEADINGS = new Set(['h1', 'h2', 'h3']);

type Node = Record<string, unknown>;
const isNode = (n: Content | undefined): n is Node =>
  typeof n === 'object' && n !== null && !Array.isArray(n);
const isHeading = (n: Content | undefined): n is Node =>
  isNode(n) && ((typeof n.style === 'string' && HEADINGS.has(n.style)) || n.keepWithNext === true);
const isShortText = (n: Content | undefined): boolean =>
  isNode(n) && !isHeading(n as Content) && n.text !== undefined && JSON.stringify(n.text).length < 400;

/** A heading with its intro and what follows, as one block (a list: its first two items only). */
function keepTogether(title: Node[], next: Content): Content[] {
  if (isNode(next) && Array.isArray(next.ul) && next.ul.length > 2) {
    // The first two items stay with the heading, the last two together: no item alone on a page.
    const { ul, margin, ...rest } = next;
    const items = ul as Content[];
    const tail = items.length >= 4 ? 2 : 0;
    return [
      { stack: [...title, { ...rest, ul: items.slice(0, 2) }], unbreakable: true },
      ...(items.length - 2 - tail > 0 ? [{ ...rest, ul: items.slice(2, items.length - tail) }] : []),
      ...(tail ? [{ ...rest, ul: items.slice(-tail), unbreakable: true, margin }] : []),
    ];
  }
  // Never an unbreakable block inside another (pdfmake can lose such content): one flat stack.
  if (isNode(next) && next.unbreakable && Array.isArray(next.stack) && !next.pageBreak)
    return [{ ...next, stack: [...title, ...(next.stack as Content[])] }];
  if (!isNode(next)) return [{ stack: [...title, next], unbreakable: true }];
  const { unbreakable: _inner, ...inner } = next;
  return [{ stack: [...title, inner], unbreakable: true }];
}

/**
 * Attaches every heading (and its short intro) to what follows it: a table gets it as its first
 * header row, anything else is kept with it as one block. So no heading ends a page. Nothing is
 * attached across a page break (the heading ends its section).
 */
export function attachHeadings(nodes: Content[]): Content[] {
  const out = nodes.flat(Infinity as 1) as Content[];
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const heading = out[i];
    if (!isHeading(heading)) continue;
    let j = i + 1;
    while (j < out.length && j - i <= 2 && isShortText(out[j])) j += 1;
    const target = out[j];
    const { pageBreak, ...first } = heading;
    const texts = out.slice(i + 1, j) as Node[];
    const opensPage = isNode(target) && target.pageBreak !== undefined;
    let replacement: Content[];
    let end = j;
    if (target !== undefined && !opensPage && isNode(target) && target[GRID]) {
      titleGrid(target, [first, ...texts]);
      replacement = [target];
    } else if (texts.length > 0 || target === undefined || opensPage) {
      // A heading with its short text, kept together; what follows stands on its own.
      replacement = [{ stack: [first, ...texts], unbreakable: true }];
      end = j - 1;
    } else {
      replacement = keepTogether([first], target);
    }
    if (pageBreak && isNode(replacement[0])) replacement[0] = { ...replacement[0], pageBreak };
    out.splice(i, end - i + 1, ...replacement);
  }
  return out;
}

/** The prestataire's technical annex, from a new page. */
function technicalAnnex(model: ReportModel, cut: CutNames): Content[] {
  const t = getT(model.lang);
  const body: Content[] = [
    ...softwareTable(model),
    ...registerPage(model, table),
    { text: t('report:annex.checkupHeading'), style: 'h2' },
    ...annex(model),
    ...siteAnnex(model.sites, model.lang),
    ...historyTable(model),
  ];
  return [
    { text: t('report:annex.heading'), style: 'h1', pageBreak: 'before' },
    { text: t('report:annex.forWho'), color: '#444444', margin: [0, 0, 0, 6] },
    ...body,
    // Last: every name cut with « … » anywhere above, in full.
    ...fullNames(model, cut),
  ];
}

/** Builds the whole document definition of the carnet. */
export function buildDocument(model: ReportModel, assetsDir?: string): Record<string, unknown> {
  const t = getT(model.lang);
  useFontMetrics(assetsDir);
  const cut = new CutNames();
  recordCutNames(cut);
  let content: Content[];
  let footerCompany: string;
  try {
    content = [
      ...cover(model),
      ...computerPage(model),
      ...devicePages(model),
      ...sitePages(model.sites, model.lang),
      ...missionsPage(model),
      ...signoffPage(model),
    ];
    footerCompany = fitText(model.company, CONTENT_WIDTH / 3, { fontSize: 7.5, maxLines: 1 });
    content.push(...technicalAnnex(model, cut));
  } finally {
    recordCutNames(null);
  }
  content = attachHeadings(content);
  const dateShort = formatDate(model.generatedAt, model.lang);
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 46],
    info: {
      title: `${t('report:title')} — ${model.company.slice(0, 120)}`,
      author: model.company.slice(0, 120),
      creator: 'Révision',
      producer: 'Révision',
    },
    language: model.lang === 'fr' ? 'fr-FR' : 'en-GB',
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 24, bold: true, margin: [0, 24, 0, 4] },
      subtitle: { fontSize: 12, color: '#444444', margin: [0, 0, 0, 4] },
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
    },
    footer: (page: number, pages: number) => ({
      text: t('report:footer', { company: footerCompany, date: dateShort, page, pages }),
      fontSize: 7.5,
      color: '#555555',
      alignment: 'center',
      margin: [40, 16, 40, 0],
    }),
    content,
  };
}
