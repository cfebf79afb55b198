/**
 * Writing reports with group commit: reports that arrive together are written in one
 * transaction (one disk flush for many), and each sender is answered only once its report is
 * committed. A batch that fails is retried report by report, so one bad report never sinks
 * the others.
 */
import type { CheckupReport } from '../../shared/checkup';
import { summarizeReport } from '../summary';
import type { SqlDb, SqlExecutor } from './sql';

/** One report to write. */
export interface IngestItem {
  readonly id: string;
  readonly machineId: string;
  readonly report: CheckupReport;
  readonly body: string;
  readonly receivedAt: number;
}

/** Most reports per transaction. */
const MAX_BATCH = 64;

const bool = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

/** Writes one report inside a transaction: full text, machine's latest state, today's compact row, old reports pruned. */
export async function writeReport(tx: SqlExecutor, item: IngestItem, keepReportsMs: number): Promise<void> {
  const s = summarizeReport(item.report);
  const { id, machineId, receivedAt } = item;
  const states = JSON.stringify(s.states);
  const av = s.antivirus;
  const c = s.counts;
  await tx.run(
    'INSERT INTO reports (id, machine_id, received_at, generated_at, body) VALUES ($1, $2, $3, $4, $5)',
    [id, machineId, receivedAt, s.generatedAt, item.body],
  );
  await tx.run(
    `UPDATE machines SET hostname = $2, os_name = $3, app_version = $4, last_report_at = $5, last_generated_at = $6,
      last_report_id = $7, states = $8, ok = $9, attention = $10, danger = $11, unknown = $12, av_name = $13,
      av_enabled = $14, av_realtime = $15, av_signature_at = $16 WHERE id = $1`,
    [
      machineId,
      s.hostname,
      s.osName,
      item.report.appVersion,
      receivedAt,
      s.generatedAt,
      id,
      states,
      c.ok,
      c.attention,
      c.danger,
      c.unknown,
      av.name,
      bool(av.enabled),
      bool(av.realTime),
      av.signatureAt,
    ],
  );
  await tx.run(
    `INSERT INTO daily (machine_id, day, states, ok, attention, danger, unknown, reports) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
     ON CONFLICT (machine_id, day) DO UPDATE SET states = excluded.states, ok = excluded.ok, attention = excluded.attention,
     danger = excluded.danger, unknown = excluded.unknown, reports = daily.reports + 1`,
    [
      machineId,
      new Date(receivedAt).toISOString().slice(0, 10),
      states,
      c.ok,
      c.attention,
      c.danger,
      c.unknown,
    ],
  );
  await tx.run('DELETE FROM reports WHERE machine_id = $1 AND received_at < $2 AND id <> $3', [
    machineId,
    receivedAt - keepReportsMs,
    id,
  ]);
}

/** Creates the queue: `add` resolves when the report is committed, rejects when it could not be. */
export function createIngestQueue(db: SqlDb, keepReportsMs: number) {
  type Pending = { item: IngestItem; resolve: () => void; reject: (e: unknown) => void };
  let pending: Pending[] = [];
  // SQLite has one writer; PostgreSQL overlaps a few transactions on its pool.
  const maxWriters = db.dialect === 'postgres' ? 4 : 1;
  let writers = 0;

  async function writeBatch(batch: Pending[]): Promise<void> {
    try {
      await db.transaction(async (tx) => {
        for (const p of batch) await writeReport(tx, p.item, keepReportsMs);
      });
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const p of batch)
        await db.transaction((tx) => writeReport(tx, p.item, keepReportsMs)).then(p.resolve, p.reject);
    }
  }

  async function drain(): Promise<void> {
    writers += 1;
    while (pending.length > 0) {
      // Same lock order in every transaction (by machine), so overlapping batches never deadlock.
      const batch = pending
        .slice(0, MAX_BATCH)
        .sort((a, b) => (a.item.machineId < b.item.machineId ? -1 : 1));
      pending = pending.slice(batch.length);
      await writeBatch(batch);
    }
    writers -= 1;
  }

  return {
    add(item: IngestItem): Promise<void> {
      return new Promise((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (writers < maxWriters) void drain();
      });
    },
  };
}
