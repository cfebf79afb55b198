/** Opens the fleet's storage from the command line's choice: `--database postgres://…`, else SQLite in `--data DIR`. */
import { join } from 'node:path';
import { migrate } from './migrations';
import { FleetDbError, type SqlDb } from './sql';

/** Where the fleet's data lives. */
export interface FleetStorageOptions {
  /** Folder of the SQLite file (default engine). */
  readonly dataDir?: string;
  /** A postgres:// URL: use PostgreSQL instead. */
  readonly databaseUrl?: string;
}

/** The SQLite file inside a data folder. */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'fleet.sqlite');

/** Opens and migrates the database. Throws FleetDbError with a French message when it cannot. */
export async function openFleetDb(options: FleetStorageOptions): Promise<SqlDb> {
  let db: SqlDb;
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new FleetDbError('Adresse de base de données non reconnue : elle doit commencer par postgres://');
    }
    // Loaded on use: `revision checkup` and the other commands never load a database driver
    // (node:sqlite prints an experimental warning as soon as it is loaded).
    const { openPostgres } = await import('./postgres');
    db = openPostgres(options.databaseUrl);
  } else {
    if (!options.dataDir)
      throw new FleetDbError(
        'Indiquez le dossier des données (--data DOSSIER) ou une base PostgreSQL (--database postgres://…).',
      );
    const { openSqlite } = await import('./sqlite');
    db = openSqlite(sqliteFile(options.dataDir));
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw new FleetDbError(`La base de données de la flotte ne répond pas : ${(error as Error).message}`);
  }
  return db;
}
