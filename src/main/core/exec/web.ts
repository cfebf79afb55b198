/**
 * The live Host's web calls: one HTTP GET (node:http/https, redirects not followed, no cookies,
 * body capped, timed out) and one TLS handshake (node:tls) to read a server's certificate.
 * Every failure becomes a RunError; network failures carry Node's error code in `stderr`.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from 'node:tls';
import { RunError, type CallOptions } from './host';
import { publicOnlyLookup } from './public-address';
import type { HttpFacts, HttpSpec, TlsFacts, TlsSpec } from './web-types';

const DEFAULT_TIMEOUT_MS = 8000;
const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

/** A RunError for a failed request: `network` with the error code, `timeout`, or `aborted`. */
function webError(error: unknown, target: string, timeoutMs: number): RunError {
  if (error instanceof RunError) return error;
  const err = error as NodeJS.ErrnoException;
  if (err.name === 'AbortError' || err.code === 'ABORT_ERR')
    return new RunError('aborted', target, `${target} : interrompu`);
  const code = err.code ?? 'UNKNOWN';
  if (code === 'ETIMEDOUT')
    return new RunError(
      'timeout',
      target,
      `${target} : pas de réponse après ${Math.round(timeoutMs / 1000)} s`,
    );
  return new RunError('network', target, `${target} : ${err.message}`, null, code);
}

function joinHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The body as the site meant it: we ask for `identity`, but some servers and CDNs compress anyway.
 * gzip, deflate and br are undone (capped at the body limit); anything else, or a broken stream, is
 * kept as received.
 */
function decoded(raw: Buffer, encoding: string | undefined, maxBody: number): Buffer | 'too-large' {
  const how = encoding?.trim().toLowerCase();
  if (!how || how === 'identity' || raw.length === 0) return raw;
  const options = { maxOutputLength: maxBody };
  try {
    if (how === 'gzip' || how === 'x-gzip') return gunzipSync(raw, options);
    if (how === 'deflate') {
      // « deflate » is zlib-wrapped by the standard, raw deflate on some servers.
      try {
        return inflateSync(raw, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
        return inflateRawSync(raw, options);
      }
    }
    if (how === 'br') return brotliDecompressSync(raw, options);
  } catch (error) {
    // A small body that inflates past the limit (a « zip bomb ») is refused like a big page.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    return raw;
  }
  return raw;
}

function tooLarge(url: string, maxBody: number): RunError {
  return new RunError(
    'output-too-large',
    url,
    `${url} : page de plus de ${Math.round(maxBody / 1024 / 1024)} Mo`,
  );
}

/** One GET, for real. */
export function liveHttp(spec: HttpSpec, options: CallOptions = {}): Promise<HttpFacts> {
  const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBody = spec.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      reject(new RunError('failed', spec.url, `${spec.url} : adresse invalide`));
      return;
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const ca = spec.ca && spec.ca.length > 0 ? [...rootCertificates, ...spec.ca] : undefined;
    const req = request(
      url,
      {
        method: 'GET',
        headers: { ...spec.headers },
        signal: options.signal,
        agent: false,
        ...(ca ? { ca } : {}),
        ...(spec.publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBody) {
            req.destroy(tooLarge(spec.url, maxBody));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const headers = joinHeaders(res);
          const body = decoded(Buffer.concat(chunks), headers['content-encoding'], maxBody);
          if (body === 'too-large') {
            reject(tooLarge(spec.url, maxBody));
            return;
          }
          resolve({
            url: spec.url,
            status: res.statusCode ?? 0,
            headers,
            body: body.toString('utf8'),
            bodyBytes: size,
            durationMs: Math.round(performance.now() - started),
          });
        });
        res.on('error', (error) => reject(webError(error, spec.url, timeoutMs)));
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => reject(webError(error, spec.url, timeoutMs)));
    req.end();
  });
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function nameOf(part: Record<string, string | string[] | undefined> | undefined): string | null {
  if (!part) return null;
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(' ') : v);
  return [pick(part.CN), pick(part.O)].filter(Boolean).join(', ') || null;
}

/** The facts of a certificate the server presented. */
function certFacts(
  cert: PeerCertificate,
  servername: string,
  trusted: boolean,
  trustError: string | null,
  protocol: string | null,
): TlsFacts {
  const empty = !cert || Object.keys(cert).length === 0;
  return {
    trusted,
    trustError,
    nameMatches: !empty && checkServerIdentity(servername, cert) === undefined,
    subject: empty ? null : nameOf(cert.subject as never),
    altNames: empty ? null : (cert.subjectaltname ?? null),
    issuer: empty ? null : nameOf(cert.issuer as never),
    validFrom: empty ? null : isoOrNull(cert.valid_from),
    validTo: empty ? null : isoOrNull(cert.valid_to),
    protocol,
    fingerprint256: empty ? null : (cert.fingerprint256 ?? null),
  };
}

function trustErrorOf(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === 'string') return error;
  return String((error as NodeJS.ErrnoException).code ?? (error as Error).message);
}

/** One TLS handshake, for real: the certificate is read even when it is not trusted. */
export function liveTls(spec: TlsSpec, options: CallOptions = {}): Promise<TlsFacts> {
  const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = `${spec.servername}:${spec.port}`;
  return new Promise((resolve, reject) => {
    const ca = spec.ca && spec.ca.length > 0 ? [...rootCertificates, ...spec.ca] : undefined;
    // SNI carries names only (RFC 6066); an IP is still checked against the certificate below.
    const sni = isIP(spec.servername) === 0 ? { servername: spec.servername } : {};
    const socket = connect({
      host: spec.host,
      port: spec.port,
      ...sni,
      rejectUnauthorized: false,
      ...(ca ? { ca } : {}),
      ...(spec.publicOnly ? { lookup: publicOnlyLookup } : {}),
    });
    const timer = setTimeout(
      () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    const onAbort = () => socket.destroy(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    socket.once('secureConnect', () => {
      const error = socket.authorizationError;
      const facts = certFacts(
        socket.getPeerCertificate(),
        spec.servername,
        socket.authorized,
        trustErrorOf(error),
        socket.getProtocol(),
      );
      done();
      socket.end();
      resolve(facts);
    });
    socket.once('error', (error) => {
      done();
      reject(webError(error, target, timeoutMs));
    });
  });
}
