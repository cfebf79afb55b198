/**
 * The programs part of the carnet's technical annex (issue 12): one compact table of the
 * user-facing programs with their voyant, the system components counted in one line, and the
 * full list of installed items as a CSV saved next to the PDF (never 22 pages of packages).
 */
import type { CheckupReport } from '../../../shared/checkup';
import type { InstalledApplication } from '../../../shared/facts';
import type { Lang } from '../../../shared/i18n';
import type { ProgramView, ProgramsReport } from '../../../shared/programs';
import { getT } from '../i18n';
import { programsOrNothing } from '../programs';
import { publisherName } from '../programs/classify';
import { fitText, fixedWidths } from './layout';
import { formatDate } from './model';
import { table, type Content } from './pdf-parts';

const PROGRAM_WIDTHS = fixedWidths(['*', 90, 100, 150]);

const STATUS_COLOURS: Record<ProgramView['status'], string> = {
  current: '#1b6e20',
  outdated: '#9a5200',
  'end-of-life': '#b00020',
  unknown: '#555555',
};

/** The programs of a checkup: the stored ones, else assessed again from its facts (older checkups). */
export function programsOfCheckup(report: CheckupReport): ProgramsReport | null {
  if (report.programs) return report.programs;
  const read = report.facts.inventory;
  if (!read) return null;
  // The facts keep what the probe read (Linux desktop entries); a report whose list was changed afterwards is judged on its list.
  const listed = report.inventory.applications as InstalledApplication[];
  const facts =
    listed.length === read.applications.length
      ? report.facts
      : { ...report.facts, inventory: { applications: listed } };
  return programsOrNothing(facts, new Date(report.generatedAt)) ?? null;
}

/** A program's voyant in words: status (with the new version or the end date), then « visé par des attaques ». */
export function voyantText(p: ProgramView, lang: Lang): string {
  const t = getT(lang);
  const status =
    p.status === 'outdated' && p.latestVersion
      ? t('programs:status.outdatedTo', { version: p.latestVersion })
      : p.status === 'end-of-life' && p.endOfLife
        ? t('programs:status.endOfLifeOn', { date: formatDate(p.endOfLife, lang) })
        : p.status === 'unknown' && p.version
          ? t('programs:status.unchecked')
          : t(`programs:status.${p.status}`);
  if (!p.exploited) return status;
  return `${status}\n${t('programs:exploited.label')} (${t('programs:exploited.detail', { date: formatDate(p.exploited.lastAdded, lang) })})`;
}

/** The annex block: heading, the compact table, the system line, the CSV note and the data dates. */
export function programsAnnex(report: CheckupReport | null, lang: Lang, csvFile: string | null): Content[] {
  const t = getT(lang);
  const programs = report ? programsOfCheckup(report) : null;
  const installed = report?.inventory.applications.length ?? 0;
  if (!report) return [];
  if (!programs)
    return [
      { text: t('programs:pdf.heading', { count: 0 }), style: 'h3' },
      { text: t('programs:pdf.unread'), margin: [0, 0, 0, 8] },
    ];
  const out: Content[] = [
    { text: t('programs:pdf.heading', { count: programs.programs.length }), style: 'h3' },
  ];
  if (programs.programs.length === 0) out.push({ text: t('programs:pdf.none'), margin: [0, 0, 0, 4] });
  else {
    const w = PROGRAM_WIDTHS;
    const rows = programs.programs.map((p) => [
      fitText(p.name, w[0]!, { fontSize: 7.5, maxLines: 2 }),
      // A version wraps inside its fixed column: the prestataire needs it whole.
      p.version ?? { text: t('programs:pdf.noVersion'), italics: true },
      fitText(p.publisher ?? '', w[2]!, { fontSize: 7.5, maxLines: 2 }),
      { text: voyantText(p, lang), color: STATUS_COLOURS[p.status] },
    ]);
    const header = ['name', 'version', 'publisher', 'voyant'].map((k) => t(`programs:pdf.${k}`));
    out.push(table(w, header, rows, { fontSize: 7.5, margin: [0, 4, 0, 6] }));
  }
  out.push({ text: `${t('programs:system', { count: programs.systemComponents })}.`, margin: [0, 0, 0, 2] });
  out.push({
    text: csvFile
      ? t('programs:pdf.csv', { count: installed, file: csvFile })
      : t('programs:pdf.csvAbsent', { count: installed }),
    margin: [0, 0, 0, 2],
  });
  out.push({
    text: t('programs:data', {
      eol: formatDate(programs.data.endOfLife, lang),
      kev: formatDate(programs.data.exploited, lang),
    }),
    fontSize: 7.5,
    color: '#555555',
    margin: [0, 0, 0, 8],
  });
  return out;
}

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The full list of installed items as CSV (UTF-8 with BOM for spreadsheets, `;` as French spreadsheets expect). */
export function inventoryCsv(report: CheckupReport, lang: Lang): string {
  const t = getT(lang);
  const programs = programsOfCheckup(report);
  const byId = new Map(
    (programs?.programs ?? []).flatMap((p) =>
      (p.packages ?? [p.id.slice(p.source.length + 1)]).map((n) => [`${p.source}:${n}`, p] as const),
    ),
  );
  const header = [
    'name',
    'version',
    'publisher',
    'source',
    'kind',
    'status',
    'latest',
    'endOfLife',
    'exploited',
    'lastExploited',
  ].map((k) => t(`programs:csv.${k}`));
  const lines = [header.map(cell).join(';')];
  for (const a of report.inventory.applications) {
    const p = byId.get(`${a.source}:${a.name}`);
    lines.push(
      [
        a.name,
        a.version,
        publisherName(a.publisher),
        a.source,
        t(p ? 'programs:csv.program' : 'programs:csv.component'),
        p ? t(`programs:status.${p.status}`) : '',
        p?.latestVersion,
        p?.endOfLife,
        p?.exploited?.count,
        p?.exploited?.lastAdded,
      ]
        .map(cell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV's path beside the PDF: "carnet.pdf" → "carnet-logiciels.csv" (or "-software.csv" in English). */
export function csvPathFor(pdfPath: string, lang: Lang): string {
  const base = pdfPath.replace(/\.pdf$/i, '');
  return `${base}-${lang === 'fr' ? 'logiciels' : 'software'}.csv`;
}
