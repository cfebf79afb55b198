/**
 * `revision schedule status [--json]`: the weekly watch (on or off, last and next check).
 * `revision calendar --ics FILE`: the calendar file of « Ajouter à mon agenda ».
 */
import type { Lang } from '../../../shared/i18n';
import { getT } from '../../core/i18n';
import { formatDateTime } from '../../core/report/model';
import { createService } from '../../core/service';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { CliError, type CliCommand } from '../io';

const when = (iso: string | null, lang: Lang, none: string): string =>
  iso ? formatDateTime(iso, lang) : none;

/** The `schedule` command. */
export const scheduleCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  if ((options.positionals[0] ?? 'status') !== 'status') throw new CliError(t('carnet:cli.scheduleUsage'), 2);
  const service = await createService({ home: options.workspace ?? defaultWorkspaceDir(io.env) });
  const status = await service.scheduleStatus();
  if (options.json) {
    io.out(JSON.stringify(status, null, 2) + '\n');
    return 0;
  }
  const next = status.enabled
    ? when(status.nextCheckAt, options.lang, t('carnet:cli.never'))
    : t('carnet:cli.none');
  io.out(
    t('carnet:cli.scheduleStatus', {
      state: t(status.enabled ? 'carnet:cli.on' : 'carnet:cli.off'),
      last: when(status.lastCheckAt, options.lang, t('carnet:cli.never')),
      next: status.enabled && status.late ? `${next} ${t('carnet:cli.late')}` : next,
    }) + '\n',
  );
  return 0;
};

/** The `calendar` command. */
export const calendarCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  if (!options.ics) throw new CliError(t('carnet:cli.needIcs'), 2);
  const service = await createService({ home: options.workspace ?? defaultWorkspaceDir(io.env) });
  const { path } = await service.calendarWrite({ path: options.ics, lang: options.lang });
  io.out(options.json ? JSON.stringify({ path }) + '\n' : t('carnet:cli.calendarSaved', { path }) + '\n');
  return 0;
};
