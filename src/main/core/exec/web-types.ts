/** The shapes of the Host's web calls (HTTP GET and TLS handshake), recorded in captures as they are. */

/** One HTTP GET. Redirects are not followed: each hop is its own call, so a capture holds them all. */
export interface HttpSpec {
  readonly url: string;
  /** Request headers (the caller sets the user agent). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds for the whole answer. Default 8 s. */
  readonly timeoutMs?: number;
  /** Cap on the body, in bytes; a longer body fails with `output-too-large`. Default 5 MiB. */
  readonly maxBodyBytes?: number;
  /** PEM certificates trusted besides the system's (tests with a local authority). */
  readonly ca?: readonly string[];
  /** Connect only to public addresses: a name resolving inside a private network fails (EPRIVATEADDRESS). */
  readonly publicOnly?: boolean;
}

/** What an HTTP GET answered. */
export interface HttpFacts {
  readonly url: string;
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as UTF-8 text. */
  readonly body: string;
  readonly bodyBytes: number;
  readonly durationMs: number;
}

/** A TLS handshake with a server, to read its certificate. */
export interface TlsSpec {
  readonly host: string;
  readonly port: number;
  /** The name the certificate must carry (SNI). */
  readonly servername: string;
  readonly timeoutMs?: number;
  readonly ca?: readonly string[];
  /** Connect only to public addresses (see HttpSpec.publicOnly). */
  readonly publicOnly?: boolean;
}

/** What the server's certificate says, and whether this machine trusts it for that name. */
export interface TlsFacts {
  /** The chain is trusted (an authority this machine knows). */
  readonly trusted: boolean;
  /** OpenSSL's reason when not trusted (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT…). */
  readonly trustError: string | null;
  /** The certificate carries the name asked for. */
  readonly nameMatches: boolean;
  readonly subject: string | null;
  /** subjectAltName as OpenSSL prints it ("DNS:example.fr, DNS:www.example.fr"). */
  readonly altNames: string | null;
  readonly issuer: string | null;
  /** ISO dates. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly protocol: string | null;
  readonly fingerprint256: string | null;
}
