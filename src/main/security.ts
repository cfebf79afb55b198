/**
 * The Electron shell's security rules, kept apart from the app lifecycle so each one is tested:
 * which URLs are the app's own, which links may leave for the OS browser, the content security
 * policy, and the hardening applied to every web contents (no navigation, no new windows, no
 * webviews, no permissions).
 */
import { pathToFileURL } from 'node:url';
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

export { CONTENT_SECURITY_POLICY, devPolicy, headerPolicy, isStrictPolicy, policyFromHtml } from './csp';

/** Where the renderer comes from: the dev server in development, else the built index.html. */
export type RendererSource =
  { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

/** Tells whether a URL is the app's own page (same dev-server origin, or the built index.html file). */
export function createAppUrlMatcher(source: RendererSource): (url: string) => boolean {
  if (source.kind === 'url') {
    const origin = new URL(source.url).origin;
    return (url) => {
      try {
        const parsed = new URL(url);
        return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === origin;
      } catch {
        return false;
      }
    };
  }
  const expected = pathToFileURL(source.path).href;
  return (url) => {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'file:') return false;
      // The page may use a #route or ?query; the file itself must be exactly ours.
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === expected;
    } catch {
      return false;
    }
  };
}

const MAX_EXTERNAL_URL = 20_000;

/**
 * The URL to open in the OS browser or mail program, or null when it is not safe: only
 * https: with a host and no credentials, and mailto: with only a subject and a body. Never file:,
 * javascript:, data:, smb:…
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  }
  if (url.protocol === 'mailto:') return safeMailto(url);
  return null;
}

/** mailto: parameters the app uses; any other (attach=, cc=, bcc=…) makes the link unsafe (RFC 6068: names are case-insensitive). */
const MAILTO_PARAMS: ReadonlySet<string> = new Set(['subject', 'body']);

function safeMailto(url: URL): string | null {
  if (url.hash) return null;
  for (const name of url.searchParams.keys()) if (!MAILTO_PARAMS.has(name.toLowerCase())) return null;
  // The recipient list must not smuggle parameters either (mailto:a@b.fr%3Fattach=…).
  if (/[?&]/.test(decodeURIComponentSafe(url.pathname))) return null;
  return url.href;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '?';
  }
}

/** Opens a safe link in the OS browser; returns false (and opens nothing) when it is not safe. */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (!url) return false;
  await shell.openExternal(url, { activate: true });
  return true;
}

/** Logs without ever throwing (the shell must not crash on a log line). */
function warn(message: string, detail?: unknown): void {
  try {
    console.warn(`[revision] ${message}`, detail ?? '');
  } catch {
    // nothing to do
  }
}

const hardened = new WeakSet<WebContents>();

/**
 * Hardens one web contents: navigation away from the app refused (a safe link opens in the
 * OS browser instead), new windows refused, webviews refused.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  // Applied both to the app window and to every web contents ever created: once is enough.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (safeExternalUrl(url))
      void openExternalSafely(url).catch((error: unknown) => warn('openExternal failed', error));
    else warn('navigation refused', url);
  };
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-redirect', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (safeExternalUrl(url))
      void openExternalSafely(url).catch((error: unknown) => warn('openExternal failed', error));
    else warn('window.open refused', url);
    return { action: 'deny' };
  });
}

/** Permissions the app's own page gets: writing to the clipboard, nothing else. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function safeUrlOf(contents: WebContents | null | undefined): string | undefined {
  try {
    return contents?.getURL();
  } catch {
    return undefined;
  }
}

/**
 * Hardens the session: every permission request (camera, notifications, geolocation…) denied
 * except writing to the clipboard from the app's own page,
 * and the content security policy also sent as a response header for the app's own pages.
 */
export function hardenSession(
  session: Session,
  isAppUrl: (url: string) => boolean,
  policy: string = CONTENT_SECURITY_POLICY,
): void {
  // The one exception: the app's own page may copy text (« copier le message pour le prestataire »).
  const allowed = (permission: string, url: string | undefined): boolean =>
    GRANTED_PERMISSIONS.has(permission) && isAppUrl(url ?? '');
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl ?? safeUrlOf(contents))),
  );
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    allowed(permission, details?.requestingUrl ?? safeUrlOf(contents)),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
