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
import { CONTENT_WIDTH, fitText, fixedWidths } from './layout';
import { formatDate, shorten } from './model';
import { colors, shapes, table } from './pdf-parts';

/** One site as the carnet shows it. */
export interface SiteSection {
  readonly url: string;
  readonly host: string;
  readonly report: SiteReport | null;
  readonly findings: readonly Finding[];
  readonly asks: readonly string[];
}

type PdfContent = string | Record<string, unknown> | PdfContent[];

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

const FINDING_WIDTHS = fixedWidths([80, '*']);

function voyantCell(state: FindingState, lang: Lang): PdfContent {
  return {
    text: [
      { text: `${shapes[state]} `, color: colors[state] },
      { text: getT(lang)(`report:states.${state}`), bold: true, color: colors[state] },
    ],
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** One site's page in the owner's part: its voyants and what to ask the web agency. */
function sitePage(s: SiteSection, lang: Lang): PdfContent[] {
  const t = getT(lang);
  const out: PdfContent[] = [
    {
      text: fitText(t('site:report.heading', { host: s.host }), CONTENT_WIDTH, {
        full: s.host,
        fontSize: 16,
        bold: true,
        maxLines: 2,
      }),
      style: 'h1',
      pageBreak: 'before',
    },
  ];
  if (!s.report)
    return [...out, { text: t('site:report.notChecked', { url: fitText(s.url, CONTENT_WIDTH - 150) }) }];
  const r = s.report;
  out.push({
    text: t('site:report.read', {
      url: fitText(r.url, CONTENT_WIDTH - 150, { maxLines: 2 }),
      date: formatDate(r.checkedAt, lang, 'long'),
    }),
    margin: [0, 0, 0, 6],
  });
  out.push(
    table(
      FINDING_WIDTHS,
      [t('site:report.state'), t('site:report.what')],
      s.findings.map((f) => [
        voyantCell(f.state, lang),
        { text: [{ text: `${f.title}\n`, bold: true }, `${f.detail} ${f.action}`] },
      ]),
    ),
  );
  if (s.asks.length > 0)
    out.push(
      { text: t('site:report.ask'), style: 'h2' },
      { text: capitalised(shorten(s.asks.join(t('site:cli.and')), 800)) + '.' },
    );
  return out;
}

/** One site's technical detail for the annex: versions read and every request made. */
function siteDetail(s: SiteSection, lang: Lang): PdfContent[] {
  const t = getT(lang);
  const r = s.report;
  if (!r) return [];
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
  const tech = [
    ...versions,
    ...(r.software?.signs ?? []).map((sign) => `${r.software!.name} : ${sign}`),
    ...(r.language ? [r.language.sign] : []),
    ...r.requests.map((q) => `GET ${q.url} → ${q.status ?? q.error ?? '?'} (${q.durationMs} ms)`),
    ...r.findings.filter((f) => f.reason).map((f) => `${f.id} : ${f.reason}`),
  ];
  return [
    {
      text: `${t('site:report.technical')} — ${fitText(s.host, CONTENT_WIDTH - 200, { fontSize: 10.5, bold: true })}`,
      style: 'h3',
    },
    { ul: tech.map((line) => shorten(line, 300)), fontSize: 8, margin: [0, 0, 0, 6] },
  ];
}

/** The site pages of the carnet (nothing when no site was added). */
export function sitePages(sites: readonly SiteSection[] | undefined, lang: Lang): PdfContent[] {
  return (sites ?? []).flatMap((s) => sitePage(s, lang));
}

/** The sites' technical detail in the annex (nothing when no site was checked). */
export function siteAnnex(sites: readonly SiteSection[] | undefined, lang: Lang): PdfContent[] {
  return (sites ?? []).flatMap((s) => siteDetail(s, lang));
}
