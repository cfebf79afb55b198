/**
 * A fleet server in its own process, for the bench (its memory is measured alone) and the
 * kill-during-ingestion test. Run: node --import tsx serve.script.ts '{"dataDir":…}' → prints
 * `LISTENING <port>` once ready.
 */
import { createFleetServer } from './app';
import { openFleetDb, type FleetStorageOptions } from '../storage/open';

const options = JSON.parse(process.argv[2] ?? '{}') as FleetStorageOptions & {
  reportRate?: { max: number; windowMs: number };
};
const db = await openFleetDb(options);
const app = createFleetServer({ db, reportRate: options.reportRate });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0)),
);
