/**
 * Browser test harness: the production build of the renderer (out/renderer) served on 127.0.0.1,
 * opened in Debian's Chromium through playwright-core, with `window.revision` injected by
 * Playwright and bound to the SAME core service object the Electron IPC uses, arguments checked
 * with the same ipcContract schemas. Tests drive the real UI against the real core on this machine.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { channels, ipcContract, methodName, type Channel, type IpcEnvelope, type IpcErrorPayload } from '../../src/shared/ipc';
import type { CheckupProgress } from '../../src/shared/checkup';
import type { Probe } from '../../src/main/core/checkup/probe';
import type { Host } from '../../src/main/core/exec/host';
import { createService, type RevisionService } from '../../src/main/core/service';

/** Where the renderer's production build lives. */
export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A tiny static server for out/renderer on 127.0.0.1 (random port). */
export async function serveRenderer(root = RENDERER_DIR): Promise<{ url: string; close: () => Promise<void> }> {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`No renderer build in ${root}: run "npm run build:renderer" first (npm run test:e2e does).`);
  });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root + sep) && file !== root) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * The init script: builds window.revision from the contract's method names (like the preload).
 * Plain source text, so that no transpiler helper leaks into the page.
 */
function installApiScript(methods: readonly string[]): string {
  return `(() => {
  const methods = ${JSON.stringify(methods)};
  const listeners = new Map();
  const api = {};
  for (const method of methods) {
    api[method] = async (...args) => {
      const envelope = await window['__revision_' + method](...args);
      if (envelope.ok) return envelope.result;
      const error = new Error(envelope.error.message);
      error.name = 'RevisionError';
      error.code = envelope.error.code;
      throw error;
    };
  }
  api.on = (event, listener) => {
    const set = listeners.get(event) || new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, '__revisionEmit', {
    value: (event, payload) => { const set = listeners.get(event); if (set) for (const l of set) l(payload); },
  });
  Object.defineProperty(window, 'revision', { value: Object.freeze(api), enumerable: true });
})();`;
}

/** Options of one app session. */
export interface AppOptions {
  /** The workspace folder (a fresh temp folder by default). */
  readonly home?: string;
  /** Overrides the platform's probes (failure tests, scale tests). */
  readonly probes?: readonly Probe[];
  /** Another machine: a replay host over a real capture (with the capture's `now`). */
  readonly host?: Host;
  readonly now?: () => Date;
  readonly viewport?: { width: number; height: number };
}

/** One running app: a page over a service. */
export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly service: RevisionService;
  readonly home: string;
  /** URLs the app asked to open (shell:openExternal); the harness never opens a mail app. */
  readonly openedUrls: string[];
  /** Every call the page made, in order (channel names). */
  readonly calls: Channel[];
  /** Where reportExportPdf writes. */
  readonly pdfPath: string;
  close(): Promise<void>;
}

/** The harness: one server and one browser for a test file. */
export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  open(options?: AppOptions): Promise<AppSession>;
  close(): Promise<void>;
}

/** Starts the server and Chromium. */
export async function startHarness(): Promise<Harness> {
  const server = await serveRenderer();
  const browser = await launchChromium();
  const sessions = new Set<AppSession>();
  return {
    url: server.url,
    browser,
    async open(options = {}) {
      const home = options.home ?? (await mkdtemp(join(tmpdir(), 'revision-e2e-')));
      const service = await createService({
        home,
        ...(options.probes ? { probes: options.probes } : {}),
        ...(options.host ? { host: options.host } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'fr-FR' });
      const page = await context.newPage();
      const openedUrls: string[] = [];
      const calls: Channel[] = [];
      const pdfDir = await mkdtemp(join(tmpdir(), 'revision-e2e-pdf-'));
      const pdfPath = join(pdfDir, 'carnet-entretien.pdf');
      const emitProgress = (p: CheckupProgress) => {
        page.evaluate(`window.__revisionEmit('checkup:progress', ${JSON.stringify(p)})`).catch(() => undefined);
      };
      const dispatch = async (channel: Channel, args: unknown[]): Promise<unknown> => {
        const s = service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
        switch (channel) {
          case 'checkup:run':
            return service.checkupRun(args[0] as { lang?: 'fr' | 'en' }, emitProgress);
          case 'report:exportPdf': {
            const { lang } = args[0] as { lang?: 'fr' | 'en' };
            const r = await service.reportWritePdf({ path: pdfPath, overwrite: true, ...(lang ? { lang } : {}) });
            return { status: 'saved', path: r.path, pages: r.pages };
          }
          case 'calendar:export': {
            const { lang } = args[0] as { lang?: 'fr' | 'en' };
            const r = await service.calendarWrite({ path: join(pdfDir, 'revision-agenda.ics'), ...(lang ? { lang } : {}) });
            return { status: 'saved', path: r.path, pages: 0 };
          }
          case 'shell:openExternal':
            openedUrls.push(args[0] as string);
            return undefined;
          // The shell's own channels (src/main/updates): the browser harness is the development app.
          case 'app:updates':
            return { version: (await service.appInfo()).version, signed: false, state: 'development' };
          case 'shell:revealLog':
            openedUrls.push('revision:technical-log');
            return undefined;
          default:
            return s[methodName(channel)]!(...args);
        }
      };
      for (const channel of channels) {
        await page.exposeBinding(`__revision_${methodName(channel)}`, async (_source, ...args: unknown[]): Promise<IpcEnvelope<unknown>> => {
          calls.push(channel);
          const parsed = ipcContract[channel].args.safeParse(args);
          if (!parsed.success) {
            const error: IpcErrorPayload = { code: 'invalid-args', message: 'Les informations envoyées ne sont pas valides : rien n’a été modifié.' };
            return { ok: false, error };
          }
          try {
            return { ok: true, result: await dispatch(channel, parsed.data as unknown[]) };
          } catch (e) {
            return { ok: false, error: { code: 'failed', message: e instanceof Error ? e.message : String(e) } };
          }
        });
      }
      await page.addInitScript({ content: installApiScript(channels.map(methodName)) });
      await page.goto(server.url);
      const session: AppSession = {
        page,
        context,
        service,
        home,
        openedUrls,
        calls,
        pdfPath,
        async close() {
          sessions.delete(session);
          await context.close();
          await rm(pdfDir, { recursive: true, force: true });
        },
      };
      sessions.add(session);
      return session;
    },
    async close() {
      for (const s of [...sessions]) await s.close();
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** axe-core on the page (WCAG 2.x A and AA); returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** The visible text nodes of the page, trimmed, excluding elements marked translate="no" (raw technical data). */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent || '').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      if (el.closest('[translate="no"], script, style, [hidden], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      out.push(text);
    }
    return out;
  })()`);
}

/** Clicks a navigation entry and waits for its screen's heading. */
export async function goTo(page: Page, screen: 'dashboard' | 'checkup' | 'missions' | 'inventory' | 'settings'): Promise<void> {
  await page.locator(`nav [data-screen="${screen}"]`).click();
  await page.locator('main h1').first().waitFor();
}
