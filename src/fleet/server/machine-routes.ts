/**
 * The computers' side: enrolment with a site code, then reports. A report is accepted only with
 * the secret of the machine in its address, within the body limit and rate limit, and only when
 * the core's report schema accepts it; every refusal is logged and nothing of it is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CHECKUP_SCHEMA_VERSION, checkupReportSchema, type CheckupReport } from '../../shared/checkup';
import type { FleetRouteContext } from './app';
import type { FleetHttpError } from './errors';
import { refusal } from './errors';
import type { RateLimiter } from './rate-limit';

const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

const enrolSchema = {
  body: {
    type: 'object',
    required: ['code'],
    additionalProperties: false,
    properties: {
      code: { type: 'string', minLength: 4, maxLength: 40 },
      hostname: { type: ['string', 'null'], maxLength: 255 },
    },
  },
  response: {
    201: {
      type: 'object',
      properties: { machineId: { type: 'string' }, secret: { type: 'string' }, site: { type: 'string' } },
    },
    '4xx': errorSchema,
  },
} as const;

const reportSchema = {
  params: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
  },
  headers: {
    type: 'object',
    required: ['authorization'],
    properties: { authorization: { type: 'string', maxLength: 200 } },
  },
  body: { type: 'object' },
  response: {
    201: { type: 'object', properties: { id: { type: 'string' }, receivedAt: { type: 'string' } } },
    '4xx': errorSchema,
  },
} as const;

/** What the machine routes need. */
export interface MachineRouteContext extends FleetRouteContext {
  readonly reportLimiter: RateLimiter;
  readonly addressLimiter: RateLimiter;
}

/** The first problem zod found, as a path and message, for the refusal's detail. */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0];
  return i ? `${i.path.map(String).join('.') || '(racine)'} : ${i.message}` : 'inconnu';
}

/** Registers /api/v1/enrol and /api/v1/machines/:id/reports. */
export function registerMachineRoutes(app: FastifyInstance, ctx: MachineRouteContext): void {
  const refuse = async (
    request: FastifyRequest,
    e: FleetHttpError,
    machineId: string | null,
  ): Promise<never> => {
    await ctx.accounts
      .audit(machineId, 'report.refused', `${e.code} from ${request.ip}`)
      .catch(() => undefined);
    throw e;
  };

  app.post('/api/v1/enrol', { schema: enrolSchema }, async (request, reply) => {
    const wait = ctx.addressLimiter.take(`enrol:${request.ip}`);
    if (wait) throw refusal(429, 'rateLimited', { seconds: wait });
    const { code, hostname } = request.body as { code: string; hostname?: string | null };
    const enrolled = await ctx.store.enrol(code, hostname ?? null, ctx.now());
    if (!enrolled) {
      await ctx.accounts.audit(null, 'enrol.refused', `bad code from ${request.ip}`).catch(() => undefined);
      throw refusal(403, 'badCode');
    }
    await ctx.accounts.audit(enrolled.machineId, 'enrol', `${enrolled.site} ${hostname ?? ''}`.trim());
    return reply.code(201).send(enrolled);
  });

  app.post(
    '/api/v1/machines/:id/reports',
    {
      schema: reportSchema,
      // Checked before the body is read: a forged key or a flood costs no parsing.
      onRequest: async (request) => {
        const id = (request.params as { id: string }).id;
        const wait = ctx.reportLimiter.take(id);
        if (wait) return refuse(request, refusal(429, 'rateLimited', { seconds: wait }), id);
        const auth = request.headers.authorization ?? '';
        const secret = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(auth)?.[1];
        if (!secret || !(await ctx.store.checkSecret(id, secret)))
          return refuse(request, refusal(403, 'badSecret'), id);
      },
    },
    async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const body = request.body as { schemaVersion?: unknown };
      if (typeof body.schemaVersion === 'number' && body.schemaVersion > CHECKUP_SCHEMA_VERSION) {
        return refuse(request, refusal(422, 'newerVersion', { version: body.schemaVersion }), id);
      }
      const parsed = checkupReportSchema.safeParse(body);
      if (!parsed.success)
        return refuse(request, refusal(422, 'badReport', { detail: firstIssue(parsed.error) }), id);
      const receivedAt = ctx.now();
      const raw = (request as unknown as { rawBody?: string }).rawBody ?? JSON.stringify(body);
      const reportId = await ctx.store.ingest(id, parsed.data as CheckupReport, raw, receivedAt);
      return reply.code(201).send({ id: reportId, receivedAt: new Date(receivedAt).toISOString() });
    },
  );
}
