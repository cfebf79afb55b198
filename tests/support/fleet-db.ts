/**
 * Both fleet engines for tests: SQLite in a temp folder, and PostgreSQL from REVISION_TEST_PG_URL
 * (set by `.ci/postgres.sh start`; a fresh database per call, dropped afterwards). Without the URL
 * the PostgreSQL tests FAIL under CI=true, and are skipped locally with a loud message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openFleetDb } from '../../src/fleet/storage/open';
import type { SqlDb } from '../../src/fleet/storage/sql';

/** The PostgreSQL URL of the tests, or undefined. */
export const pgUrl = process.env.REVISION_TEST_PG_URL || undefined;

/** Whether the PostgreSQL variants must run (true) or may be skipped (false, with a warning). */
export function pgRequired(): boolean {
  if (pgUrl) return true;
  if (process.env.CI === 'true') return true; // runs, and fails on the missing URL below
  console.warn(
    '\n!!! REVISION_TEST_PG_URL is not set: the PostgreSQL fleet tests are SKIPPED. Run: eval "$(bash .ci/postgres.sh start)"\n',
  );
  return false;
}

/** An opened, migrated database and how to throw it away; `url`/`dataDir` to reopen it. */
export interface TestDb {
  readonly db: SqlDb;
  readonly engine: 'sqlite' | 'postgres';
  readonly options: { dataDir?: string; databaseUrl?: string };
  dispose(): Promise<void>;
  /** PostgreSQL only: drops the database under the open pool (the server loses it, as in an outage). */
  pullPlug?(): Promise<void>;
}

/** A fresh SQLite database in a temp folder. */
export async function sqliteTestDb(): Promise<TestDb> {
  const dataDir = await mkdtemp(join(tmpdir(), 'revision-fleet-'));
  const db = await openFleetDb({ dataDir });
  return {
    db,
    engine: 'sqlite',
    options: { dataDir },
    dispose: async () => (
      await db.close().catch(() => undefined),
      rm(dataDir, { recursive: true, force: true })
    ),
  };
}

/** A fresh PostgreSQL database (CREATE DATABASE on the test cluster). */
export async function postgresTestDb(): Promise<TestDb> {
  if (!pgUrl)
    throw new Error('REVISION_TEST_PG_URL is not set (CI must start PostgreSQL with .ci/postgres.sh)');
  const name = `fleet_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = await openFleetDb({ databaseUrl });
  return {
    db,
    engine: 'postgres',
    options: { databaseUrl },
    async pullPlug() {
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
    async dispose() {
      await db.close().catch(() => undefined);
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The engines to run a suite against: [name, factory]. */
export function fleetEngines(): [string, () => Promise<TestDb>][] {
  return pgRequired()
    ? [
        ['sqlite', sqliteTestDb],
        ['postgres', postgresTestDb],
      ]
    : [['sqlite', sqliteTestDb]];
}
