/**
 * Capture and replay of a checkup (format: docs/capture-format.md).
 * A capturing Host wraps the live one and records every call; a replaying Host answers
 * from such a folder and starts no process at all.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Platform } from '../../../shared/facts';
import { capturingWeb, replayingWeb } from './capture-web';
import { RunError, commandKey, isRunError, type CallOptions, type CommandResult, type CommandSpec, type Host, type RunErrorKind } from './host';

export const CAPTURE_FORMAT = 'revision-capture';
export const CAPTURE_FORMAT_VERSION = 1;

const runErrorSchema = z.object({
  kind: z.enum(['not-found', 'timeout', 'permission-denied', 'non-zero-exit', 'output-too-large', 'aborted', 'not-captured', 'network', 'failed']),
  message: z.string(),
  exitCode: z.number().nullable().optional(),
  stderr: z.string().optional(),
});

/** One recorded call. Large texts may live in side files (`*File`, relative to the folder). */
export const captureEntrySchema = z.object({
  kind: z.enum(['exec', 'file', 'exists', 'readdir', 'call', 'http', 'tls']),
  key: z.string(),
  probe: z.string().optional(),
  /** exec: the program and arguments actually run (informative; replay matches on key). */
  file: z.string().optional(),
  args: z.array(z.string()).optional(),
  stdout: z.string().optional(),
  stdoutFile: z.string().optional(),
  stderr: z.string().optional(),
  stderrFile: z.string().optional(),
  exitCode: z.number().optional(),
  /** file: the content read. */
  content: z.string().optional(),
  contentFile: z.string().optional(),
  /** exists / readdir / call / tls: the value returned; http: the response without its body (in `content`). */
  value: z.unknown().optional(),
  error: runErrorSchema.optional(),
  durationMs: z.number().optional(),
});
export type CaptureEntry = z.infer<typeof captureEntrySchema>;

export const captureManifestSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  formatVersion: z.literal(CAPTURE_FORMAT_VERSION),
  platform: z.enum(['linux', 'win32', 'darwin']),
  arch: z.string().optional(),
  createdAt: z.string(),
  appVersion: z.string(),
  hostname: z.string().nullable().optional(),
  /** Free text: where the outputs came from (fixtures name their public source here). */
  description: z.string().optional(),
  /** For tests: the date the replayed checkup should take as "now" (ISO). */
  now: z.string().optional(),
});
export type CaptureManifest = z.infer<typeof captureManifestSchema>;

/** A capture folder could not be used. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

const INLINE_LIMIT = 2000;

function slug(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'entry';
}

/** A Host that records every call of another Host; `save()` writes the folder. */
export interface CapturingHost extends Host {
  readonly entries: readonly CaptureEntry[];
  save(dir: string, manifest: Omit<CaptureManifest, 'format' | 'formatVersion' | 'platform'>): Promise<void>;
}

/** Wraps a Host so that everything it answers is recorded. */
export function createCapturingHost(inner: Host): CapturingHost {
  const entries: CaptureEntry[] = [];
  const record = (entry: CaptureEntry): void => {
    entries.push(entry);
  };
  const errorOf = (error: unknown): CaptureEntry['error'] => {
    if (isRunError(error)) return { kind: error.kind, message: error.message, exitCode: error.exitCode, stderr: error.stderr };
    return { kind: 'failed', message: (error as Error).message };
  };
  async function recorded<T>(base: CaptureEntry, work: () => Promise<T>, fill: (value: T) => Partial<CaptureEntry>): Promise<T> {
    const started = performance.now();
    try {
      const value = await work();
      record({ ...base, ...fill(value), durationMs: Math.round(performance.now() - started) });
      return value;
    } catch (error) {
      record({ ...base, error: errorOf(error), durationMs: Math.round(performance.now() - started) });
      throw error;
    }
  }
  return {
    platform: inner.platform,
    mode: inner.mode,
    entries,
    run(spec: CommandSpec, options: CallOptions = {}) {
      const base: CaptureEntry = { kind: 'exec', key: commandKey(spec), probe: options.probe, file: spec.file, args: [...spec.args] };
      return recorded(base, () => inner.run(spec, options), (r) => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }));
    },
    readFile(path, options: CallOptions = {}) {
      return recorded({ kind: 'file', key: path, probe: options.probe }, () => inner.readFile(path, options), (content) => ({ content }));
    },
    exists(path, options: CallOptions = {}) {
      return recorded({ kind: 'exists', key: path, probe: options.probe }, () => inner.exists(path, options), (value) => ({ value }));
    },
    readDir(path, options: CallOptions = {}) {
      return recorded({ kind: 'readdir', key: path, probe: options.probe }, () => inner.readDir(path, options), (value) => ({ value }));
    },
    call(name, fn, options: CallOptions = {}) {
      return recorded({ kind: 'call', key: name, probe: options.probe }, () => inner.call(name, fn, options), (value) => ({ value }));
    },
    ...capturingWeb(inner, recorded),
    async save(dir, manifest) {
      await mkdir(join(dir, 'outputs'), { recursive: true });
      const out: CaptureEntry[] = [];
      let n = 0;
      for (const entry of entries) {
        n += 1;
        const e: CaptureEntry = { ...entry };
        const prefix = `${String(n).padStart(3, '0')}-${slug(entry.key)}`;
        for (const [field, fileField, ext] of [
          ['stdout', 'stdoutFile', 'stdout.txt'],
          ['stderr', 'stderrFile', 'stderr.txt'],
          ['content', 'contentFile', 'content.txt'],
        ] as const) {
          const text = e[field];
          if (typeof text === 'string' && text.length > INLINE_LIMIT) {
            const rel = `outputs/${prefix}.${ext}`;
            await writeFile(join(dir, rel), text, 'utf8');
            delete e[field];
            e[fileField] = rel;
          }
        }
        out.push(e);
      }
      const full: CaptureManifest = { format: CAPTURE_FORMAT, formatVersion: CAPTURE_FORMAT_VERSION, platform: inner.platform, ...manifest };
      await writeFile(join(dir, 'entries.json'), JSON.stringify(out, null, 2) + '\n', 'utf8');
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(full, null, 2) + '\n', 'utf8');
    },
  };
}

/** A loaded capture folder. */
export interface Capture {
  readonly manifest: CaptureManifest;
  readonly entries: readonly CaptureEntry[];
}

/** Reads and validates a capture folder, inlining side files. Throws CaptureError in French. */
export async function loadCapture(dir: string): Promise<Capture> {
  const readJson = async (name: string): Promise<unknown> => {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      throw new CaptureError(`Capture illisible : ${join(dir, name)} est absent ou inaccessible.`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new CaptureError(`Capture abîmée : ${join(dir, name)} n'est pas du JSON valide.`);
    }
  };
  const manifest = captureManifestSchema.safeParse(await readJson('manifest.json'));
  if (!manifest.success) throw new CaptureError(`Capture non reconnue : manifest.json invalide (${manifest.error.issues[0]?.message ?? 'format'}).`);
  const parsed = z.array(captureEntrySchema).safeParse(await readJson('entries.json'));
  if (!parsed.success) throw new CaptureError(`Capture abîmée : entries.json invalide (${parsed.error.issues[0]?.path.join('.') ?? ''}).`);
  const entries: CaptureEntry[] = [];
  for (const entry of parsed.data) {
    const e: CaptureEntry = { ...entry };
    for (const [field, fileField] of [
      ['stdout', 'stdoutFile'],
      ['stderr', 'stderrFile'],
      ['content', 'contentFile'],
    ] as const) {
      const rel = e[fileField];
      if (rel) {
        if (rel.includes('..')) throw new CaptureError(`Capture refusée : chemin ${rel} hors du dossier.`);
        try {
          e[field] = await readFile(join(dir, rel), 'utf8');
        } catch {
          throw new CaptureError(`Capture incomplète : ${rel} est absent.`);
        }
      }
    }
    entries.push(e);
  }
  return { manifest: manifest.data, entries };
}

/** A Host that answers from a capture; a call the capture lacks fails with `not-captured`. */
export function createReplayHost(capture: Capture): Host {
  const queues = new Map<string, CaptureEntry[]>();
  for (const entry of capture.entries) {
    const k = `${entry.kind}\u0000${entry.key}`;
    const q = queues.get(k) ?? [];
    q.push(entry);
    queues.set(k, q);
  }
  const used = new Map<string, number>();
  const take = (kind: CaptureEntry['kind'], key: string): CaptureEntry => {
    const k = `${kind}\u0000${key}`;
    const q = queues.get(k);
    if (!q || q.length === 0) throw new RunError('not-captured', key, `${key} : absent de la capture`);
    const i = used.get(k) ?? 0;
    used.set(k, i + 1);
    return q[Math.min(i, q.length - 1)]!;
  };
  const fail = (entry: CaptureEntry): never => {
    const e = entry.error!;
    throw new RunError(e.kind as RunErrorKind, entry.key, e.message, e.exitCode ?? null, e.stderr ?? '');
  };
  return {
    platform: capture.manifest.platform as Platform,
    mode: 'replay',
    async run(spec): Promise<CommandResult> {
      const entry = take('exec', commandKey(spec));
      if (entry.error) fail(entry);
      return { stdout: entry.stdout ?? '', stderr: entry.stderr ?? '', exitCode: entry.exitCode ?? 0, durationMs: 0 };
    },
    async readFile(path) {
      const entry = take('file', path);
      if (entry.error) fail(entry);
      return entry.content ?? '';
    },
    async exists(path) {
      const entry = take('exists', path);
      if (entry.error) fail(entry);
      return entry.value === true;
    },
    async readDir(path) {
      const entry = take('readdir', path);
      if (entry.error) fail(entry);
      return Array.isArray(entry.value) ? entry.value.map(String) : [];
    },
    async call<T>(name: string): Promise<T> {
      const entry = take('call', name);
      if (entry.error) fail(entry);
      return entry.value as T;
    },
    ...replayingWeb(take, fail),
  };
}
