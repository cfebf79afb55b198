/**
 * `npm run bench`: runs every bench/*.bench.ts in turn and prints its figures.
 * Each bench module exports `run(): Promise<void>` and prints its own lines.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const only = process.argv[2];
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
console.log(`Révision benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
