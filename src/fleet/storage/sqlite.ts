/** The embedded driver: a SQLite file through Node's built-in node:sqlite (nothing to install). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqlDb, SqlExecutor, SqlRow, SqlValue } from './sql';

// `$1` → `?1`: SQLite's numbered parameter, so the same SQL text serves both engines.
const toSqlite = (sql: string): string => sql.replace(/\$(\d+)/g, '?$1');

/**
 * Opens (creating if needed) the fleet's SQLite file. WAL with synchronous=NORMAL: a committed
 * report survives the server being killed (tested); only a power cut may lose the last commits
 * (the file stays consistent). FULL would flush on every commit on the event loop's thread,
 * which halves the intake on a busy disk; PostgreSQL is the choice when power cuts matter.
 */
export function openSqlite(file: string): SqlDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  const cache = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(toSqlite(sql));
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const exec: SqlExecutor = {
    async query<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...(params as SQLInputValue[])) as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return Number(prepare(sql).run(...(params as SQLInputValue[])).changes);
    },
  };
  // node:sqlite is synchronous on one connection: transactions take turns, and plain statements
  // wait for the running transaction, so no statement slips into another's transaction.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    query: (sql, params) => serial(() => exec.query(sql, params)),
    run: (sql, params) => serial(() => exec.run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(exec);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    async close() {
      await serial(async () => db.close());
    },
  };
}
