#!/usr/bin/env node
/**
 * `revision`: the command line. Parses arguments, calls the core, prints.
 * Exit 0 when the command ran (whatever the checkup found); non-zero only when it could not
 * run, with a message in French.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { isLang } from '../../shared/i18n';
import { getT } from '../core/i18n';
import { checkupCommand } from './commands/checkup';
import { autoUpdatesCommand } from './commands/auto-updates';
import { elevatedApplyCommand } from './commands/elevated-apply';
import { reportCommand } from './commands/report';
import { programsCommand } from './commands/programs';
import { siteCommand } from './commands/site';
import { calendarCommand, scheduleCommand } from './commands/time';
import { fleetCommand, fleetOptions } from './commands/fleet';
import { CliError, readSecretLine, type CliCommand, type CliIo, type CliOptions } from './io';
import { parseArgsError, requestedLang, unexpectedText } from './errors';
import { guardPipe } from './pipes';

const commands: Record<string, CliCommand> = {
  checkup: checkupCommand,
  'auto-updates': autoUpdatesCommand,
  /** Hidden: the elevated step of a plan (see core/actions/elevated-apply.ts). */
  'elevated-apply': elevatedApplyCommand,
  report: reportCommand,
  programs: programsCommand,
  site: siteCommand,
  schedule: scheduleCommand,
  calendar: calendarCommand,
  fleet: fleetCommand,
};

/** Parses argv (without node and script). Throws CliError on unknown options. */
export function parseCli(argv: readonly string[]): { command: string | undefined; options: CliOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        workspace: { type: 'string' },
        capture: { type: 'string' },
        replay: { type: 'string' },
        schedule: { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        pdf: { type: 'string' },
        ics: { type: 'string' },
        force: { type: 'boolean', default: false },
        plan: { type: 'string' },
        sha256: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...fleetOptions,
      },
    });
  } catch (error) {
    throw parseArgsError(error, requestedLang(argv));
  }
  const v = parsed.values;
  const lang = v.lang ?? 'fr';
  if (!isLang(lang)) throw new CliError(getT('fr')('hardening:cli.badLang', { lang }), 2);
  const [command, ...positionals] = parsed.positionals;
  return {
    command,
    options: {
      json: v.json ?? false,
      lang,
      workspace: v.workspace,
      capture: v.capture,
      replay: v.replay,
      schedule: v.schedule,
      yes: v.yes ?? false,
      pdf: v.pdf,
      ics: v.ics,
      force: v.force ?? false,
      plan: v.plan,
      sha256: v.sha256,
      help: v.help ?? false,
      fleet: { port: v.port, data: v.data, database: v.database, host: v.host, cert: v.cert, key: v.key, contact: v.contact, send: v.send ?? false },
      positionals,
    },
  };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: string | undefined;
  let options: CliOptions;
  try {
    ({ command, options } = parseCli(argv));
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  const t = getT(options.lang);
  if (!command || options.help && !command) {
    io.out(t('cli:usage') + '\n');
    return command ? 0 : options.help ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    io.err(t('cli:unknownCommand', { command }) + '\n');
    return 2;
  }
  try {
    return await run(options, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(unexpectedText(error, options.lang) + '\n');
    return 1;
  }
}

/** The real terminal. */
export function processIo(): CliIo {
  const stdout = guardPipe(process.stdout);
  const stderr = guardPipe(process.stderr);
  return {
    out: (text) => void (stdout.closed() || process.stdout.write(text)),
    err: (text) => void (stderr.closed() || process.stderr.write(text)),
    env: process.env,
    tty: Boolean(process.stdout.isTTY),
    errTty: Boolean(process.stderr.isTTY),
    readSecret: readSecretLine,
    async confirm(question) {
      if (!process.stdin.isTTY) return false;
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        const answer = await rl.question(`${question} [o/N] `);
        return /^(o|oui|y|yes)$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (!process.stderr.destroyed) process.stderr.write(unexpectedText(error, requestedLang(process.argv.slice(2))) + '\n');
      process.exitCode = 1;
    },
  );
}
