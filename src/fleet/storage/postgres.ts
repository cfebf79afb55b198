/** The PostgreSQL driver (pg), for a network that outgrows one PC: `--database postgres://…`. */
import pg from 'pg';
import { FleetDbError, type SqlDb, type SqlExecutor, type SqlRow, type SqlValue } from './sql';

// BIGINT (epoch milliseconds) comes back as a number: our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

function wrap(error: unknown): never {
  const e = error as { code?: string; message?: string };
  // Connection failures (no server, refused, socket gone) become one clear error the page can show.
  // 3D000: the database itself is gone; 57P0x: the server is shutting down or terminated us.
  const lost = /^(ECONNREFUSED|ENOENT|ETIMEDOUT|ECONNRESET|EPIPE|57P0\d|08\d\d\d|3D000)$/.test(e.code ?? '');
  if (lost || /Connection terminated|timeout exceeded when trying to connect/i.test(e.message ?? '')) {
    throw new FleetDbError(e.message ?? String(error));
  }
  throw error;
}

/** Connects a pool to PostgreSQL. Nothing is sent until the first query. */
export function openPostgres(url: string, options: { max?: number } = {}): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // an idle client lost: the next query reconnects
  const on = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(sql, params as SqlValue[])).rows as T[];
      } catch (error) {
        return wrap(error);
      }
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(sql, params as SqlValue[])).rowCount ?? 0;
      } catch (error) {
        return wrap(error);
      }
    },
  });
  const direct = on(pool);
  return {
    dialect: 'postgres',
    query: direct.query,
    run: direct.run,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return wrap(error);
      }
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
