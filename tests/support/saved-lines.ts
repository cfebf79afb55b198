/** Test writers (workspace/*.script.ts) print "saved <n>" after each save: this reads those lines from a child's stdout. */
import type { Readable } from 'node:stream';

/** Calls `onSaved(n)` for every whole "saved <n>" line the stream prints. */
export function onSavedLines(stream: Readable, onSaved: (n: number) => void): void {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('saved ')) onSaved(Number(line.slice(6)));
  });
}
