/**
 * The Electron main entry: started with `--elevated-apply --plan P --sha256 H`, it runs the
 * verified plan and exits without starting the app (no window, no renderer); otherwise it starts
 * the app. `electron`, the app and the CLI are mocked: this checks the routing before any window.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls = { startApp: 0, main: [] as string[][], exit: [] as number[] };
vi.mock('electron', () => ({ app: { exit: (code: number) => calls.exit.push(code) } }));
vi.mock('./app', () => ({ startApp: () => void (calls.startApp += 1) }));
vi.mock('./cli/index', () => ({
  main: async (argv: string[]) => {
    calls.main.push(argv);
    return 3;
  },
  processIo: () => ({}),
}));

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
  calls.startApp = 0;
  calls.main = [];
  calls.exit = [];
  vi.resetModules();
});

describe('the Electron main entry', () => {
  it('with --elevated-apply: runs the elevated step, exits with its code, never starts the app', async () => {
    const sha = 'c'.repeat(64);
    process.argv = [
      '/opt/Révision/revision',
      '--no-sandbox',
      '--elevated-apply',
      '--plan',
      '/home/eric/p.json',
      '--sha256',
      sha,
    ];
    await import('./index');
    await vi.waitFor(() => expect(calls.exit).toEqual([3]));
    expect(calls.main).toEqual([['elevated-apply', '--plan', '/home/eric/p.json', '--sha256', sha]]);
    expect(calls.startApp).toBe(0);
  });

  it('otherwise: starts the app and runs nothing elevated', async () => {
    process.argv = ['/opt/Révision/revision', 'elevated-apply', '--plan', '/p', '--sha256', 'c'.repeat(64)];
    await import('./index');
    expect(calls.startApp).toBe(1);
    expect(calls.main).toEqual([]);
  });
});
