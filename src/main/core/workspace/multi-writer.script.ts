/**
 * Test helper run as a child process by lock.test.ts: opens the workspace in argv[2] and saves
 * entries `<tag> <n>` for n = argv[4], argv[4] + 1, … until killed, printing "saved <n>" once each
 * save is on disk. Any failure (a save refused because the lock stayed busy) exits 3.
 */
import { openWorkspace } from './store';

const [dir, tag, startText] = process.argv.slice(2);
if (!dir || !tag || !startText) throw new Error('usage: multi-writer.script.ts DIR TAG START');
try {
  const store = await openWorkspace(dir);
  for (let n = Number(startText); ; n += 1) {
    await store.update(
      (ws) =>
        void ws.history.push({ at: new Date().toISOString(), kind: 'note', by: tag, summary: `${tag} ${n}` }),
    );
    process.stdout.write(`saved ${n}\n`);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(3);
}
