/**
 * The website's page of the carnet (issue 13): for each site, what was read and when, the voyants,
 * the versions, and what to ask the web agency; and the same request in the e-mail to the prestataire.
 * Texts are written again in the carnet's language from the stored keys.
 */
import type { Finding, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import type { SiteReport } from '../../../shared/site';
import type { SiteEntry } from '../../../shared/workspace';
import { getT } from '../i18n';
import { localizeAsks, localizeSiteFindings } from '../site/check';
import { formatDate, shorten } from './model';

/** One site as the carnet shows it. */
export interface SiteSection {
  readonly url: string;
  readonly host: string;
  readonly report: SiteReport | null;
  readonly findings: readonly Finding[];
  readonly asks: readonly string[];
}

type PdfContent = string | Record<string, unknown> | PdfContent[];

const COLOURS: Record<FindingState, string> = {
  ok: '#1b6e20',
  attention: '#9a5200',
  danger: '#b71c1c',
  unknown: '#4a4a4a',
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The sites of the workspace, their last check written in `lang`. */
export function siteSections(sites: readonly SiteEntry[] | undefined, lang: Lang): SiteSection[] {
  return (sites ?? []).map((site) => {
    const report = (site.last as SiteReport | undefined) ?? null;
    const findings = report ? localizeSiteFindings(report.findings, lang) : [];
    const asks = report ? (report.askItems ? localizeAsks(report.askItems, lang) : report.ask) : [];
    return { url: site.url, host: hostOf(site.url), report, findings, asks };
  });
}

/** The e-mail's requests about the sites (one line per site with something to do). */
export function siteEmailAsks(sites: readonly SiteSection[] | undefined, lang: Lang): string[] {
  const t = getT(lang);
  const out: string[] = [];
  for (const s of sites ?? []) {
    if (!s.report) {
      out.push(t('site:report.emailNotChecked', { host: s.host }));
      continue;
    }
    // Problems without a version request (certificate, site down) are named by their title.
    const others = s.findings
      .filter(
        (f) =>
          (f.state === 'danger' || f.state === 'attention') &&
          !['site-software', 'site-language'].includes(f.id),
      )
      .map((f) => f.title.charAt(0).toLocaleLowerCase(lang) + f.title.slice(1));
    const list = [...s.asks, ...others];
    if (list.length === 0) continue;
    out.push(
      t('site:report.emailAsk', {
        host: s.host,
        date: formatDate(s.report.checkedAt, lang, 'long'),
        list: shorten(list.join(t('site:cli.and')), 400),
      }),
    );
  }
  return out;
}

function voyantCell(state: FindingState, lang: Lang): PdfContent {
  return {
    text: [
      { text: '● ', color: COLOURS[state] },
      { text: getT(lang)(`report:states.${state}`), bold: true, color: COLOURS[state] },
    ],
  };
}

function table(widths: (string | number)[], header: string[], rows: PdfContent[][]): PdfContent {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths,
      body: [header.map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** One site's page. */
function sitePage(s: SiteSection, lang: Lang): PdfContent[] {
  const t = getT(lang);
  const out: PdfContent[] = [
    { text: t('site:report.heading', { host: s.host }), style: 'h1', pageBreak: 'before' },
  ];
  if (!s.report) return [...out, { text: t('site:report.notChecked', { url: s.url }) }];
  const r = s.report;
  out.push({
    text: t('site:report.read', { url: shorten(r.url, 200), date: formatDate(r.checkedAt, lang, 'long') }),
    margin: [0, 0, 0, 6],
  });
  out.push(
    table(
      [70, '*'],
      [t('site:report.state'), t('site:report.what')],
      s.findings.map((f) => [
        voyantCell(f.state, lang),
        { text: [{ text: `${f.title}\n`, bold: true }, `${f.detail} ${f.action}`] },
      ]),
    ),
  );
  const versions: string[] = [];
  if (r.software)
    versions.push(
      `${r.software.name} ${r.software.version ?? t('site:report.hidden')}${r.software.latest ? ` (${t('site:report.latest', { latest: r.software.latest })})` : ''}`,
    );
  if (r.language) versions.push(`PHP ${r.language.version}`);
  if (r.certificate?.validTo)
    versions.push(
      t('site:report.certificate', {
        issuer: r.certificate.issuer ?? '?',
        end: formatDate(r.certificate.validTo, lang, 'long'),
      }),
    );
  if (versions.length > 0)
    out.push({ text: t('site:report.versions'), style: 'h2' }, { ul: versions.map((v) => shorten(v, 300)) });
  if (s.asks.length > 0)
    out.push(
      { text: t('site:report.ask'), style: 'h2' },
      { text: capitalised(shorten(s.asks.join(t('site:cli.and')), 800)) + '.' },
    );
  out.push({ text: t('site:report.technical'), style: 'h2' });
  const tech = [
    ...(r.software?.signs ?? []).map((sign) => `${r.software!.name} : ${sign}`),
    ...(r.language ? [r.language.sign] : []),
    ...r.requests.map((q) => `GET ${q.url} → ${q.status ?? q.error ?? '?'} (${q.durationMs} ms)`),
    ...r.findings.filter((f) => f.reason).map((f) => `${f.id} : ${f.reason}`),
  ];
  out.push({ ul: tech.map((line) => shorten(line, 300)), fontSize: 8 });
  return out;
}

/** The site pages of the carnet (nothing when no site was added). */
export function sitePages(sites: readonly SiteSection[] | undefined, lang: Lang): PdfContent[] {
  return (sites ?? []).flatMap((s) => sitePage(s, lang));
}
