/**
 * Reads a site's public pages through the Host, as a visitor's browser would: the home page
 * (same-site redirects followed, at most 5), the http:// address (does it send to https?), the
 * certificate, then the documented public files of the software found. At most 10 requests.
 */
import { RunError, isRunError, type CallOptions, type Host } from '../exec/host';
import type { TlsFacts } from '../exec/web-types';
import type { SiteRequest } from '../../../shared/site';
import { sameSite } from './address';
import { declaredLinks, languageSign, mainProduct, pageSigns, type Page, type Sign } from './detect';
import { SIGN_FILES } from './sign-files';

/** At most this many HTTP requests per check. */
export const MAX_REQUESTS = 10;
/** Redirects followed at most. */
export const MAX_REDIRECTS = 5;
/** A body over this size is not read (a 50 MB « page » is refused). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 8000;
/** After this long, no new request starts (a slow site makes a check last ~30 s at most). */
export const CHECK_BUDGET_MS = 20_000;

/** Why a request gave nothing usable. */
export interface ReadFailure {
  /** RunError kind, or the check's own: 'redirect-loop', 'too-many-redirects', 'budget'. */
  readonly kind: string;
  /** Node's error code for network failures (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…). */
  readonly code: string | null;
  readonly message: string;
}

/** Everything the check read. */
export interface SiteReading {
  readonly address: URL;
  readonly home: (Page & { durationMs: number }) | null;
  readonly homeFailure: ReadFailure | null;
  /** A redirect to another site, not followed. */
  readonly elsewhere: string | null;
  readonly requests: SiteRequest[];
  /** Whether http:// sends visitors to https:// (null: could not tell). */
  readonly httpToHttps: boolean | null;
  readonly tls: TlsFacts | null;
  readonly tlsFailure: ReadFailure | null;
  readonly signs: Sign[];
  readonly product: string | null;
  readonly language: { version: string; sign: string } | null;
}

/** The user agent every request carries. */
export function userAgent(appVersion: string): string {
  return `Révision/${appVersion} (+ contrôle du site de ses propriétaires)`;
}

function failureOf(error: unknown): ReadFailure {
  if (isRunError(error))
    return {
      kind: error.kind,
      code: error.kind === 'network' ? error.stderr || null : null,
      message: error.message,
    };
  return { kind: 'failed', code: null, message: (error as Error).message };
}

/** A request budget shared by one check. */
class Reader {
  readonly requests: SiteRequest[] = [];
  private readonly started = performance.now();
  constructor(
    private readonly host: Host,
    private readonly headers: Record<string, string>,
    private readonly options: CallOptions,
    private readonly ca: readonly string[] | undefined,
    private readonly publicOnly: boolean,
  ) {}

  /** Requests still allowed: none once 10 were made or the check has run for CHECK_BUDGET_MS. */
  get left(): number {
    if (performance.now() - this.started > CHECK_BUDGET_MS) return 0;
    return MAX_REQUESTS - this.requests.length;
  }

  async get(url: string): Promise<Page & { durationMs: number }> {
    if (!this.host.http) throw new RunError('failed', url, `${url} : cet hôte ne lit pas le web`);
    if (this.left <= 0)
      throw new RunError(
        'failed',
        url,
        `${url} : limite de ${MAX_REQUESTS} requêtes ou de ${CHECK_BUDGET_MS / 1000} s atteinte`,
      );
    const started = performance.now();
    try {
      const r = await this.host.http(
        {
          url,
          headers: this.headers,
          timeoutMs: TIMEOUT_MS,
          maxBodyBytes: MAX_BODY_BYTES,
          ...(this.ca ? { ca: this.ca } : {}),
          ...(this.publicOnly ? { publicOnly: true } : {}),
        },
        this.options,
      );
      this.requests.push({ url, status: r.status, durationMs: r.durationMs });
      return { url, status: r.status, headers: r.headers, body: r.body, durationMs: r.durationMs };
    } catch (error) {
      this.requests.push({
        url,
        status: null,
        durationMs: Math.round(performance.now() - started),
        error: failureOf(error).message,
      });
      throw error;
    }
  }
}

/** Follows same-site redirects from an address; stops at another site, a loop or the 6th hop. */
async function readHome(
  reader: Reader,
  address: URL,
): Promise<{
  page: (Page & { durationMs: number }) | null;
  failure: ReadFailure | null;
  elsewhere: string | null;
}> {
  const seen = new Set<string>();
  let url = address.toString();
  for (let hop = 0; ; hop += 1) {
    if (seen.has(url))
      return {
        page: null,
        failure: { kind: 'redirect-loop', code: null, message: `boucle de redirections (${url})` },
        elsewhere: null,
      };
    seen.add(url);
    let page: Page & { durationMs: number };
    try {
      page = await reader.get(url);
    } catch (error) {
      return { page: null, failure: failureOf(error), elsewhere: null };
    }
    const location = page.headers.location;
    if (page.status < 300 || page.status >= 400 || !location) return { page, failure: null, elsewhere: null };
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { page, failure: null, elsewhere: null };
    }
    if (!sameSite(address, next) || (next.protocol !== 'https:' && next.protocol !== 'http:'))
      return { page: null, failure: null, elsewhere: next.toString() };
    if (hop + 1 > MAX_REDIRECTS)
      return {
        page: null,
        failure: { kind: 'too-many-redirects', code: null, message: `plus de ${MAX_REDIRECTS} redirections` },
        elsewhere: null,
      };
    url = next.toString();
  }
}

/** Whether the site's http:// address sends to https:// (one request, not followed). */
async function checkHttpRedirect(reader: Reader, address: URL, home: Page | null): Promise<boolean | null> {
  if (address.protocol === 'http:') return home ? home.url.startsWith('https:') : null;
  const plain = new URL(address.toString());
  plain.protocol = 'http:';
  if (plain.port === '443') plain.port = '';
  try {
    const page = await reader.get(plain.toString());
    const location = page.headers.location;
    return (
      page.status >= 300 && page.status < 400 && !!location && new URL(location, plain).protocol === 'https:'
    );
  } catch {
    return null;
  }
}

/** The certificate of the site's https address (port 443 when the site was given as http://). */
async function readTls(
  host: Host,
  address: URL,
  home: Page | null,
  options: CallOptions,
  ca: readonly string[] | undefined,
  publicOnly: boolean,
): Promise<{ tls: TlsFacts | null; failure: ReadFailure | null }> {
  if (!host.tls)
    return { tls: null, failure: { kind: 'failed', code: null, message: 'Host without TLS access' } };
  const target = home && home.url.startsWith('https:') ? new URL(home.url) : address;
  const hostname = target.hostname.replace(/^\[|\]$/g, '');
  const port = target.protocol === 'https:' ? Number(target.port || 443) : 443;
  try {
    return {
      tls: await host.tls(
        {
          host: hostname,
          port,
          servername: hostname,
          timeoutMs: TIMEOUT_MS,
          ...(ca ? { ca } : {}),
          ...(publicOnly ? { publicOnly: true } : {}),
        },
        options,
      ),
      failure: null,
    };
  } catch (error) {
    return { tls: null, failure: failureOf(error) };
  }
}

/** The documented public files of the product, read while the budget lasts. */
async function readSignFiles(reader: Reader, home: Page, product: string, signs: Sign[]): Promise<void> {
  const links = declaredLinks(home);
  for (const file of SIGN_FILES.filter((f) => f.product === product)) {
    // A major version alone (Drupal's generator says « Drupal 7 ») does not stop the search.
    const hasVersion = signs.some((s) => s.product === product && s.version?.includes('.'));
    if ((file.onlyWithoutVersion && hasVersion) || reader.left <= 0) continue;
    const declared = file.from === 'feed' ? links.feed : file.from === 'rest' ? links.restRoot : null;
    const url =
      declared && sameSite(new URL(home.url), new URL(declared))
        ? declared
        : new URL(file.path, home.url).toString();
    try {
      const page = await reader.get(url);
      const sign = page.status === 200 ? file.parse(page.body) : null;
      if (sign) signs.push(sign);
    } catch {
      // A missing or unreadable sign file is normal: the version stays as the other signs say.
    }
  }
}

/** Reads the site. Never throws for a site problem: failures are in the reading. */
export async function readSite(
  host: Host,
  address: URL,
  opts: { appVersion: string; signal?: AbortSignal; ca?: readonly string[]; allowLocal?: boolean },
): Promise<SiteReading> {
  const options: CallOptions = { probe: 'site', ...(opts.signal ? { signal: opts.signal } : {}) };
  const headers = {
    'user-agent': userAgent(opts.appVersion),
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    'accept-encoding': 'identity',
  };
  // A public name may still point inside the owner's network: only loopback tests may connect there.
  const publicOnly = opts.allowLocal !== true;
  const reader = new Reader(host, headers, options, opts.ca, publicOnly);
  const { page, failure, elsewhere } = await readHome(reader, address);
  const isHtml = !!page && /html/i.test(page.headers['content-type'] ?? '');
  const signs = page && isHtml && page.status < 400 ? pageSigns(page) : [];
  const product = mainProduct(signs);
  const [httpToHttps, tlsResult] = await Promise.all([
    checkHttpRedirect(reader, address, page),
    readTls(host, address, page, options, opts.ca, publicOnly),
  ]);
  if (page && product) await readSignFiles(reader, page, product, signs);
  return {
    address,
    home: page,
    homeFailure: failure,
    elsewhere,
    requests: reader.requests,
    httpToHttps,
    tls: tlsResult.tls,
    tlsFailure: tlsResult.failure,
    signs,
    product,
    language: page ? languageSign(page.headers) : null,
  };
}
