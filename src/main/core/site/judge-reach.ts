/**
 * Whether the site answers, and its certificate: pure functions from what was read to voyants
 * (FindingSpec, texts under `site:`).
 */
import { PRIVATE_ADDRESS_CODE } from '../exec/public-address';
import type { FindingSpec } from '../findings/evaluate';
import type { ReadFailure, SiteReading } from './read-site';

/** Under this many days before expiry, the certificate is `attention`. */
export const CERT_ATTENTION_DAYS = 21;

const NO_NETWORK = new Set(['EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

/** A site voyant before its texts are written; `contact-provider` unless it is green. */
export function siteSpec(
  id: string,
  state: FindingSpec['state'],
  key: string,
  params: FindingSpec['params'],
  reason?: string,
): FindingSpec {
  return {
    id,
    state,
    key,
    params,
    fix: state === 'ok' ? 'none' : 'contact-provider',
    ...(reason ? { reason } : {}),
  };
}

/** Whether a network error code is a TLS refusal (the certificate voyant says why). */
export function isTlsCode(code: string | null): boolean {
  return (
    !!code && /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH)/.test(code)
  );
}

const spec = siteSpec;

function failureKey(f: ReadFailure): { state: FindingSpec['state']; key: string } {
  if (f.kind === 'network') {
    if (f.code === 'ENOTFOUND') return { state: 'unknown', key: 'responds.dns' };
    if (f.code === PRIVATE_ADDRESS_CODE) return { state: 'unknown', key: 'responds.private' };
    if (f.code && NO_NETWORK.has(f.code)) return { state: 'unknown', key: 'responds.noNetwork' };
    if (isTlsCode(f.code)) return { state: 'unknown', key: 'responds.tls' };
    return { state: 'danger', key: 'responds.down' };
  }
  if (f.kind === 'timeout') return { state: 'danger', key: 'responds.timeout' };
  if (f.kind === 'output-too-large') return { state: 'unknown', key: 'responds.tooLarge' };
  if (f.kind === 'redirect-loop' || f.kind === 'too-many-redirects')
    return { state: 'unknown', key: 'responds.redirects' };
  return { state: 'unknown', key: 'responds.failed' };
}

/**
 * A page that asks the visitor to prove it is human (Cloudflare's challenge, other firewalls, a rate
 * limit): the site is up, its pages just cannot be read by a program. Never « le site est en panne ».
 */
export function robotCheck(home: {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}): boolean {
  if (home.headers['cf-mitigated'] === 'challenge' || home.status === 429) return true;
  if (home.status !== 403 && home.status !== 503) return false;
  const firewall =
    /cloudflare|sucuri|ddos-guard|imunify360|akamai/i.test(home.headers.server ?? '') ||
    'x-sucuri-id' in home.headers;
  return (
    firewall && /just a moment|checking your browser|attention required|challenge|captcha/i.test(home.body)
  );
}

/** « Le site répond » : status and time, or why not. */
export function judgeResponds(r: SiteReading): FindingSpec {
  const host = r.address.hostname;
  if (r.elsewhere) return spec('site-responds', 'ok', 'responds.elsewhere', { host, target: r.elsewhere });
  if (r.homeFailure) {
    const { state, key } = failureKey(r.homeFailure);
    return spec(
      'site-responds',
      state,
      key,
      { host, code: r.homeFailure.code ?? r.homeFailure.kind },
      r.homeFailure.message,
    );
  }
  const home = r.home!;
  const params = { host, status: home.status, ms: home.durationMs };
  if (robotCheck(home))
    return spec('site-responds', 'unknown', 'responds.robots', params, `HTTP ${home.status} (robot check)`);
  if (home.status >= 500)
    return spec(
      'site-responds',
      'danger',
      'responds.down',
      { ...params, code: `HTTP ${home.status}` },
      `HTTP ${home.status}`,
    );
  if (home.status === 401 || home.status === 403)
    return spec('site-responds', 'unknown', 'responds.protected', params, `HTTP ${home.status}`);
  if (home.status >= 400)
    return spec('site-responds', 'danger', 'responds.error', params, `HTTP ${home.status}`);
  return spec('site-responds', 'ok', 'responds.ok', params);
}

/** « Certificat » : trusted, right name, not expired, http:// sending to https://. */
export function judgeCertificate(r: SiteReading, now: Date): FindingSpec {
  const host = r.address.hostname;
  const wantsHttps = r.address.protocol === 'https:' || !!r.home?.url.startsWith('https:');
  if (!r.tls) {
    const f = r.tlsFailure;
    if (!wantsHttps && f?.kind === 'network' && !NO_NETWORK.has(f.code ?? '') && f.code !== 'ENOTFOUND') {
      return spec('site-certificate', 'attention', 'certificate.noHttps', { host }, f.message);
    }
    return spec('site-certificate', 'unknown', 'certificate.unknown', { host }, f?.message ?? 'no TLS facts');
  }
  const t = r.tls;
  const params = { host, issuer: t.issuer ?? '', end: t.validTo ?? '', names: t.altNames ?? t.subject ?? '' };
  const expired =
    t.trustError === 'CERT_HAS_EXPIRED' || (!!t.validTo && Date.parse(t.validTo) <= now.getTime());
  if (expired)
    return spec('site-certificate', 'danger', 'certificate.expired', params, t.trustError ?? 'expired');
  if (!t.nameMatches)
    return spec(
      'site-certificate',
      'danger',
      'certificate.wrongName',
      params,
      `certificate names: ${params.names}`,
    );
  if (!t.trusted)
    return spec('site-certificate', 'danger', 'certificate.untrusted', params, t.trustError ?? 'untrusted');
  const days = t.validTo ? Math.floor((Date.parse(t.validTo) - now.getTime()) / 86_400_000) : Infinity;
  if (days < CERT_ATTENTION_DAYS)
    return spec('site-certificate', 'attention', 'certificate.expiring', { ...params, days });
  if (r.httpToHttps === false) return spec('site-certificate', 'attention', 'certificate.noRedirect', params);
  return spec('site-certificate', 'ok', 'certificate.ok', params);
}
