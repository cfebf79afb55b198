/** Exports of the web page (each one written to the audit log): CSV of the fleet and of the call list, JSON reports, SBOMs. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { coreFindingIds, type CheckupReport } from '../../shared/checkup';
import { getT } from '../../main/core/i18n';
import type { ProofReason } from '../proof';
import type { FleetRouteContext } from './app';
import { refusal } from './errors';
import { fleetCsv, proofCsv, proofLists } from './fleet-view';
import { fleetSbom, machineSbom, type SbomMachine } from './sbom';
import { MAX_MACHINES, proofCriteria, proofQuerySchema } from './web-routes';
import { requireSession } from './web-auth';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } },
} as const;

function attachment(reply: FastifyReply, name: string, type: string): FastifyReply {
  return reply.header('Content-Type', type).header('Content-Disposition', `attachment; filename="${name}"`);
}

/** Registers /api/web/export/*. */
export function registerExportRoutes(app: FastifyInstance, ctx: FleetRouteContext): void {
  const { accounts, store } = ctx;
  const audited = async (request: FastifyRequest, what: string): Promise<void> => {
    const s = await requireSession(request, accounts, ctx.now());
    await accounts.audit(s.user, 'export', what);
  };
  const sbomMachine = async (id: string): Promise<SbomMachine | null> => {
    const [m, body] = await Promise.all([store.machine(id), store.latestReport(id)]);
    if (!m) return null;
    const report = body ? (JSON.parse(body) as CheckupReport) : null;
    return { id, hostname: m.hostname, applications: report?.inventory.applications ?? [] };
  };
  const day = () => new Date(ctx.now()).toISOString().slice(0, 10);

  app.get('/api/web/export/fleet.csv', async (request, reply) => {
    await audited(request, 'fleet.csv');
    const { machines } = await store.machines({ limit: MAX_MACHINES });
    return attachment(reply, `flotte-${day()}.csv`, 'text/csv; charset=utf-8').send(
      fleetCsv(machines, coreFindingIds),
    );
  });

  app.get(
    '/api/web/export/proof.csv',
    { schema: { querystring: proofQuerySchema } },
    async (request, reply) => {
      await audited(request, 'proof.csv');
      const criteria = proofCriteria(request.query as { since?: string; hours?: number }, ctx.now());
      const t = getT('fr');
      const csv = proofCsv(proofLists(await store.proofRows(), criteria), (r: ProofReason) =>
        String(t(`fleet:proof.reasons.${r}`)),
      );
      return attachment(reply, `preuve-avant-redemarrage-${day()}.csv`, 'text/csv; charset=utf-8').send(csv);
    },
  );

  app.get(
    '/api/web/export/machines/:id/report.json',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await audited(request, `report.json ${id}`);
      const body = await store.latestReport(id);
      if (!body) throw refusal(404, 'notFound');
      return attachment(reply, `rapport-${id}.json`, 'application/json; charset=utf-8').send(body);
    },
  );

  app.get(
    '/api/web/export/machines/:id/sbom.json',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await audited(request, `sbom ${id}`);
      const m = await sbomMachine(id);
      if (!m) throw refusal(404, 'notFound');
      return attachment(reply, `sbom-${m.hostname ?? id}.cdx.json`, 'application/vnd.cyclonedx+json').send(
        machineSbom(m, new Date(ctx.now())),
      );
    },
  );

  app.get('/api/web/export/sbom.json', async (request, reply) => {
    await audited(request, 'sbom fleet');
    const { machines } = await store.machines({ limit: MAX_MACHINES });
    const all: SbomMachine[] = [];
    for (const m of machines) {
      const one = await sbomMachine(m.id);
      if (one) all.push(one);
    }
    return attachment(reply, `sbom-flotte-${day()}.cdx.json`, 'application/vnd.cyclonedx+json').send(
      fleetSbom(all, 'Flotte Révision', new Date(ctx.now())),
    );
  });
}
