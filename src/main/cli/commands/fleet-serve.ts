/** `revision fleet serve`: runs the fleet server until Ctrl+C (HTTPS with --cert/--key, or HTTP behind a proxy). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { createFleetServer } from '../../../fleet/server/app';
import { createFleetStore } from '../../../fleet/storage/fleet-store';
import { CliError, type CliIo, type CliOptions } from '../io';
import { openFromOptions } from './fleet';

/** Where the built web page is looked for (`npm run build:fleet-web`). */
export function fleetWebDir(env: NodeJS.ProcessEnv): string | undefined {
  const dir = env.REVISION_FLEET_WEB ?? resolve(import.meta.dirname, '../../../../out/fleet-web');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/** Runs the server; resolves with the exit code when it is stopped. */
export async function fleetServe(options: CliOptions, io: CliIo, t: TFunction): Promise<number> {
  const f = options.fleet;
  const port = Number(f?.port ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`Port non valable « ${f?.port} ».`, 2);
  if (Boolean(f?.cert) !== Boolean(f?.key))
    throw new CliError('Indiquez à la fois --cert et --key (fichiers PEM), ou aucun des deux.', 2);
  let https: { cert: Buffer; key: Buffer } | undefined;
  try {
    https = f?.cert && f.key ? { cert: readFileSync(f.cert), key: readFileSync(f.key) } : undefined;
  } catch (error) {
    throw new CliError(`Je n’ai pas pu lire le certificat : ${(error as Error).message}`, 2);
  }
  const db = await openFromOptions(options, io);
  const app = createFleetServer({
    db,
    https,
    webDir: fleetWebDir(io.env),
    trustProxy: io.env.REVISION_FLEET_TRUST_PROXY === '1',
    logger: { level: io.env.REVISION_FLEET_LOG ?? 'warn' },
  });
  const store = createFleetStore(db);
  await store.prune();
  const pruning = setInterval(() => void store.prune().catch(() => undefined), 6 * 3_600_000);
  const address = await app.listen({ host: f?.host ?? '127.0.0.1', port });
  io.out(
    t('fleet:cli.serving', {
      url: address,
      storage: db.dialect === 'postgres' ? 'PostgreSQL' : (f?.data ?? 'SQLite'),
    }) + '\n',
  );
  return new Promise((done) => {
    const stop = () => {
      clearInterval(pruning);
      void app
        .close()
        .then(() => db.close())
        .then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
