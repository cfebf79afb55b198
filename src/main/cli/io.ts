/** What a CLI command gets: its parsed options and where to write. Tests pass their own. */
import type { Lang } from '../../shared/i18n';

/** Parsed command-line options (all optional; each command uses its own). */
export interface CliOptions {
  readonly json: boolean;
  readonly lang: Lang;
  readonly workspace: string | undefined;
  readonly capture: string | undefined;
  readonly replay: string | undefined;
  readonly schedule: string | undefined;
  readonly yes: boolean;
  readonly pdf: string | undefined;
  /** `calendar --ics FILE`. */
  readonly ics?: string | undefined;
  readonly force: boolean;
  /** Hidden `elevated-apply`: the plan file and its expected SHA-256. */
  readonly plan?: string | undefined;
  readonly sha256?: string | undefined;
  readonly help: boolean;
  /** Options of `revision fleet …` and `checkup --send`. */
  readonly fleet?: FleetCliOptions;
  /** Words after the command name (e.g. "plan" in `auto-updates plan`). */
  readonly positionals: readonly string[];
}

/** Output streams and environment. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colours, progress line). */
  readonly tty: boolean;
  /** Whether stderr is a terminal (progress lines go there); absent means no. */
  readonly errTty?: boolean;
  /** Reads one line without echo (a password), from the terminal or standard input; null at end of input. */
  readSecret?(prompt: string): Promise<string | null>;
  /** Asks a yes/no question on the terminal; resolves false when there is no terminal. */
  confirm(question: string): Promise<boolean>;
}

/** A command: returns the process exit code. */
export type CliCommand = (options: CliOptions, io: CliIo) => Promise<number>;

/** A failure the CLI reports in plain French with a non-zero exit. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Options of the fleet commands. */
export interface FleetCliOptions {
  readonly port?: string;
  readonly data?: string;
  readonly database?: string;
  readonly host?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly contact?: string;
  readonly send: boolean;
}

/** Reads one line from standard input; on a terminal the typed characters are not shown. */
export async function readSecretLine(prompt: string): Promise<string | null> {
  const { createInterface } = await import('node:readline');
  const input = process.stdin;
  const output = process.stderr;
  output.write(prompt);
  const rl = createInterface({ input, terminal: Boolean(input.isTTY) });
  // Mute the echo on a terminal: readline writes nothing when it has no output stream.
  return new Promise((resolve) => {
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      if (input.isTTY) output.write('\n');
      resolve(line);
    });
    rl.once('close', () => {
      if (!answered) resolve(null);
    });
  });
}
