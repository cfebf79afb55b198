/**
 * The app builds here (`electron-vite build`, no Electron binary needed) into parts Electron can
 * load: a CommonJS preload that a sandboxed renderer can run (it may require only 'electron'),
 * an ES main, a renderer page under the strict CSP. And electron-builder accepts the packaging
 * config (checked against its own schema).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isStrictPolicy, policyFromHtml } from '../../src/main/csp';
import { channels, methodName } from '../../src/shared/ipc';

// window.ts imports Electron for its BrowserWindow; only its pure appPaths() is used here.
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: {} }));
const { appPaths } = await import('../../src/main/window');

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'revision-build-'));
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  await run(process.execPath, [cli, 'build', '--outDir', out], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
}, 300_000);
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm run build', () => {
  it('puts the preload and the page where the main process looks for them', () => {
    const paths = appPaths(join(out, 'main'));
    expect(existsSync(join(out, 'main', 'index.js'))).toBe(true);
    expect(existsSync(paths.preload)).toBe(true);
    expect(existsSync(paths.rendererIndex)).toBe(true);
  });

  it('makes a preload a sandboxed renderer can run: CommonJS, requiring nothing but electron', async () => {
    const code = await readFile(join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    // Run it the way Electron runs a sandboxed preload: a function of (require, module, exports).
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async () => ({ ok: true, result: 'pong' }),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    const fn = vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, {
      console,
      Symbol,
      Object,
      Promise,
    }) as (r: typeof sandboxRequire, m: typeof module, e: unknown) => void;
    fn(sandboxRequire, module, module.exports);
    const api = exposed.get('revision');
    expect(Object.keys(api ?? {}).sort()).toEqual([...channels.map(methodName), 'on'].sort());
    await expect((api?.appInfo as () => Promise<unknown>)()).resolves.toBe('pong');
  });

  it('makes an ES main that loads Electron and the core', async () => {
    const code = await readFile(join(out, 'main', 'index.js'), 'utf8');
    expect(code).toMatch(/from ["']electron["']/);
    expect(code).not.toMatch(/require\(["']electron["']\)/);
  });

  it('makes a page under the strict content security policy, loading only its own files', async () => {
    const html = await readFile(join(out, 'renderer', 'index.html'), 'utf8');
    expect(isStrictPolicy(policyFromHtml(html) ?? '')).toBe(true);
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src.startsWith('./')).toBe(true);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});

describe('npm run dev', () => {
  it('serves the page with no inline script and a CSP that still refuses them', async () => {
    const { createServer } = await import('vite');
    const { default: config } = (await import('../../electron.vite.config')) as unknown as {
      default: { renderer: Record<string, unknown> & { server?: Record<string, unknown> } };
    };
    const server = await createServer({
      ...config.renderer,
      configFile: false,
      logLevel: 'silent',
      server: { ...config.renderer.server, port: 0, strictPort: false },
    });
    await server.listen();
    try {
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const html = await (await fetch(`http://localhost:${port}/`)).text();
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        (m) => !/\ssrc=/.test(m[1] ?? ''),
      );
      expect(inline).toEqual([]);
      const policy = /http-equiv="Content-Security-Policy"[^>]*content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(policy).toMatch(/script-src 'self';/);
      expect(policy).toMatch(/style-src 'self' 'unsafe-inline'/);
    } finally {
      await server.close();
    }
  });
});

describe('electron-builder.yml', () => {
  const requireFromRoot = createRequire(join(root, 'package.json'));

  it('passes electron-builder’s own schema, with the app id and the icon it needs', async () => {
    const { getConfig, validateConfiguration } = requireFromRoot(
      'app-builder-lib/out/util/config/config',
    ) as {
      getConfig: (dir: string, path: string | null, fromOptions: unknown) => Promise<Record<string, unknown>>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = requireFromRoot('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('fr.revision.app');
    expect(config.productName).toBe('Révision');
    expect(JSON.stringify(config.files)).toContain('"out/**"');
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it('has a 512×512 PNG icon and the macOS entitlements it names', async () => {
    const png = await readFile(join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const plist = await readFile(join(root, 'build', 'entitlements.mac.plist'), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toMatch(/device\.camera|device\.audio-input|personal-information/);
  });
});
