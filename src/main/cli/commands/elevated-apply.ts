/**
 * `revision elevated-apply --plan FILE --sha256 HEX` (hidden): the administrator step of a plan.
 * Started by the app through pkexec, osascript or UAC; executes only a verified plan file and
 * writes its answer in the administrator's results folder. Exit 0 applied, 1 failed or rolled
 * back, 3 refused (nothing created; `refused (<why>)` on standard output).
 */
import { resolve } from 'node:path';
import { elevatedApply } from '../../core/actions/elevated-apply';
import { createLiveHost } from '../../core/exec/live-host';
import { getT } from '../../core/i18n';
import { CliError, type CliCommand } from '../io';

/** Runs the hidden elevated step. */
export const elevatedApplyCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  if (!options.plan || !options.sha256) throw new CliError(t('cli:autoUpdates.elevatedUsage'), 2);
  const result = await elevatedApply({
    planPath: resolve(options.plan),
    sha256: options.sha256.toLowerCase(),
    host: createLiveHost(),
  });
  io.out(`${result.outcome}${result.refusal ? ` (${result.refusal})` : ''}\n`);
  if (result.outcome === 'refused') return 3;
  return result.outcome === 'applied' || result.outcome === 'nothing-to-do' ? 0 : 1;
};
