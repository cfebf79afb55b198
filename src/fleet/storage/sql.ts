/**
 * The one small storage interface of the fleet: an SQL executor with transactions. Two drivers
 * implement it (embedded SQLite through node:sqlite, PostgreSQL through pg); the fleet's queries
 * and migrations are written once, in portable SQL with `$1`-style parameters only.
 */

/** A value bound to a `$n` parameter. */
export type SqlValue = string | number | null;

/** One result row, columns by name. */
export type SqlRow = Record<string, unknown>;

/** Runs parameterised SQL (never values spliced into the text). */
export interface SqlExecutor {
  /** Rows of a SELECT (or of a statement with RETURNING). */
  query<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A database: an executor plus transactions and a close. */
export interface SqlDb extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: all of its writes land, or none does. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database could not be reached or answered with an error the caller cannot fix. */
export class FleetDbError extends Error {
  override readonly name = 'FleetDbError';
}

/** Numbers come back as number (SQLite) or string (PostgreSQL BIGINT): one reader for both. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
