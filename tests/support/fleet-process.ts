/** Starts the fleet server in a child process (real HTTP on loopback) for benches and fault tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FleetStorageOptions } from '../../src/fleet/storage/open';

const SCRIPT = join(import.meta.dirname, '../../src/fleet/server/serve.script.ts');

/** A running server process. */
export interface FleetProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Peak resident memory so far, bytes (Linux /proc). */
  peakRss(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `node --import tsx serve.script.ts` and waits for its port. */
export async function startFleetProcess(
  options: FleetStorageOptions & { reportRate?: { max: number; windowMs: number } },
): Promise<FleetProcess> {
  // FLEET_SERVER_NODE_ARGS: e.g. --cpu-prof, to profile the server alone.
  const extra = process.env.FLEET_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...extra, '--no-warnings', '--import', 'tsx', SCRIPT, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      const m = /^LISTENING (\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`fleet server exited (${code}): ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    peakRss() {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
