/** The carnet's page of step 3 and step 4: per program the test (scenario, last date, result, who) and the vendor's answer. */
import { getT } from '../i18n';
import type { Content } from './document';
import { fitText, fixedWidths } from './layout';
import { formatDate, personName, type ReportModel } from './model';

const TEST_WIDTHS = fixedWidths(['*', '*', 56, 70, 70]);
const VENDOR_WIDTHS = fixedWidths(['*', 70, '*', 56, '*']);

/** A due day (YYYY-MM-DD, a calendar day, not an instant) in the report's language. */
export function formatDay(day: string, lang: ReportModel['lang']): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? formatDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), lang) : formatDate(day, lang);
}

type Table = (
  widths: (string | number)[],
  header: string[],
  rows: Content[][],
  extra?: Record<string, unknown>,
) => Content;

function testCells(row: ReportModel['register'][number], model: ReportModel): Content[] {
  const t = getT(model.lang);
  const last = row.lastTest;
  const result = last
    ? t(
        `carnet:journal.result${last.result === 'works' ? 'Works' : last.result === 'broken' ? 'Broken' : 'Unknown'}`,
      )
    : { text: t('carnet:report.neverTested'), italics: true };
  const w = TEST_WIDTHS;
  return [
    { text: fitText(row.name, w[0]!, { bold: true }), bold: true },
    row.scenario
      ? fitText(row.scenario, w[1]!, { maxLines: 6 })
      : { text: t('carnet:report.noScenario'), italics: true },
    last ? formatDate(last.at, model.lang) : '',
    row.toTest && last ? { text: [result, '\n', { text: t('carnet:report.toTest'), bold: true }] } : result,
    last ? fitText(personName(last.by, model.ownerName, model.lang), w[4]!, { maxLines: 2 }) : '',
  ];
}

function nextStep(row: ReportModel['register'][number], model: ReportModel): string {
  const t = getT(model.lang);
  const a = row.lastAnswer;
  if (!a) return t('carnet:report.askVendor');
  if (a.status === 'current') return t('carnet:report.nothing');
  const version = a.version ?? '';
  return a.due
    ? t('carnet:report.installBy', { version, date: formatDay(a.due, model.lang) })
    : t('carnet:report.install', { version });
}

/** The register part of the annex (nothing when no business program is listed). */
export function registerPage(model: ReportModel, table: Table): Content[] {
  if (model.register.length === 0) return [];
  const t = getT(model.lang);
  const critical = model.register.filter((r) => r.critical);
  const out: Content[] = [
    { text: t('carnet:report.heading'), style: 'h2' },
    { text: t('carnet:report.intro'), margin: [0, 0, 0, 6] },
    { text: t('carnet:report.testsTitle'), style: 'h3' },
  ];
  out.push(
    critical.length === 0
      ? { text: t('carnet:report.noCritical') }
      : table(
          TEST_WIDTHS,
          ['software', 'scenario', 'lastTest', 'result', 'by'].map((k) => t(`carnet:report.${k}`)),
          critical.map((r) => testCells(r, model)),
        ),
  );
  out.push({ text: t('carnet:report.vendorsTitle'), style: 'h3' });
  out.push(
    table(
      VENDOR_WIDTHS,
      ['software', 'version', 'answer', 'date', 'next'].map((k) => t(`carnet:report.${k}`)),
      model.register.map((r) => [
        { text: fitText(r.name, VENDOR_WIDTHS[0]!, { bold: r.critical }), bold: r.critical },
        r.version
          ? fitText(r.version, VENDOR_WIDTHS[1]!, { maxLines: 2 })
          : { text: t('report:software.versionUnknown'), italics: true },
        r.lastAnswer
          ? r.lastAnswer.status === 'current'
            ? t('carnet:vendor.current')
            : `${t('carnet:vendor.update')} ${r.lastAnswer.version ?? ''}`.trim()
          : { text: t('carnet:report.noAnswer'), italics: true },
        r.lastAnswer ? formatDate(r.lastAnswer.at, model.lang) : '',
        nextStep(r, model),
      ]),
    ),
  );
  return out;
}
