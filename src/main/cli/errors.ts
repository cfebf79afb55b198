/**
 * CLI errors in the owner's language: one sentence in French (English with --lang en), never a
 * mix with Node's English messages. Technical details go on a second, labelled line.
 */
import { isLang, type Lang } from '../../shared/i18n';
import { CaptureError } from '../core/exec/capture';
import { getT } from '../core/i18n';
import { WorkspaceWriteError } from '../core/workspace/store';
import { CliError } from './io';

/** The language asked on the command line (`--lang en` or `--lang=en`), read before the full parse so that its errors are in it too. */
export function requestedLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return 'fr';
}

/** A `node:util` parseArgs error as a sentence in `lang`. */
export function parseArgsError(error: unknown, lang: Lang): CliError {
  const t = getT(lang);
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? '';
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new CliError(t('hardening:cli.missingValue', { option: quoted.split(' ')[0] ?? quoted }), 2);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return new CliError(t('hardening:cli.badArgument', { arg: quoted }), 2);
  return new CliError(t('hardening:cli.badOption', { option: quoted || message.slice(0, 60) }), 2);
}

/** What a system error means, in `lang` (« accès refusé », « le disque est plein »…). */
export function systemReason(error: unknown, lang: Lang): string {
  const t = getT(lang);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const key = `hardening:cli.disk.${code}`;
  const text = t(key);
  return text === key || text === `cli.disk.${code}`
    ? t('hardening:cli.disk.other', { code: code || '?' })
    : text;
}

/** The data folder could not be opened: one sentence, the store's own French message when there is one. */
export function workspaceError(error: unknown, dir: string, lang: Lang): CliError {
  if (error instanceof WorkspaceWriteError && lang === 'fr') return new CliError(error.message, 1);
  return new CliError(
    getT(lang)('hardening:cli.workspaceFailed', { dir, reason: systemReason(error, lang) }),
    1,
  );
}

/** A capture that cannot be replayed: the capture's own French sentence, or the same in English. */
export function replayError(error: CaptureError, dir: string, lang: Lang): CliError {
  return new CliError(
    lang === 'fr'
      ? `Je ne peux pas rejouer ce contrôle. ${error.message}`
      : getT(lang)('hardening:cli.replayFailed', { dir }),
    2,
  );
}

/** Anything else: one sentence for the owner, then the technical detail on its own labelled line. */
export function unexpectedText(error: unknown, lang: Lang): string {
  const t = getT(lang);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${t('hardening:cli.unexpected')}\n${t('hardening:cli.detail', { detail: detail.replace(/\s+/g, ' ').slice(0, 300) })}`;
}

export { CaptureError };
