/**
 * The fleet, seen from one computer: join a fleet server with a site code, then send each
 * checkup's report. Reports go through the outbox: a server that cannot be reached, or a
 * database that does not answer, leaves them queued for the next time, oldest first.
 */
import { hostname as osHostname } from 'node:os';
import type { CheckupReport } from '../../../shared/checkup';
import type { FleetStatus } from '../../../shared/fleet';
import { createOutbox, OUTBOX_MAX } from './outbox';
import { readEnrolment, saveEnrolment, type Enrolment } from './enrolment';

/** A refusal or failure, in French, from the server or from here. */
export class FleetClientError extends Error {
  override readonly name = 'FleetClientError';
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'refused' | 'not-joined' | 'bad-url',
  ) {
    super(message);
  }
}

/** What `send` did. */
export interface SendResult {
  readonly sent: number;
  readonly queued: number;
  /** Reports refused for good (set aside in fleet/refused/). */
  readonly refused: readonly string[];
  /** Old reports dropped because the outbox was full. */
  readonly dropped: number;
  /** Why the rest is still queued, when it is. */
  readonly waitingBecause: string | null;
}

/** How to build the client. */
export interface FleetClientOptions {
  /** The workspace folder. */
  readonly home: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly outboxMax?: number;
  /** Per-request timeout, ms (default 20 s). */
  readonly timeoutMs?: number;
}

/** Checks a server address: https, or http (a fleet server on the local network). */
export function checkServerUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FleetClientError(`Adresse de serveur non valable « ${url} ».`, 'bad-url');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new FleetClientError(
      `Adresse de serveur non valable « ${url} » : elle doit commencer par https://.`,
      'bad-url',
    );
  return u.origin;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

type Post = (url: string, body: string, headers?: Record<string, string>) => Promise<Response>;

/** Sends the queued reports, oldest first, until one cannot go (server away, busy or its database down). */
async function flushOutbox(
  e: Enrolment,
  outbox: ReturnType<typeof createOutbox>,
  post: Post,
  markSent: (sentAt: string) => Promise<void>,
  now: () => Date,
): Promise<Omit<SendResult, 'dropped'>> {
  let sent = 0;
  const refused: string[] = [];
  let waitingBecause: string | null = null;
  for (const name of await outbox.list()) {
    let res: Response;
    try {
      res = await post(`${e.url}/api/v1/machines/${e.machineId}/reports`, await outbox.read(name), {
        authorization: `Bearer ${e.secret}`,
      });
    } catch (error) {
      waitingBecause = `serveur injoignable (${(error as Error).message})`;
      break;
    }
    if (res.status === 201) {
      await outbox.done(name);
      sent += 1;
      await markSent(now().toISOString());
    } else if (res.status === 429 || res.status >= 500) {
      waitingBecause = await errorMessage(res);
      break;
    } else {
      // Refused for good (format, version, unknown machine): set aside, never resent.
      refused.push(await errorMessage(res));
      await outbox.refuse(name);
    }
  }
  return { sent, queued: (await outbox.list()).length, refused, waitingBecause };
}

/** Creates the fleet client API of a workspace folder. */
export function createFleetClientApi(options: FleetClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const outbox = createOutbox(options.home, options.outboxMax ?? OUTBOX_MAX);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    doFetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    });

  const flush = (e: Enrolment) =>
    flushOutbox(
      e,
      outbox,
      post,
      async (sentAt) => saveEnrolment(options.home, { ...e, lastSentAt: sentAt }),
      now,
    );

  return {
    /** Enrols this computer with a server and a site code. */
    async join(url: string, code: string, hostname: string = osHostname()): Promise<Enrolment> {
      const origin = checkServerUrl(url);
      let res: Response;
      try {
        res = await post(`${origin}/api/v1/enrol`, JSON.stringify({ code, hostname }));
      } catch (error) {
        throw new FleetClientError(
          `Le serveur de flotte ${origin} est injoignable : ${(error as Error).message}`,
          'unreachable',
        );
      }
      if (res.status !== 201)
        throw new FleetClientError(await errorMessage(res), res.status >= 500 ? 'unreachable' : 'refused');
      const body = (await res.json()) as { machineId: string; secret: string; site: string };
      const enrolment: Enrolment = {
        url: origin,
        machineId: body.machineId,
        secret: body.secret,
        site: body.site,
        joinedAt: now().toISOString(),
        lastSentAt: null,
      };
      await saveEnrolment(options.home, enrolment);
      return enrolment;
    },

    /** Queues a report then sends everything queued, oldest first. */
    async send(report: CheckupReport): Promise<SendResult> {
      const e = await readEnrolment(options.home);
      if (!e)
        throw new FleetClientError('Cet ordinateur n’est inscrit à aucun serveur de flotte.', 'not-joined');
      const dropped = await outbox.add(JSON.stringify(report), now());
      return { ...(await flush(e)), dropped };
    },

    /** Sends what waits in the outbox (e.g. at start-up). */
    async retry(): Promise<Omit<SendResult, 'dropped'> | null> {
      const e = await readEnrolment(options.home);
      return e ? flush(e) : null;
    },

    /** Whether this computer reports to a fleet, where, and when it last did. */
    async status(): Promise<FleetStatus> {
      const e = await readEnrolment(options.home);
      return {
        joined: e !== null,
        url: e?.url ?? null,
        site: e?.site ?? null,
        lastSentAt: e?.lastSentAt ?? null,
        queued: (await outbox.list()).length,
      };
    },
  };
}

/** The fleet client API. */
export type FleetClientApi = ReturnType<typeof createFleetClientApi>;
