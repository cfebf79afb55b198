/**
 * `revision site check URL [--json] [--lang fr|en] [--capture DIR | --replay DIR]`: the website's
 * contrôle technique in a terminal. Exit 0 whenever the check ran, whatever it found; 2 when the
 * address is refused (with the reason in French or English).
 */
import { resolve } from 'node:path';
import type { Lang } from '../../../shared/i18n';
import type { SiteReport } from '../../../shared/site';
import { CaptureError, createCapturingHost, createReplayHost, loadCapture } from '../../core/exec/capture';
import type { Host } from '../../core/exec/host';
import { createLiveHost } from '../../core/exec/live-host';
import { getT } from '../../core/i18n';
import { SiteAddressError, localSitesAllowed, parseSiteAddress } from '../../core/site/address';
import { checkSite } from '../../core/site/check';
import { APP_VERSION } from '../../core/version';
import { CliError, type CliCommand } from '../io';
import { STATE_SYMBOLS } from './checkup';

/** The human-readable site report: the voyants, what to ask, then the technical detail. */
export function formatSiteText(report: SiteReport, lang: Lang): string {
  const t = getT(lang);
  const lines = [t('site:cli.title', { url: report.url }), ''];
  for (const f of report.findings) {
    lines.push(`${STATE_SYMBOLS[f.state]} ${f.title}`, `    ${f.detail}`, `    → ${f.action}`, '');
  }
  if (report.ask.length > 0) lines.push(t('site:cli.ask', { ask: report.ask.join(t('site:cli.and')) }), '');
  lines.push(t('site:cli.technical'));
  if (report.software)
    lines.push(
      `  ${report.software.name} ${report.software.version ?? '?'} — ${report.software.signs.join(' ; ')}`,
    );
  if (report.language) lines.push(`  PHP ${report.language.version} — ${report.language.sign}`);
  if (report.certificate)
    lines.push(
      `  ${t('site:cli.certificate', { issuer: report.certificate.issuer ?? '?', end: report.certificate.validTo ?? '?' })}`,
    );
  for (const q of report.requests)
    lines.push(`  GET ${q.url} → ${q.status ?? q.error ?? '?'} (${q.durationMs} ms)`);
  for (const f of report.findings) if (f.reason) lines.push(`  ${f.id}: ${f.reason}`);
  lines.push(
    '',
    t('site:cli.checkedAt', {
      date: new Date(report.checkedAt).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB'),
    }),
  );
  return lines.join('\n') + '\n';
}

async function hostFor(
  replay: string | undefined,
  capture: string | undefined,
  lang: Lang,
): Promise<{ host: Host; save?: (r: SiteReport) => Promise<void>; now?: Date }> {
  if (replay) {
    try {
      const c = await loadCapture(resolve(replay));
      return { host: createReplayHost(c), ...(c.manifest.now ? { now: new Date(c.manifest.now) } : {}) };
    } catch (error) {
      if (error instanceof CaptureError)
        throw new CliError(getT(lang)('cli:checkup.replayFailed', { message: error.message }), 2);
      throw error;
    }
  }
  if (!capture) return { host: createLiveHost() };
  const capturing = createCapturingHost(createLiveHost());
  const save = (r: SiteReport) =>
    capturing.save(resolve(capture), {
      createdAt: r.checkedAt,
      now: r.checkedAt,
      appVersion: APP_VERSION,
      hostname: null,
      description: `revision site check ${r.url}`,
    });
  return { host: capturing, save };
}

/** Runs `revision site check URL`. */
export const siteCommand: CliCommand = async (options, io) => {
  const t = getT(options.lang);
  const [verb, address] = options.positionals;
  if (verb !== 'check' || !address || options.help) {
    io.out(t('site:cli.usage') + '\n');
    return options.help ? 0 : 2;
  }
  if (options.capture && options.replay) throw new CliError(t('cli:checkup.captureAndReplay'), 2);
  const allowLocal = localSitesAllowed(io.env);
  try {
    parseSiteAddress(address, allowLocal);
  } catch (error) {
    if (error instanceof SiteAddressError) throw new CliError(t(`site:address.${error.problem}`), 2);
    throw error;
  }
  const { host, save, now } = await hostFor(options.replay, options.capture, options.lang);
  const report = await checkSite(address, {
    host,
    now: now ?? new Date(),
    lang: options.lang,
    appVersion: APP_VERSION,
    allowLocal,
  });
  if (save) await save(report);
  io.out(options.json ? JSON.stringify(report, null, 2) + '\n' : formatSiteText(report, options.lang));
  return 0;
};
