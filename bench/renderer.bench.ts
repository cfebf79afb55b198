/**
 * Renderer bench: the initial JavaScript the page loads (gzip, budget 400 KB) and the time from
 * navigation to a usable dashboard in headless Chromium, against the real core with a workspace
 * that already has a checkup (the app's everyday start). Needs `npm run build:renderer` first.
 */
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RENDERER_DIR, startHarness } from '../tests/e2e/harness';
import { createService } from '../src/main/core/service';

const BUDGET_KB = 400;

/** The little of the DOM the timing function uses. */
interface PageDocument {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}
const RUNS = 7;

/** Prints the figures. */
export async function run(): Promise<void> {
  const html = await readFile(join(RENDERER_DIR, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\.\/([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  let raw = 0;
  let gz = 0;
  for (const file of [...scripts, ...preloads]) {
    const bytes = await readFile(join(RENDERER_DIR, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const all = (await readdir(join(RENDERER_DIR, 'assets'))).filter((f) => f.endsWith('.js'));
  console.log(
    `initial JS: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (budget ${BUDGET_KB} KB: ${gz / 1024 <= BUDGET_KB ? 'within' : 'OVER'}); ${all.length} JS file(s) in the build`,
  );

  // A workspace that has been onboarded and checked once.
  const home = await mkdtemp(join(tmpdir(), 'revision-bench-'));
  const service = await createService({ home });
  await service.workspaceUpdate({ onboarded: true, company: { name: 'Transport Dubois' } });
  await service.checkupRun({ lang: 'fr' });
  const harness = await startHarness();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const session = await harness.open({ home });
      // Navigation start → the dashboard heading, the menu and the six lights exist (the page can be used).
      const handle = await session.page.waitForFunction(
        () => {
          // Runs in the page (the node TS project has no DOM types).
          const doc = (globalThis as unknown as { document: PageDocument }).document;
          // …and the truck dashboard's six warning lights are drawn.
          return doc.querySelector('nav [data-screen="missions"]') &&
            Array.from(doc.querySelectorAll('main h1')).some((h) => h.textContent === 'Tableau de bord') &&
            doc.querySelectorAll('[data-light]').length === 6
            ? performance.now()
            : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = (await handle.jsonValue()) as number;
      times.push(ms);
      await session.close();
    }
  } finally {
    await harness.close();
    await rm(home, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `navigation → dashboard usable (6 lights drawn): median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms over ${RUNS} runs (headless Chromium, real core, 1 checkup in the workspace)`,
  );
}
