/** One site check: read the public pages through the Host, judge, and write the voyants in a language. */
import type { Finding } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import type { SiteReport } from '../../../shared/site';
import { displayParams } from '../../../shared/finding-text';
import type { Host } from '../exec/host';
import type { FindingSpec } from '../findings/evaluate';
import { summarize } from '../findings/localize';
import { getTranslate } from '../i18n';
import { loadEolData, type EolData } from '../knowledge/eol';
import { SiteAddressError, localSitesAllowed, parseSiteAddress } from './address';
import { PRODUCTS } from './detect';
import { judgeCertificate, judgeResponds } from './judge-reach';
import { judgeLanguage, judgeSoftware, versionOf, type Ask, type Judged } from './judge-software';
import { readSite, type SiteReading } from './read-site';

/** What a check needs. */
export interface SiteCheckOptions {
  readonly host: Host;
  readonly now: Date;
  readonly lang: Lang;
  readonly appVersion: string;
  readonly signal?: AbortSignal;
  /** PEM authorities trusted besides the system's (tests). */
  readonly ca?: readonly string[];
  /** Allows loopback addresses (tests); default from REVISION_ALLOW_LOCAL_SITES. */
  readonly allowLocal?: boolean;
  readonly eol?: EolData;
}

/** Writes FindingSpecs under `site:findings.` in a language. */
export function localizeSiteFindings(specs: readonly FindingSpec[], lang: Lang): Finding[] {
  const t = getTranslate(lang);
  return specs.map((s) => {
    const params = displayParams(s.params, lang, t);
    const text = (part: string) => t(`site:findings.${s.key}.${part}`, params);
    return {
      id: s.id,
      state: s.state,
      title: text('title'),
      detail: text('detail'),
      action: text('action'),
      key: s.key,
      params: s.params,
      fix: s.fix,
      ...(s.reason ? { reason: s.reason } : {}),
    };
  });
}

/** The questions for the web agency, in a language. */
export function localizeAsks(asks: readonly Ask[], lang: Lang): string[] {
  const t = getTranslate(lang);
  return asks.map((a) => t(`site:ask.${a.key}`, a.params));
}

function softwareJudged(r: SiteReading, eol: EolData, now: Date): Judged {
  const unknown = (key: string, params: FindingSpec['params'], reason: string): Judged => ({
    spec: { id: 'site-software', state: 'unknown', key, params, fix: 'contact-provider', reason },
    ask: null,
  });
  if (r.elsewhere)
    return unknown('software.elsewhere', { target: r.elsewhere }, `redirect to ${r.elsewhere} not followed`);
  if (!r.home || r.home.status >= 400)
    return unknown('software.notRead', {}, r.homeFailure?.message ?? `HTTP ${r.home?.status ?? '?'}`);
  const type = r.home.headers['content-type'] ?? '';
  if (!/html/i.test(type))
    return unknown('software.notHtml', { type: type || '?' }, `content-type ${type || 'absent'}`);
  if (!r.product) return unknown('software.unrecognised', {}, 'no sign of a known CMS');
  return judgeSoftware(r.product, r.signs, eol, now);
}

/** Every voyant of a reading, and what to ask. */
export function judgeReading(r: SiteReading, eol: EolData, now: Date): { specs: FindingSpec[]; asks: Ask[] } {
  const software = softwareJudged(r, eol, now);
  const readable = !!r.home && r.home.status < 400 && !r.elsewhere;
  const language: Judged = readable
    ? judgeLanguage(r.language, eol, now)
    : {
        spec: {
          id: 'site-language',
          state: 'unknown',
          key: 'language.notRead',
          params: {},
          fix: 'contact-provider',
          reason: 'home page not read',
        },
        ask: null,
      };
  const specs = [judgeResponds(r), judgeCertificate(r, now), software.spec, language.spec];
  const asks = [software.ask, language.ask].filter((a): a is Ask => a !== null);
  return { specs, asks };
}

/** A report where the address itself was refused: every voyant unknown, with the reason. */
function refusedReport(address: string, error: SiteAddressError, o: SiteCheckOptions): SiteReport {
  const t = getTranslate(o.lang);
  const reason = t(`site:address.${error.problem}`);
  const specs: FindingSpec[] = ['site-responds', 'site-certificate', 'site-software', 'site-language'].map(
    (id) => ({
      id,
      state: 'unknown',
      key: 'address',
      params: { address, reason },
      fix: 'guide',
      reason: error.message,
    }),
  );
  const findings = localizeSiteFindings(specs, o.lang);
  return {
    ...reportBase(address, o, findings),
    finalUrl: null,
    software: null,
    language: null,
    certificate: null,
    requests: [],
    ask: [],
  };
}

/** The fields every report has: the address, when, by which version, and the voyants. */
function reportBase(address: string, o: SiteCheckOptions, findings: Finding[]) {
  return {
    url: address,
    checkedAt: o.now.toISOString(),
    appVersion: o.appVersion,
    lang: o.lang,
    mode: o.host.mode,
    findings,
    summary: summarize(findings),
  };
}

/** Checks one site. Never throws for a site problem: it gives `unknown` voyants with the reason. */
export async function checkSite(address: string, o: SiteCheckOptions): Promise<SiteReport> {
  let url: URL;
  try {
    url = parseSiteAddress(address, o.allowLocal);
  } catch (error) {
    if (error instanceof SiteAddressError) return refusedReport(address, error, o);
    throw error;
  }
  const eol = o.eol ?? loadEolData();
  const reading = await readSite(o.host, url, {
    appVersion: o.appVersion,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.ca ? { ca: o.ca } : {}),
    allowLocal: o.allowLocal ?? localSitesAllowed(),
  });
  const { specs, asks } = judgeReading(reading, eol, o.now);
  const findings = localizeSiteFindings(specs, o.lang);
  const softwareSpec = specs[2]!;
  const product =
    reading.product &&
    !softwareSpec.key.startsWith('software.not') &&
    softwareSpec.key !== 'software.elsewhere'
      ? reading.product
      : null;
  const def = product ? PRODUCTS[product] : undefined;
  return {
    ...reportBase(address, o, findings),
    finalUrl: reading.home?.url ?? null,
    software: product
      ? {
          product,
          name: def?.name ?? product,
          version: versionOf(reading.signs, product),
          hosted: def?.hosted ?? false,
          signs: reading.signs.filter((s) => s.product === product).map((s) => s.sign),
          latest:
            typeof softwareSpec.params.latest === 'string' && softwareSpec.params.latest
              ? softwareSpec.params.latest
              : null,
        }
      : null,
    language: reading.language
      ? {
          name: 'PHP',
          version: reading.language.version,
          sign: reading.language.sign,
          latest: typeof specs[3]!.params.latest === 'string' ? (specs[3]!.params.latest as string) : null,
        }
      : null,
    certificate: reading.tls
      ? {
          issuer: reading.tls.issuer,
          subject: reading.tls.subject,
          validTo: reading.tls.validTo,
          trusted: reading.tls.trusted,
          nameMatches: reading.tls.nameMatches,
          trustError: reading.tls.trustError,
        }
      : null,
    requests: reading.requests,
    ask: localizeAsks(asks, o.lang),
    askItems: asks,
  };
}
