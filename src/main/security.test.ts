import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string, _options?: unknown) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const {
  devPolicy,
  CONTENT_SECURITY_POLICY,
  createAppUrlMatcher,
  hardenSession,
  hardenWebContents,
  headerPolicy,
  isStrictPolicy,
  policyFromHtml,
  safeExternalUrl,
} = await import('./security');

/** A stand-in for Electron's WebContents: an event emitter with a window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits an event the way Electron does and tells whether a listener prevented it. */
  fire(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const indexFile = join('/opt', 'Révision', 'resources', 'app.asar', 'out', 'renderer', 'index.html');

beforeEach(() => openExternal.mockClear());

describe('the app URL', () => {
  it('is the built index.html, with any #route, and nothing else', () => {
    const isApp = createAppUrlMatcher({ kind: 'file', path: indexFile });
    const url = new URL(`file://${indexFile}`).href;
    expect(isApp(url)).toBe(true);
    expect(isApp(`${url}#/checkup`)).toBe(true);
    expect(isApp(new URL('file:///etc/passwd').href)).toBe(false);
    expect(isApp(url.replace('index.html', 'other.html'))).toBe(false);
    expect(isApp('https://example.org/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('is the dev server origin in development', () => {
    const isApp = createAppUrlMatcher({ kind: 'url', url: 'http://localhost:5173/' });
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('file:///etc/passwd')).toBe(false);
  });
});

describe('links leaving the app', () => {
  it('accepts https and mailto only', () => {
    expect(safeExternalUrl('https://cyber.gouv.fr/')).toBe('https://cyber.gouv.fr/');
    expect(safeExternalUrl('mailto:kevin@prestataire.fr?subject=Carnet')).toBe(
      'mailto:kevin@prestataire.fr?subject=Carnet',
    );
  });

  it('accepts the message to the prestataire: a subject and a body, nothing else', () => {
    const link =
      'mailto:kevin@prestataire.fr?subject=Carnet%20d%E2%80%99entretien&body=Bonjour%2C%0A%0AVoici';
    expect(safeExternalUrl(link)).toBe(link);
    expect(safeExternalUrl('mailto:?Subject=Carnet&BODY=Bonjour')).toBe(
      'mailto:?Subject=Carnet&BODY=Bonjour',
    );
  });

  it.each([
    'mailto:kevin@prestataire.fr?attach=/home/eric/.ssh/id_rsa',
    'mailto:kevin@prestataire.fr?subject=Carnet&attachment=C:\\Users\\eric\\compta.xlsx',
    'mailto:kevin@prestataire.fr?body=x&cc=pirate@exemple.org',
    'mailto:kevin@prestataire.fr?bcc=pirate@exemple.org',
    'mailto:kevin@prestataire.fr%3Fattach%3D%2Fetc%2Fshadow',
    'mailto:kevin@prestataire.fr?subject=a#attach=x',
  ])('refuses a mail link carrying other parameters: %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://example.org/',
    'smb://server/share',
    'ms-settings:windowsupdate',
    'https://user:password@example.org/',
    'https://',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://x.fr' })).toBeNull();
  });
});

describe('a hardened web contents', () => {
  const isApp = createAppUrlMatcher({ kind: 'file', path: indexFile });
  const appUrl = new URL(`file://${indexFile}`).href;

  it('refuses navigation away from the app and opens a safe link in the OS browser instead', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls[0]?.[0]).toBe('https://evil.example/');
  });

  it('refuses navigation to file: and javascript: without opening anything', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the app move within its own page', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    expect(contents.fire('will-navigate', `${appUrl}#/report`)).toBe(false);
  });

  it('denies every new window; a safe link goes to the OS browser, an unsafe one nowhere', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    expect(contents.openHandler?.({ url: 'https://cyber.gouv.fr/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://cyber.gouv.fr/']);
  });

  it('refuses webviews', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('is hardened once even when asked twice (a link opens one browser tab, not two)', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, isApp);
    hardenWebContents(contents as never, isApp);
    contents.fire('will-navigate', 'https://example.org/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('the hardened session', () => {
  const isApp = createAppUrlMatcher({ kind: 'url', url: 'http://localhost:5173/' });
  type RequestHandler = (
    wc: unknown,
    permission: string,
    cb: (granted: boolean) => void,
    details?: { requestingUrl?: string },
  ) => void;
  type CheckHandler = (...args: unknown[]) => boolean;
  type HeadersAnswer = { responseHeaders?: Record<string, string | string[]> };
  type HeadersHandler = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    cb: (r: HeadersAnswer) => void,
  ) => void;
  const captured: {
    permissionRequest?: RequestHandler;
    permissionCheck?: CheckHandler;
    headers?: HeadersHandler;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (captured.permissionRequest = h),
    setPermissionCheckHandler: (h: CheckHandler) => (captured.permissionCheck = h),
    webRequest: { onHeadersReceived: (h: HeadersHandler) => (captured.headers = h) },
  };
  hardenSession(session as never, isApp);

  const app = { getURL: () => 'http://localhost:5173/' };
  const foreign = { getURL: () => 'https://evil.example/' };

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies the %s permission, even to the app', (permission) => {
    const granted: boolean[] = [];
    captured.permissionRequest?.(app, permission, (g: boolean) => granted.push(g), {
      requestingUrl: 'http://localhost:5173/',
    });
    expect(granted).toEqual([false]);
    expect(
      captured.permissionCheck?.(app, permission, 'http://localhost:5173', {
        requestingUrl: 'http://localhost:5173/',
      }),
    ).toBe(false);
  });

  it('lets the app’s own page copy text, and no other page', () => {
    const granted: boolean[] = [];
    captured.permissionRequest?.(app, 'clipboard-sanitized-write', (g: boolean) => granted.push(g), {
      requestingUrl: 'http://localhost:5173/',
    });
    captured.permissionRequest?.(foreign, 'clipboard-sanitized-write', (g: boolean) => granted.push(g), {
      requestingUrl: 'https://evil.example/',
    });
    captured.permissionRequest?.(
      foreign,
      'clipboard-sanitized-write',
      (g: boolean) => granted.push(g),
      undefined,
    );
    expect(granted).toEqual([true, false, false]);
    expect(captured.permissionCheck?.(app, 'clipboard-sanitized-write', 'http://localhost:5173', {})).toBe(
      true,
    );
    expect(
      captured.permissionCheck?.(null, 'clipboard-sanitized-write', 'https://evil.example', {
        requestingUrl: 'https://evil.example/',
      }),
    ).toBe(false);
  });

  it('sends the strict policy as a header for the app, replacing a looser one', () => {
    let answer: HeadersAnswer = {};
    captured.headers?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      (r: HeadersAnswer) => (answer = r),
    );
    expect(answer.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(answer.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('leaves other responses untouched', () => {
    let answer: HeadersAnswer | string = 'unset';
    captured.headers?.({ url: 'https://example.org/' }, (r: HeadersAnswer) => (answer = r));
    expect(answer).toEqual({});
  });
});

describe('the content security policy', () => {
  it('allows no inline script, no eval, no remote source', () => {
    expect(isStrictPolicy(CONTENT_SECURITY_POLICY)).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it.each([
    "default-src 'none'; script-src 'self' 'unsafe-inline'",
    "default-src 'none'; script-src 'self' 'unsafe-eval'",
    "default-src 'none'; script-src 'self'; connect-src https://api.example.org",
    "default-src 'none'; script-src 'self'; img-src *",
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'",
    "default-src 'self'; script-src 'self'",
    "script-src 'self'",
    "default-src 'none'; script-src 'self' cdn.example.org",
  ])('judges « %s » too loose', (policy) => {
    expect(isStrictPolicy(policy)).toBe(false);
  });

  it('sends the page’s own policy as the header when it is strict, else the strict default', () => {
    const hashed = "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-abc='";
    expect(headerPolicy(`<meta http-equiv="Content-Security-Policy" content="${hashed}" />`)).toBe(hashed);
    expect(headerPolicy(`<meta http-equiv="Content-Security-Policy" content="default-src *" />`)).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(headerPolicy('<html></html>')).toBe(CONTENT_SECURITY_POLICY);
    expect(headerPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('in development only lets styles be inline: scripts stay the app’s own', () => {
    const hashed =
      "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-abc='; connect-src 'none'";
    expect(devPolicy(hashed)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'none'",
    );
    expect(devPolicy("default-src 'none'; script-src 'self'")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'",
    );
    expect(devPolicy(CONTENT_SECURITY_POLICY)).toMatch(/script-src 'self';/);
    expect(devPolicy(CONTENT_SECURITY_POLICY)).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('the renderer page carries a strict policy as a meta tag, which the header then repeats', async () => {
    const html = await readFile(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const policy = policyFromHtml(html);
    expect(policy, 'src/renderer/index.html must carry a CSP meta tag').not.toBeNull();
    expect(isStrictPolicy(policy ?? '')).toBe(true);
    expect(headerPolicy(html)).toBe(policy);
  });
});
