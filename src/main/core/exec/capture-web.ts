/**
 * Capture and replay of the Host's web calls (docs/capture-format.md, kinds `http` and `tls`):
 * an HTTP answer is stored with its status and headers in `value` and its body in `content`
 * (long bodies go to `outputs/` like any text); a TLS handshake is stored as its facts.
 */
import type { CaptureEntry } from './capture';
import type { CallOptions, Host } from './host';
import type { HttpFacts, HttpSpec, TlsFacts, TlsSpec } from './web-types';

type Recorder = <T>(
  base: CaptureEntry,
  work: () => Promise<T>,
  fill: (value: T) => Partial<CaptureEntry>,
) => Promise<T>;

/** The key of a TLS handshake in a capture. */
export function tlsKey(spec: TlsSpec): string {
  return `${spec.servername}:${spec.port}`;
}

/** The web methods of a capturing Host (only when the wrapped Host has them). */
export function capturingWeb(inner: Host, recorded: Recorder): Pick<Host, 'http' | 'tls'> {
  const out: { http?: Host['http']; tls?: Host['tls'] } = {};
  if (inner.http) {
    const http = inner.http.bind(inner);
    out.http = (spec: HttpSpec, options: CallOptions = {}) =>
      recorded(
        { kind: 'http', key: spec.url, probe: options.probe },
        () => http(spec, options),
        (r: HttpFacts) => {
          const { body, ...rest } = r;
          return { value: rest, content: body };
        },
      );
  }
  if (inner.tls) {
    const tls = inner.tls.bind(inner);
    out.tls = (spec: TlsSpec, options: CallOptions = {}) =>
      recorded(
        { kind: 'tls', key: tlsKey(spec), probe: options.probe },
        () => tls(spec, options),
        (value: TlsFacts) => ({ value }),
      );
  }
  return out;
}

/** The web methods of a replaying Host. */
export function replayingWeb(
  take: (kind: CaptureEntry['kind'], key: string) => CaptureEntry,
  fail: (entry: CaptureEntry) => never,
): Required<Pick<Host, 'http' | 'tls'>> {
  return {
    async http(spec) {
      const entry = take('http', spec.url);
      if (entry.error) fail(entry);
      const value = (entry.value ?? {}) as Partial<HttpFacts>;
      const body = entry.content ?? '';
      return {
        url: spec.url,
        status: value.status ?? 0,
        headers: value.headers ?? {},
        body,
        bodyBytes: value.bodyBytes ?? Buffer.byteLength(body),
        durationMs: value.durationMs ?? 0,
      };
    },
    async tls(spec) {
      const entry = take('tls', tlsKey(spec));
      if (entry.error) fail(entry);
      return entry.value as TlsFacts;
    },
  };
}
