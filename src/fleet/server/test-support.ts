/** Helpers of the fleet server's tests: a server over a test database, an enrolled machine, a signed-in session. */
import type { FastifyInstance } from 'fastify';
import type { SqlDb } from '../storage/sql';
import { createAccountsStore } from '../storage/accounts-store';
import { createFleetStore } from '../storage/fleet-store';
import { createFleetServer, type FleetServerOptions } from './app';

/** A server, its stores, and helpers. */
export async function fleetTestServer(db: SqlDb, options: Partial<FleetServerOptions> = {}) {
  const app = createFleetServer({ db, ...options });
  const store = createFleetStore(db);
  const accounts = createAccountsStore(db);
  return {
    app,
    store,
    accounts,
    /** Enrols a machine through the API. */
    async enrol(site: string, hostname: string): Promise<{ machineId: string; secret: string }> {
      const { code } = await store.addEnrolmentCode(site, `Contact ${site}`);
      const res = await app.inject({ method: 'POST', url: '/api/v1/enrol', payload: { code, hostname } });
      if (res.statusCode !== 201) throw new Error(`enrol failed: ${res.body}`);
      return res.json();
    },
    /** Posts a report body (object or raw text) for a machine. */
    send(machineId: string, secret: string, body: unknown) {
      return app.inject({
        method: 'POST',
        url: `/api/v1/machines/${machineId}/reports`,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    /** Creates an account and signs in: returns the cookie header and CSRF token. */
    async login(app2: FastifyInstance = app): Promise<{ cookie: string; csrf: string }> {
      await accounts.setUser('kevin', 'un mot de passe solide');
      const res = await app2.inject({
        method: 'POST',
        url: '/api/web/login',
        payload: { name: 'kevin', password: 'un mot de passe solide' },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return { cookie, csrf: res.json().csrf };
    },
  };
}
