/**
 * Which addresses a site check accepts: a public http(s) address with a domain name. IPs, internal
 * names, localhost and loopback are refused (loopback only allowed with REVISION_ALLOW_LOCAL_SITES=1,
 * for tests), so the check never reads the owner's local network.
 */
import { isIP } from 'node:net';

/** Why an address was refused: the i18n key under `site:address.`. */
export type AddressProblem =
  'empty' | 'noScheme' | 'scheme' | 'invalid' | 'credentials' | 'ip' | 'internal' | 'local';

/** An address refused, with the reason key for a French (or English) message. */
export class SiteAddressError extends Error {
  override readonly name = 'SiteAddressError';
  constructor(
    readonly problem: AddressProblem,
    readonly address: string,
  ) {
    super(`site address refused (${problem}): ${address}`);
  }
}

const INTERNAL_SUFFIXES = [
  '.local',
  '.lan',
  '.internal',
  '.intranet',
  '.corp',
  '.home',
  '.home.arpa',
  '.localdomain',
  '.test',
  '.invalid',
];

function isLoopbackName(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Whether local (loopback) sites are allowed: tests only. */
export function localSitesAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REVISION_ALLOW_LOCAL_SITES === '1';
}

/** Checks an address and returns it as a URL; throws SiteAddressError. */
export function parseSiteAddress(input: string, allowLocal = localSitesAllowed()): URL {
  const text = input.trim();
  if (!text) throw new SiteAddressError('empty', input);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) throw new SiteAddressError('noScheme', input);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SiteAddressError('invalid', input);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SiteAddressError('scheme', input);
  if (url.username || url.password) throw new SiteAddressError('credentials', input);
  const host = url.hostname.toLowerCase();
  if (isLoopbackName(host)) {
    if (allowLocal) return url;
    throw new SiteAddressError('local', input);
  }
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) throw new SiteAddressError('ip', input);
  if (!host.includes('.') || INTERNAL_SUFFIXES.some((s) => host.endsWith(s)))
    throw new SiteAddressError('internal', input);
  return url;
}

/** Whether a redirect stays on the same site: same host, or the same host with/without "www.". */
export function sameSite(a: URL, b: URL): boolean {
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  return bare(a.hostname) === bare(b.hostname);
}
