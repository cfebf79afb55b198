/** The web page's API: sign-in, the fleet list with filters, « Preuve avant redémarrage », one machine. */
import type { FastifyInstance } from 'fastify';
import { findingStates, type FindingState } from '../../shared/checkup';
import { DEFAULT_PROOF_HOURS, type ProofCriteria } from '../proof';
import type { FleetRouteContext } from './app';
import { refusal } from './errors';
import { proofLists } from './fleet-view';
import type { RateLimiter } from './rate-limit';
import { requireSameOrigin, requireSession, setSession } from './web-auth';

/** « Pas de nouvelles depuis 48 h ». */
export const SILENT_MS = 48 * 3_600_000;
/** Largest fleet the page lists in one query. */
export const MAX_MACHINES = 50_000;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
} as const;

/** The query string of the proof view and its CSV. */
export const proofQuerySchema = {
  type: 'object',
  properties: {
    since: { type: 'string', maxLength: 40 },
    hours: { type: 'integer', minimum: 1, maximum: 24 * 60 },
  },
} as const;

/** Reads the proof criteria; without a date, reports of the last N hours count. */
export function proofCriteria(query: { since?: string; hours?: number }, now: number): ProofCriteria {
  const maxAgeHours = query.hours ?? DEFAULT_PROOF_HOURS;
  const since = query.since ? Date.parse(query.since) : now - maxAgeHours * 3_600_000;
  if (!Number.isFinite(since))
    throw refusal(400, 'badRequest', { detail: `date « ${query.since} » illisible` });
  return { since, maxAgeHours };
}

/** Registers sign-in, sign-out and the session check. */
function registerSessionRoutes(
  app: FastifyInstance,
  ctx: FleetRouteContext & { addressLimiter: RateLimiter },
): void {
  const { accounts } = ctx;

  app.post(
    '/api/web/login',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name', 'password'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      requireSameOrigin(request);
      const wait = ctx.addressLimiter.take(`login:${request.ip}`);
      if (wait) throw refusal(429, 'rateLimited', { seconds: wait });
      const { name, password } = request.body as { name: string; password: string };
      if (!(await accounts.checkPassword(name, password))) {
        await accounts.audit(name, 'login.failed', request.ip);
        throw refusal(401, 'login');
      }
      const session = await accounts.openSession(name, ctx.now());
      await accounts.audit(name, 'login', request.ip);
      setSession(reply, request, session.token);
      return { user: name, csrf: session.csrf };
    },
  );

  app.post('/api/web/logout', { schema: { body: { type: ['object', 'null'] } } }, async (request, reply) => {
    const s = await requireSession(request, accounts, ctx.now());
    await accounts.closeSession(s.token);
    await accounts.audit(s.user, 'logout', request.ip);
    setSession(reply, request, null);
    return { ok: true };
  });

  app.get('/api/web/session', async (request) => {
    const s = await requireSession(request, accounts, ctx.now());
    return { user: s.user, csrf: s.csrf };
  });
}

/** Registers /api/web/*. */
export function registerWebRoutes(
  app: FastifyInstance,
  ctx: FleetRouteContext & { addressLimiter: RateLimiter },
): void {
  const { accounts, store } = ctx;
  registerSessionRoutes(app, ctx);

  app.get(
    '/api/web/fleet',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            site: { type: 'string', maxLength: 200 },
            state: { type: 'string', enum: [...findingStates] },
            silent: { type: 'boolean' },
            offset: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        },
      },
    },
    async (request) => {
      await requireSession(request, accounts, ctx.now());
      const q = request.query as {
        site?: string;
        state?: FindingState;
        silent?: boolean;
        offset?: number;
        limit?: number;
      };
      const [list, sites] = await Promise.all([
        store.machines({
          site: q.site,
          state: q.state,
          silentSince: q.silent ? ctx.now() - SILENT_MS : undefined,
          offset: q.offset,
          limit: q.limit ?? 100,
        }),
        store.sites(),
      ]);
      return { ...list, sites: sites.map((s) => s.name), now: ctx.now() };
    },
  );

  app.get('/api/web/proof', { schema: { querystring: proofQuerySchema } }, async (request) => {
    await requireSession(request, accounts, ctx.now());
    const criteria = proofCriteria(request.query as { since?: string; hours?: number }, ctx.now());
    return { criteria, ...proofLists(await store.proofRows(), criteria), now: ctx.now() };
  });

  app.get('/api/web/machines/:id', { schema: { params: idParams } }, async (request) => {
    await requireSession(request, accounts, ctx.now());
    const { id } = request.params as { id: string };
    const machine = await store.machine(id);
    if (!machine) throw refusal(404, 'notFound');
    const [history, report] = await Promise.all([store.history(id), store.latestReport(id)]);
    return { machine, history, report: report ? (JSON.parse(report) as unknown) : null };
  });
}
