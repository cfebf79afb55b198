/**
 * Test helper run as a child process by store.test.ts: opens the workspace in argv[2] and
 * updates it in a loop (each update adds a large logbook entry), printing "saved <n>" after
 * each update is on disk. Without a count (argv[3]) it runs until the parent kills it with
 * SIGKILL; with one, it stops after that many updates, tagging its entries with argv[4].
 */
import { openWorkspace } from './store';

const [dir, countText, tag = 'child'] = process.argv.slice(2);
if (!dir) throw new Error('usage: kill-writer.script.ts DIR [COUNT] [TAG]');
const count = countText ? Number(countText) : Infinity;
const store = await openWorkspace(dir);
const filler = 'x'.repeat(9000);
const start = store.read().history.length + 1;
for (let n = start; n < start + count; n += 1) {
  await store.update((ws) => {
    ws.company.name = `Entreprise ${n}`;
    ws.history.push({ at: new Date().toISOString(), kind: 'note', by: tag, summary: `${n} ${filler}` });
  });
  process.stdout.write(`saved ${n}\n`);
}
