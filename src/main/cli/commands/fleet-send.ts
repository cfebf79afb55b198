/** `revision checkup --send`: sends the report just made to the fleet this computer joined (queued when it cannot). */
import type { CheckupReport } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import { createFleetClientApi, FleetClientError } from '../../core/fleet';
import { getT } from '../../core/i18n';
import { CliError, type CliIo } from '../io';

/** Sends; returns the exit code (0 sent or queued, 1 refused). Messages go to stderr so --json stays clean. */
export async function sendToFleet(
  report: CheckupReport,
  home: string,
  lang: Lang,
  io: CliIo,
): Promise<number> {
  const t = getT(lang);
  let result;
  try {
    result = await createFleetClientApi({ home }).send(report);
  } catch (error) {
    if (error instanceof FleetClientError && error.kind === 'not-joined')
      throw new CliError(String(t('fleet:cli.notJoined')), 2);
    throw error;
  }
  for (const reason of result.refused) io.err(t('fleet:cli.refused', { detail: reason }) + '\n');
  if (result.waitingBecause)
    io.err(t('fleet:cli.queued', { count: result.queued, detail: result.waitingBecause }) + '\n');
  else if (result.sent > 0) io.err(t('fleet:cli.sent', { count: result.sent }) + '\n');
  return result.refused.length > 0 ? 1 : 0;
}
