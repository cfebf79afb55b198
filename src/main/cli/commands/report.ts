/**
 * `revision report --pdf FILE [--force] [--lang fr|en] [--workspace DIR] [--replay DIR]`: writes the
 * carnet d'entretien, the same file as the app's « Exporter le carnet d'entretien (PDF) ».
 * `revision report email`: prints the message to the prestataire (never sends it).
 */
import { createService } from '../../core/service';
import { getT } from '../../core/i18n';
import { ReportError } from '../../core/report';
import { checkTarget } from '../../core/report/save';
import { resolve } from 'node:path';
import { CaptureError, createReplayHost, loadCapture } from '../../core/exec/capture';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { replayError, workspaceError } from '../errors';
import { CliError, type CliCommand } from '../io';
import { printNotices } from '../notices';

/** The `report` command. */
export const reportCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  const wantsEmail = options.positionals[0] === 'email';
  if (!wantsEmail && !options.pdf) throw new CliError(t('report:cli.needPdf'), 2);
  const home = options.workspace ? resolve(options.workspace) : defaultWorkspaceDir(io.env);
  let host;
  if (options.replay) {
    try {
      host = createReplayHost(await loadCapture(options.replay));
    } catch (error) {
      if (error instanceof CaptureError) throw replayError(error, resolve(options.replay), options.lang);
      throw error;
    }
  }
  let service;
  try {
    service = await createService({ home, ...(host ? { host } : {}) });
  } catch (error) {
    throw workspaceError(error, home, options.lang);
  }
  printNotices(service.context.store, options.lang, io);

  if (wantsEmail) {
    const email = await service.reportEmail({ lang: options.lang });
    if (options.json) {
      io.out(JSON.stringify(email, null, 2) + '\n');
    } else {
      io.out(
        `${email.to ? t('report:cli.emailTo', { to: email.to }) : t('report:cli.emailToNone')}\n${t('report:cli.emailSubject', { subject: email.subject })}\n\n${email.body}\n`,
      );
    }
    return 0;
  }

  try {
    // Say why it takes a while only when the file can be written at all.
    await checkTarget(resolve(options.pdf as string), options.force, options.lang);
    if (!(await service.checkupLatest())) io.err(t('report:cli.running') + '\n');
    const result = await service.reportWritePdf({
      path: options.pdf as string,
      lang: options.lang,
      overwrite: options.force,
    });
    if (options.json) io.out(JSON.stringify(result) + '\n');
    else io.out(t('report:cli.saved', { path: result.path, pages: result.pages }) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      const hint = error.code === 'exists' ? ` ${t('report:cli.existsHint')}` : '';
      throw new CliError(error.message + hint, error.code === 'exists' ? 4 : 1);
    }
    throw error;
  }
};
