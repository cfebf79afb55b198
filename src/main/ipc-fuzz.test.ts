/**
 * The IPC door under fire: for EVERY channel of the contract (channels added later included),
 * 1,000+ random payloads (garbage, and mutations of valid calls) from our own window, then
 * forged senders. Goal: 0 crashes (a handler that throws instead of answering), 0 unexpected
 * acceptances (a payload the schema let through that the core then could not handle, « erreur
 * inattendue »; an ok answer that saved nothing; an unsafe link opened), and a forged sender
 * never reaches the core. Seeded: the seed is printed; REVISION_FUZZ_SEED=<n> replays a run.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, type IpcEnvelope } from '../shared/ipc';
import { resources } from '../shared/i18n';
import { workspaceSchema, type Workspace } from '../shared/workspace';
import { osReleaseProbe } from '../../tests/support/probes';
import type { ElevationRunner } from './core/actions/elevation';
import { createLiveHost } from './core/exec/live-host';
import { fuzzPayload, mulberry32, seedsFor, type SeedContext } from '../../tests/support/ipc-fuzz-payloads';

type Handler = (event: unknown, ...args: unknown[]) => Promise<IpcEnvelope<unknown>>;
const handlers = new Map<string, Handler>();
const windowsByContents = new Map<unknown, unknown>();
const opened: string[] = [];

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: { fromWebContents: (contents: unknown) => windowsByContents.get(contents) ?? null },
  // The owner cancels every save dialog: the fuzz never writes a PDF anywhere.
  dialog: { showSaveDialog: async () => ({ canceled: true, filePath: '' }) },
  shell: { openExternal: async (url: string) => void opened.push(url) },
}));

const { registerIpc, errorCodes } = await import('./ipc');
const { createService } = await import('./core/service');
const { createAppUrlMatcher } = await import('./security');

const PAYLOADS_PER_CHANNEL = 1_000;
const FORGED_PER_CHANNEL = 60;
const APP_URL = 'http://localhost:5173/';
const unexpectedMessages = new Set([
  resources.fr.common.shell.ipc.unexpected,
  resources.en.common.shell.ipc.unexpected,
]);

/** Labelled fake elevation: the owner always closes the password dialog, so nothing is ever changed here. */
const cancellingElevation: ElevationRunner = {
  mechanism: 'pkexec',
  elevate: async () => ({ status: 'cancelled' }),
};

function makeWindow(url = APP_URL) {
  const mainFrame = { url, parent: null as unknown };
  const webContents = { mainFrame, send: () => undefined };
  const window = { webContents, isDestroyed: () => false };
  windowsByContents.set(webContents, window);
  return { window, webContents, mainFrame };
}

/** Whether a link is one the app may open: https with a host and no credentials, or mailto with subject/body only. */
function linkIsSafe(raw: string): boolean {
  const url = new URL(raw);
  if (url.protocol === 'https:') return Boolean(url.hostname) && !url.username && !url.password;
  if (url.protocol !== 'mailto:' || url.hash) return false;
  return [...url.searchParams.keys()].every((k) => ['subject', 'body'].includes(k.toLowerCase()));
}

/** What an ok answer must have done, channel by channel (beyond « the file on disk is the workspace »). */
function postconditionFailure(channel: string, args: unknown[], ws: Workspace): string | null {
  const arg = args[0] as Record<string, unknown>;
  const own = (o: object, k: unknown) => Object.prototype.hasOwnProperty.call(o, String(k));
  if (channel === 'missions:tick' && own(ws.missions, arg.taskId) !== arg.done) return 'tick not saved';
  if (channel === 'devices:tickStep') {
    const device = ws.devices.find((d) => d.id === arg.deviceId);
    if (device && own(device.steps, arg.stepId) !== arg.done) return 'step not saved';
  }
  for (const s of ws.software)
    if (
      s.lastTestedAt !== undefined &&
      !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(s.lastTestedAt)
    )
      return `lastTestedAt stored as ${JSON.stringify(s.lastTestedAt)}`;
  return null;
}

let home: string;
/** The last technical error main logged (shown with a failure, the owner never sees it). */
let lastLogged = '';
beforeAll(async () => {
  // Memory-backed when the machine has it: thousands of saves, and fsync is not what is tested here.
  home = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'revision-fuzz-'));
  // Every refused call logs a line: 18,000 of them would drown the report.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    lastLogged = parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : String(p))).join(' ');
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(home, { recursive: true, force: true });
});

/** One app over a fresh workspace: the real service behind registerIpc, with a count of calls that reached it. */
async function openApp(name: string) {
  const dir = join(home, name.replace(/\W/g, '-'));
  const service = await createService({
    home: dir,
    host: createLiveHost(),
    probes: [osReleaseProbe],
    autoUpdates: { factProbes: [], elevation: cancellingElevation },
  });
  let reached = 0;
  const counted = new Proxy(service, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...a: unknown[]) => {
        reached += 1;
        return (value as (...x: unknown[]) => unknown).apply(target, a);
      };
    },
  });
  const ours = makeWindow();
  const isAppUrl = createAppUrlMatcher({ kind: 'url', url: APP_URL });
  const unregister = registerIpc({
    service: counted,
    getWindow: () => ours.window as never,
    isAppUrl,
    documentsDir: () => dir,
  });
  await service.devicesAdd({ kind: 'server', name: 'NAS' });
  await service.softwareUpsert({ name: 'Sage', category: 'comptabilite' });
  const context = async (): Promise<SeedContext> => {
    if ((await service.workspaceGet()).devices.length === 0)
      await service.devicesAdd({ kind: 'server', name: 'NAS' });
    const ws = await service.workspaceGet();
    const plan = await service.autoUpdatesPlan({ lang: 'fr' });
    return {
      deviceId: ws.devices[0]?.id ?? 'none',
      softwareId: ws.software[0]?.id ?? 'none',
      planId: plan.id,
      planSha256: plan.sha256,
    };
  };
  return { dir, service, ours, unregister, context, reached: () => reached };
}
type App = Awaited<ReturnType<typeof openApp>>;

async function call(
  channel: string,
  event: unknown,
  args: unknown[],
  failures: string[],
): Promise<IpcEnvelope<unknown> | null> {
  try {
    return await handlers.get(channel)!(event, ...args);
  } catch (error) {
    failures.push(`${channel}: CRASH ${(error as Error).message} on ${preview(args)}`);
    return null;
  }
}

/** Random payloads from our own window; returns how many were accepted. */
async function fuzzChannel(
  channel: string,
  app: App,
  next: () => number,
  failures: string[],
): Promise<number> {
  const fromApp = { sender: app.ours.webContents, senderFrame: app.ours.mainFrame };
  let accepted = 0;
  let seeds = seedsFor(channel, await app.context());
  for (let i = 0; i < PAYLOADS_PER_CHANNEL; i += 1) {
    // Keep a plan pending and a device present, so that valid calls stay valid.
    if (i % 100 === 99) seeds = seedsFor(channel, await app.context());
    const args = fuzzPayload(next, seeds);
    const answer = await call(channel, fromApp, args, failures);
    if (!answer) continue;
    const problem = checkAnswer(answer);
    if (problem) failures.push(`${channel}: ${problem} on ${preview(args)} (${lastLogged.slice(0, 300)})`);
    if (!answer.ok) continue;
    accepted += 1;
    const ws = await app.service.workspaceGet();
    const onDisk = workspaceSchema.safeParse(
      JSON.parse(await readFile(join(app.dir, 'workspace.json'), 'utf8')),
    );
    if (!onDisk.success)
      failures.push(`${channel}: the saved file no longer validates after ${preview(args)}`);
    else if (JSON.stringify(onDisk.data) !== JSON.stringify(ws))
      failures.push(`${channel}: ok but not saved: ${preview(args)}`);
    const post = postconditionFailure(channel, args, ws);
    if (post) failures.push(`${channel}: ${post} after ${preview(args)}`);
  }
  return accepted;
}

/** Valid payloads from forged senders: another window, an iframe, a page elsewhere, no frame, no window. */
async function forgeChannel(
  channel: string,
  app: App,
  next: () => number,
  failures: string[],
): Promise<number> {
  const other = makeWindow();
  const elsewhere = makeWindow('https://evil.example/');
  const forgedEvents = [
    { sender: other.webContents, senderFrame: other.mainFrame },
    { sender: app.ours.webContents, senderFrame: { url: APP_URL, parent: app.ours.mainFrame } },
    { sender: elsewhere.webContents, senderFrame: elsewhere.mainFrame },
    { sender: app.ours.webContents, senderFrame: null },
    { sender: { mainFrame: app.ours.mainFrame }, senderFrame: app.ours.mainFrame },
  ];
  const seeds = seedsFor(channel, await app.context());
  const before = app.reached();
  for (let i = 0; i < FORGED_PER_CHANNEL; i += 1) {
    const answer = await call(
      channel,
      forgedEvents[i % forgedEvents.length],
      fuzzPayload(next, seeds, 0),
      failures,
    );
    if (answer && (answer.ok || answer.error.code !== 'forbidden-sender'))
      failures.push(
        `${channel}: forged sender ${i % forgedEvents.length} answered ${JSON.stringify(answer).slice(0, 120)}`,
      );
  }
  if (app.reached() !== before) failures.push(`${channel}: a forged sender reached the core`);
  return FORGED_PER_CHANNEL;
}

describe('IPC fuzz over every channel of the contract', () => {
  it(
    '0 crashes, 0 unexpected acceptances, forged senders never reach the core',
    { timeout: 600_000 },
    async () => {
      const seed = Number(process.env.REVISION_FUZZ_SEED ?? Date.now() % 1_000_000);
      console.log(`ipc fuzz: seed ${seed} (REVISION_FUZZ_SEED=${seed} to replay)`);
      const next = mulberry32(seed);
      const failures: string[] = [];
      const summary: string[] = [];
      let forged = 0;
      for (const channel of channels) {
        // A fresh workspace per channel keeps each run small (the logbook grows with every accepted call).
        const app = await openApp(channel);
        try {
          summary.push(`${channel} ${await fuzzChannel(channel, app, next, failures)}`);
          forged += await forgeChannel(channel, app, next, failures);
        } finally {
          app.unregister();
        }
      }
      for (const url of opened) if (!linkIsSafe(url)) failures.push(`shell:openExternal opened ${url}`);
      const polluted = Object.keys(Object.prototype);
      if (polluted.length > 0) failures.push(`Object.prototype polluted: ${polluted.join(', ')}`);
      console.log(
        `ipc fuzz: ${channels.length} channels × ${PAYLOADS_PER_CHANNEL} payloads + ${forged} forged calls; accepted per channel: ${summary.join(', ')}; ${failures.length} failures`,
      );
      expect(failures.slice(0, 20)).toEqual([]);
    },
  );
});

function checkAnswer(answer: IpcEnvelope<unknown>): string | null {
  if (answer.ok === true) return null;
  if (answer.ok !== false || !answer.error)
    return `malformed envelope ${JSON.stringify(answer).slice(0, 80)}`;
  const { code, message } = answer.error;
  if (!errorCodes.has(code)) return `unknown error code ${code}`;
  if (typeof message !== 'string' || !message.trim()) return 'an error without a sentence';
  if (unexpectedMessages.has(message))
    return 'accepted by the schema, then « erreur inattendue » in the core';
  return null;
}

function preview(args: unknown): string {
  try {
    return (JSON.stringify(args) ?? String(args)).slice(0, 160);
  } catch {
    return String(args).slice(0, 160);
  }
}
