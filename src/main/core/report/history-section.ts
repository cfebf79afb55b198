/**
 * Parts of the prestataire's annex about the register: the business software (version, vendor,
 * tests) and the logbook's history, people named (never « app » or the system's account).
 */
import { getT } from '../i18n';
import { CONTENT_WIDTH, fitText, fixedWidths, type CutNames } from './layout';
import { formatDate, formatDateTime, type ReportModel } from './model';
import { checklist, table, type Content } from './pdf-parts';

const SOFTWARE_WIDTHS = fixedWidths(['*', 56, 62, '*', 30, 62, 52]);
const HISTORY_WIDTHS = fixedWidths([78, '*', 90]);

/** The business software table. */
export function softwareTable(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [
    { text: t('report:software.heading'), style: 'h2' },
    { text: t('report:software.intro'), margin: [0, 0, 0, 6] },
  ];
  if (model.software.length === 0)
    return [
      ...out,
      ...checklist([{ done: false, doneAt: null, title: t('report:software.none'), detail: '' }], model.lang),
    ];
  const w = SOFTWARE_WIDTHS;
  const rows = model.software.map((s) => [
    { text: fitText(s.name, w[0]!, { bold: s.critical }), bold: s.critical },
    s.version
      ? fitText(s.version, w[1]!, { maxLines: 2 })
      : { text: t('report:software.versionUnknown'), italics: true },
    t(`report:software.categories.${s.category}`),
    fitText([s.vendor, s.vendorContact].filter(Boolean).join(' — '), w[3]!, { words: true }),
    s.critical ? { text: t('report:software.yes'), bold: true } : t('report:software.no'),
    { text: t('report:software.checkVendor'), italics: true },
    s.lastTestedAt ? formatDate(s.lastTestedAt, model.lang) : t('report:software.neverTested'),
  ]);
  const header = ['name', 'version', 'category', 'vendor', 'critical', 'latest', 'tested'];
  return [
    ...out,
    table(
      w,
      header.map((k) => t(`report:software.${k}`)),
      rows,
    ),
  ];
}

/** The logbook, newest first. */
export function historyTable(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [{ text: t('report:history.heading'), style: 'h2' }];
  if (model.history.length === 0) return [...out, { text: t('report:history.none') }];
  const w = HISTORY_WIDTHS;
  const rows = model.history.map((h) => {
    const kind = `${t(`report:history.kinds.${h.kind}`, { defaultValue: h.kind })} — `;
    return [
      formatDateTime(h.at, model.lang),
      { text: [{ text: kind, bold: true }, fitText(h.text, w[1]! - 60, { maxLines: 4, words: true })] },
      fitText(h.by, w[2]!, { maxLines: 2 }),
    ];
  });
  return [
    ...out,
    table(w, [t('report:history.date'), t('report:history.what'), t('report:history.by')], rows, {
      fontSize: 8,
    }),
  ];
}

/** The names shortened with « … » elsewhere in the carnet, in full. */
export function fullNames(model: ReportModel, cut: CutNames): Content[] {
  const names = cut.list();
  if (names.length === 0) return [];
  const t = getT(model.lang);
  return [
    { text: t('report:annex.fullNames'), style: 'h3' },
    {
      // One name never splits across two pages.
      ul: names.map((n) => ({ text: n, fontSize: 7.5, unbreakable: true })),
      margin: [0, 2, 0, 8],
      // Kept narrower than the page: a name without spaces is broken by pdfmake inside this width.
      width: CONTENT_WIDTH - 20,
    },
  ];
}
