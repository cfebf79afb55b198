/**
 * The fleet server: the fourth door onto the core's data. Computers enrol and send their checkup
 * reports; the people who watch the fleet sign in to a web page. Fastify, with a schema on every
 * route, security headers on every answer, and French refusals.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { SqlDb } from '../storage/sql';
import { FleetDbError } from '../storage/sql';
import { createAccountsStore } from '../storage/accounts-store';
import { createFleetStore, DEFAULT_RETENTION, type Retention } from '../storage/fleet-store';
import { FleetHttpError, refusal } from './errors';
import { registerMachineRoutes } from './machine-routes';
import { registerWebRoutes } from './web-routes';
import { registerExportRoutes } from './export-routes';
import { registerStatic } from './static';
import { createRateLimiter } from './rate-limit';

/** Strict CSP of the page: only its own scripts, styles and API; no framing. */
export const FLEET_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** How to build a fleet server. */
export interface FleetServerOptions {
  readonly db: SqlDb;
  readonly retention?: Retention;
  /** Largest accepted body, bytes (default 5 MiB). */
  readonly bodyLimit?: number;
  /** Reports per machine per window (default 30 per hour). */
  readonly reportRate?: { max: number; windowMs: number };
  /** The built web page (index.html + assets/); none: the API only. */
  readonly webDir?: string;
  /** Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers. */
  readonly trustProxy?: boolean;
  /** TLS certificate and key (PEM) to serve HTTPS directly. */
  readonly https?: { cert: Buffer; key: Buffer };
  readonly logger?: FastifyServerOptions['logger'];
  readonly now?: () => number;
}

/** Default body limit: a Debian report with 800 programs is ~370 KB; 5 MiB leaves room. */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** Builds the server (not listening yet: `inject` in tests, `listen` in `revision fleet serve`). */
export function createFleetServer(options: FleetServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
  } as FastifyServerOptions) as unknown as FastifyInstance;
  const store = createFleetStore(options.db, options.retention ?? DEFAULT_RETENTION);
  const accounts = createAccountsStore(options.db);
  const now = options.now ?? Date.now;
  const ctx = { store, accounts, now, bodyLimit };

  // Keep the raw text: the report is stored exactly as the machine sent it.
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    try {
      (request as unknown as { rawBody: string }).rawBody = body as string;
      done(null, JSON.parse(body as string));
    } catch {
      done(refusal(400, 'badJson') as unknown as FastifyError, undefined);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', FLEET_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (!reply.getHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    let e: FleetHttpError;
    if (error instanceof FleetHttpError) e = error;
    else if (error instanceof FleetDbError) e = refusal(503, 'dbDown', { detail: error.message });
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      e = refusal(413, 'tooLarge', { mb: Math.round(bodyLimit / 1048576) });
    else if (error.validation) e = refusal(400, 'badRequest', { detail: error.message });
    else if (error.statusCode === 415) e = refusal(415, 'badRequest', { detail: error.message });
    else {
      request.log.error(error);
      e = refusal(500, 'unexpected');
    }
    if (e.statusCode >= 400 && e.statusCode !== 401)
      request.log.warn({ code: e.code, url: request.url }, 'refused');
    // Refused before the route ran (too large, not JSON): still a refusal of a report, logged.
    if ((e.code === 'tooLarge' || e.code === 'badJson') && request.url.startsWith('/api/v1/')) {
      const id = (request.params as { id?: string } | undefined)?.id ?? null;
      await accounts.audit(id, 'report.refused', `${e.code} from ${request.ip}`).catch(() => undefined);
    }
    return reply.code(e.statusCode).send({ error: { code: e.code, message: e.message } });
  });
  app.setNotFoundHandler(async (_request, reply) => {
    const e = refusal(404, 'notFound');
    return reply.code(404).send({ error: { code: e.code, message: e.message } });
  });

  const reportLimiter = createRateLimiter(options.reportRate ?? { max: 30, windowMs: 3_600_000 });
  const addressLimiter = createRateLimiter({ max: 20, windowMs: 60_000 });
  registerMachineRoutes(app, { ...ctx, reportLimiter, addressLimiter });
  registerWebRoutes(app, { ...ctx, addressLimiter });
  registerExportRoutes(app, ctx);
  if (options.webDir) registerStatic(app, options.webDir);
  return app;
}

/** What the route modules share. */
export interface FleetRouteContext {
  readonly store: ReturnType<typeof createFleetStore>;
  readonly accounts: ReturnType<typeof createAccountsStore>;
  readonly now: () => number;
  readonly bodyLimit: number;
}
