/**
 * The fleet's schema, one set of migrations for SQLite and PostgreSQL (portable types only:
 * TEXT, INTEGER, BIGINT epoch milliseconds). Append a migration; never edit a shipped one.
 */
import type { SqlDb } from './sql';

/** Each migration: its version and its statements. */
export const FLEET_MIGRATIONS: readonly {
  readonly version: number;
  readonly statements: readonly string[];
}[] = [
  {
    version: 1,
    statements: [
      'CREATE TABLE sites (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, contact TEXT, created_at BIGINT NOT NULL)',
      'CREATE TABLE enrolment_codes (code_hash TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), created_at BIGINT NOT NULL)',
      `CREATE TABLE machines (id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), secret_hash TEXT NOT NULL,
        hostname TEXT, os_name TEXT, app_version TEXT, enrolled_at BIGINT NOT NULL, last_report_at BIGINT,
        last_generated_at BIGINT, last_report_id TEXT, states TEXT, ok INTEGER, attention INTEGER, danger INTEGER,
        unknown INTEGER, av_name TEXT, av_enabled INTEGER, av_realtime INTEGER, av_signature_at BIGINT)`,
      'CREATE INDEX machines_site ON machines (site_id)',
      'CREATE INDEX machines_last ON machines (last_report_at)',
      `CREATE TABLE reports (id TEXT PRIMARY KEY, machine_id TEXT NOT NULL REFERENCES machines(id),
        received_at BIGINT NOT NULL, generated_at BIGINT NOT NULL, body TEXT NOT NULL)`,
      'CREATE INDEX reports_machine ON reports (machine_id, received_at)',
      `CREATE TABLE daily (machine_id TEXT NOT NULL REFERENCES machines(id), day TEXT NOT NULL, states TEXT NOT NULL,
        ok INTEGER NOT NULL, attention INTEGER NOT NULL, danger INTEGER NOT NULL, unknown INTEGER NOT NULL,
        reports INTEGER NOT NULL, PRIMARY KEY (machine_id, day))`,
      'CREATE INDEX daily_day ON daily (day)',
      'CREATE TABLE users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)',
      `CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES users(name),
        csrf TEXT NOT NULL, expires_at BIGINT NOT NULL)`,
      'CREATE TABLE audit (id TEXT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT, action TEXT NOT NULL, detail TEXT)',
      'CREATE INDEX audit_at ON audit (at)',
    ],
  },
];

/** Brings the database to the latest schema, each migration in its own transaction. */
export async function migrate(db: SqlDb): Promise<number> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS fleet_schema (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
  );
  const rows = await db.query<{ v: number | null }>('SELECT MAX(version) AS v FROM fleet_schema');
  const current = Number(rows[0]?.v ?? 0);
  for (const m of FLEET_MIGRATIONS) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      for (const statement of m.statements) await tx.run(statement);
      await tx.run('INSERT INTO fleet_schema (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
    });
  }
  return FLEET_MIGRATIONS.at(-1)?.version ?? 0;
}
