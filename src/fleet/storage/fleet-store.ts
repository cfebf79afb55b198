/**
 * The fleet's data: sites and their enrolment codes, machines and their secrets, the latest full
 * report per machine, and a compact history per machine per day. Written once over `SqlDb`, so
 * SQLite and PostgreSQL run the same queries.
 */
import { randomUUID } from 'node:crypto';
import type { CheckupReport, FindingState } from '../../shared/checkup';
import { num, type SqlDb, type SqlExecutor, type SqlRow } from './sql';
import { machineFromRow, MACHINE_COLUMNS, proofRowFrom, type MachineRow, type ProofRow } from './machine-row';
import { createIngestQueue } from './ingest';
import { createEnrolmentStore } from './enrolment-store';

export { normaliseCode, sha256 } from './enrolment-store';

/** How long what is kept, in days. */
export interface Retention {
  /** Compact per-day history. */
  readonly historyDays: number;
  /** Full reports other than each machine's latest. */
  readonly reportDays: number;
}

/** Defaults: 400 days of history, 30 days of older full reports. */
export const DEFAULT_RETENTION: Retention = { historyDays: 400, reportDays: 30 };

const DAY = 86_400_000;
/** A filter of the machine list. */
export interface MachineFilter {
  readonly site?: string;
  readonly state?: FindingState;
  /** Only machines without a report since this epoch ms (« pas de nouvelles depuis 48 h »). */
  readonly silentSince?: number;
  readonly limit?: number;
  readonly offset?: number;
}

/** One day of a machine's compact history. */
export interface DailyRow {
  readonly day: string;
  readonly states: Record<string, FindingState>;
  readonly counts: Record<FindingState, number>;
  readonly reports: number;
}

/** Creates the store over an open, migrated database. */
export function createFleetStore(db: SqlDb, retention: Retention = DEFAULT_RETENTION) {
  const ingestQueue = createIngestQueue(db, retention.reportDays * DAY);
  const one = async <T extends SqlRow>(ex: SqlExecutor, sql: string, params: (string | number | null)[]) =>
    (await ex.query<T>(sql, params))[0] ?? null;

  return {
    db,
    ...createEnrolmentStore(db),
    /** Stores a validated report (full text, latest state, today's compact row); resolves once committed. */
    async ingest(machineId: string, report: CheckupReport, body: string, now = Date.now()): Promise<string> {
      const id = randomUUID();
      await ingestQueue.add({ id, machineId, report, body, receivedAt: now });
      return id;
    },

    /** Machines, newest report first, with the total matching the filter. */
    async machines(filter: MachineFilter = {}): Promise<{ total: number; machines: MachineRow[] }> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.site) where.push(`s.name = $${params.push(filter.site)}`);
      if (filter.state) where.push(`m.${filter.state === 'unknown' ? 'unknown' : filter.state} > 0`);
      if (filter.silentSince !== undefined)
        where.push(`(m.last_report_at IS NULL OR m.last_report_at < $${params.push(filter.silentSince)})`);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const from = `FROM machines m JOIN sites s ON s.id = m.site_id ${clause}`;
      const total = num((await db.query(`SELECT COUNT(*) AS n ${from}`, params))[0]?.n) ?? 0;
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), 10_000);
      const rows = await db.query(
        `SELECT ${MACHINE_COLUMNS} ${from} ORDER BY s.name, m.hostname, m.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, Math.max(filter.offset ?? 0, 0)],
      );
      return { total, machines: rows.map(machineFromRow) };
    },

    /** What « preuve avant redémarrage » needs of every machine: one lean query, no voyant JSON. */
    async proofRows(): Promise<ProofRow[]> {
      const rows = await db.query(
        `SELECT m.id, s.name AS site, s.contact AS site_contact, m.hostname, m.last_report_at, m.av_name, m.av_enabled,
          m.av_realtime, m.av_signature_at FROM machines m JOIN sites s ON s.id = m.site_id`,
      );
      const key = (r: ProofRow) => `${r.site}\u0000${r.hostname ?? ''}`;
      return rows.map(proofRowFrom).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    },

    /** One machine, or null. */
    async machine(id: string): Promise<MachineRow | null> {
      const row = await one(
        db,
        `SELECT ${MACHINE_COLUMNS} FROM machines m JOIN sites s ON s.id = m.site_id WHERE m.id = $1`,
        [id],
      );
      return row ? machineFromRow(row) : null;
    },

    /** The latest full report's JSON text of a machine, or null. */
    async latestReport(id: string): Promise<string | null> {
      const row = await one<{ body: string }>(
        db,
        'SELECT r.body FROM machines m JOIN reports r ON r.id = m.last_report_id WHERE m.id = $1',
        [id],
      );
      return row?.body ?? null;
    },

    /** A machine's compact history, newest day first. */
    async history(id: string, days = retention.historyDays): Promise<DailyRow[]> {
      const rows = await db.query(
        'SELECT day, states, ok, attention, danger, unknown, reports FROM daily WHERE machine_id = $1 ORDER BY day DESC LIMIT $2',
        [id, days],
      );
      return rows.map((r) => ({
        day: String(r.day),
        states: JSON.parse(String(r.states)) as Record<string, FindingState>,
        counts: {
          ok: num(r.ok) ?? 0,
          attention: num(r.attention) ?? 0,
          danger: num(r.danger) ?? 0,
          unknown: num(r.unknown) ?? 0,
        },
        reports: num(r.reports) ?? 0,
      }));
    },

    /** Every site, with its contact. */
    async sites(): Promise<{ id: string; name: string; contact: string | null }[]> {
      const rows = await db.query('SELECT id, name, contact FROM sites ORDER BY name');
      return rows.map((r) => ({
        id: String(r.id),
        name: String(r.name),
        contact: r.contact === null ? null : String(r.contact),
      }));
    },

    /** Deletes history older than the retention, and full reports older than theirs (never a machine's latest). */
    async prune(now = Date.now()): Promise<{ days: number; reports: number }> {
      const cutoffDay = new Date(now - retention.historyDays * DAY).toISOString().slice(0, 10);
      const days = await db.run('DELETE FROM daily WHERE day < $1', [cutoffDay]);
      const reports = await db.run(
        'DELETE FROM reports WHERE received_at < $1 AND id NOT IN (SELECT last_report_id FROM machines WHERE last_report_id IS NOT NULL)',
        [now - retention.reportDays * DAY],
      );
      return { days, reports };
    },
  };
}

/** The fleet store's API. */
export type FleetStore = ReturnType<typeof createFleetStore>;
