/**
 * The cost of the hardened administrator step itself (issue 16): verify a plan (O_NOFOLLOW,
 * O_NONBLOCK, owner, size, hash, schema), check the results folder link-free up to /, run the
 * plan's file operation and write the answer (fchmod, fsync, rename). Everything under a
 * throwaway root: this machine's configuration is not touched. Also the refusal of a FIFO.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { elevatedApply } from '../src/main/core/actions/elevated-apply';
import { createLiveMachineFiles } from '../src/main/core/actions/machine-files';
import { savePlanFile } from '../src/main/core/actions/plan-file';
import { aptConfigContent } from '../src/main/core/actions/planners';
import { createLiveHost } from '../src/main/core/exec/live-host';

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Prints the median time of one verified run and of a FIFO refusal. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'revision-bench-elevated-'));
  try {
    const files = createLiveMachineFiles(join(dir, 'machine'));
    const saved = await savePlanFile(join(dir, 'ws'), {
      format: 'revision-plan',
      formatVersion: 1,
      id: 'bench-1',
      purpose: 'apply',
      kind: 'auto-updates',
      platform: 'linux',
      schedule: 'always',
      createdAt: new Date().toISOString(),
      operations: [
        {
          op: 'file-write',
          path: '/etc/apt/apt.conf.d/52revision-auto-upgrades',
          content: aptConfigContent('always'),
        },
      ],
    });
    const host = createLiveHost();
    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const t = performance.now();
      await elevatedApply({
        planPath: saved.path,
        sha256: saved.sha256,
        host,
        files,
        platform: 'linux',
        resultsDir: join(dir, 'results'),
      });
      times.push(performance.now() - t);
    }
    console.log(
      `elevated step (verify + results folder check + 1 file op + answer), median of 200: ${median(times).toFixed(2)} ms`,
    );
    await mkdir(join(dir, 'fifo'));
    const fifo = join(dir, 'fifo', 'plan.json');
    await promisify(execFile)('mkfifo', [fifo]);
    const t = performance.now();
    await elevatedApply({
      planPath: fifo,
      sha256: 'a'.repeat(64),
      host,
      files,
      platform: 'linux',
      resultsDir: join(dir, 'results'),
    });
    console.log(`FIFO given as the plan, refused in: ${(performance.now() - t).toFixed(2)} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
