/**
 * Test helper run as a child process by store.test.ts: opens the workspace in argv[2] and
 * updates it in a loop (each update adds a large logbook entry), printing "saved <n>" after
 * each update is on disk, until the parent kills it with SIGKILL.
 */
import { openWorkspace } from './store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: kill-writer.script.ts DIR');
const store = await openWorkspace(dir);
const filler = 'x'.repeat(9000);
for (let n = store.read().history.length + 1; ; n += 1) {
  await store.update((ws) => {
    ws.company.name = `Entreprise ${n}`;
    ws.history.push({ at: new Date().toISOString(), kind: 'note', by: 'test', summary: `${n} ${filler}` });
  });
  process.stdout.write(`saved ${n}\n`);
}
