/**
 * Online refresh of the end-of-life and KEV data (issue 12). A download is used only when it is
 * complete (size cap, timeout), parses, matches its schema and is newer than the copy in use; it
 * is then written atomically into the app's data folder with its date. Anything else leaves the
 * good copy (cached or bundled) untouched and says why, in French.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CACHE_FILES, dataDate } from './cache';
import { eolDataPath } from './eol';
import { kevDataPath } from './kev';
import { eolDataSchema, kevDataSchema } from './schemas';

/** The two data sets. */
export type KnowledgeSet = 'eol' | 'kev';

/**
 * Where each set is downloaded from. KEV: CISA's documented JSON feed. End of life: a file in the
 * app's snapshot format; endoflife.date's own API (`/api/v1/…`) has another shape, so there is no
 * default address for it until a converter exists (REVISION_EOL_URL sets one).
 */
export const DEFAULT_URLS: Readonly<Record<KnowledgeSet, string | null>> = {
  kev: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  eol: null,
};

/** Hard limits of one download. */
export const LIMITS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 } as const;

/** What happened to one set. */
export interface RefreshOutcome {
  readonly set: KnowledgeSet;
  readonly result: 'updated' | 'unchanged' | 'failed' | 'skipped';
  /** Date of the copy in use afterwards (ISO date). */
  readonly date: string | null;
  /** For `failed`: why, in French (for the prestataire). */
  readonly reason?: string;
}

/** Options of a refresh. */
export interface RefreshOptions {
  /** The app's data folder (the cached copies go to `<dir>/knowledge/`). */
  readonly dataDir: string;
  readonly urls?: Partial<Record<KnowledgeSet, string | null>>;
  readonly fetchImpl?: typeof fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const SCHEMAS: Record<KnowledgeSet, z.ZodType> = { eol: eolDataSchema, kev: kevDataSchema };

/** Path of the cached copy of a set. */
export function cachedPath(dataDir: string, set: KnowledgeSet): string {
  return join(dataDir, 'knowledge', CACHE_FILES[set]);
}

/** Reads and validates a copy; null when absent or invalid (an invalid cache is ignored, never used). */
export async function readValid(set: KnowledgeSet, path: string): Promise<unknown> {
  try {
    const parsed = SCHEMAS[set].safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function download(url: string, options: RefreshOptions): Promise<string> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? LIMITS.maxBytes;
  const response = await fetchImpl(url, {
    signal: AbortSignal.timeout(options.timeoutMs ?? LIMITS.timeoutMs),
    redirect: 'follow',
  });
  if (!response.ok || !response.body) throw new Error(`réponse HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes)
      throw new Error(`fichier trop gros (plus de ${Math.round(maxBytes / 1024 / 1024)} Mo)`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reasonOf(error: unknown): string {
  const e = error as { name?: string; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'pas de réponse dans le délai';
  return e?.message ?? String(error);
}

async function refreshOne(set: KnowledgeSet, options: RefreshOptions): Promise<RefreshOutcome> {
  const url = options.urls?.[set] !== undefined ? options.urls[set] : DEFAULT_URLS[set];
  const target = cachedPath(options.dataDir, set);
  const current =
    (await readValid(set, target)) ?? (await readValid(set, set === 'eol' ? eolDataPath() : kevDataPath()));
  const currentDate = current ? dataDate(set, current) : null;
  if (!url) return { set, result: 'skipped', date: currentDate };
  let text: string;
  try {
    text = await download(url, options);
  } catch (error) {
    return {
      set,
      result: 'failed',
      date: currentDate,
      reason: `téléchargement impossible : ${reasonOf(error)}`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      set,
      result: 'failed',
      date: currentDate,
      reason: 'fichier incomplet ou illisible (JSON invalide)',
    };
  }
  const parsed = SCHEMAS[set].safeParse(data);
  if (!parsed.success)
    return {
      set,
      result: 'failed',
      date: currentDate,
      reason: `fichier non conforme : ${parsed.error.issues[0]?.message ?? 'schéma'}`,
    };
  const date = dataDate(set, parsed.data);
  if (currentDate && date <= currentDate) return { set, result: 'unchanged', date: currentDate };
  await mkdir(join(options.dataDir, 'knowledge'), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    return {
      set,
      result: 'failed',
      date: currentDate,
      reason: `enregistrement impossible : ${reasonOf(error)}`,
    };
  }
  return { set, result: 'updated', date };
}

/** Refreshes both sets; never throws for a network or data problem. */
export async function refreshKnowledge(options: RefreshOptions): Promise<RefreshOutcome[]> {
  return Promise.all((['eol', 'kev'] as const).map((set) => refreshOne(set, options)));
}
