/**
 * `revision checkup`: runs the contrôle technique of this computer (or replays a capture),
 * records it in the workspace history, and prints it in French (or English), or as JSON.
 * Exit 0 whenever the checkup ran, whatever it found.
 */
import { arch, hostname } from 'node:os';
import { resolve } from 'node:path';
import type { CheckupReport, Finding, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import {
  CaptureError,
  createCapturingHost,
  createReplayHost,
  loadCapture,
  type CapturingHost,
} from '../../core/exec/capture';
import type { Host } from '../../core/exec/host';
import { createLiveHost } from '../../core/exec/live-host';
import { getT } from '../../core/i18n';
import { createService } from '../../core/service';
import { APP_VERSION } from '../../core/version';
import { defaultWorkspaceDir } from '../../core/workspace/store';
import { replayError, workspaceError } from '../errors';
import { CliError, type CliCommand, type CliIo } from '../io';
import { carnetWasReset, printNotices } from '../notices';
import { sendToFleet } from './fleet-send';

/** The voyant symbols of the terminal output. */
export const STATE_SYMBOLS: Readonly<Record<FindingState, string>> = {
  ok: '✔',
  attention: '▲',
  danger: '✖',
  unknown: '?',
};

const COLOURS: Readonly<Record<FindingState, string>> = {
  ok: '\u001b[32m',
  attention: '\u001b[33m',
  danger: '\u001b[31m',
  unknown: '\u001b[90m',
};
const RESET = '\u001b[0m';

/** The human-readable report: one block per voyant, then the summary and the software count. */
export function formatCheckupText(
  report: CheckupReport,
  lang: Lang,
  options: { colour?: boolean; replayDir?: string } = {},
): string {
  const t = getT(lang);
  const lines: string[] = [];
  const os = report.machine.os;
  lines.push(t('cli:checkup.title', { host: report.machine.hostname ?? t('cli:checkup.unknownHost') }));
  lines.push(
    t('cli:checkup.system', {
      os: os ? `${os.name} ${os.version}${os.build ? ` (${os.build})` : ''}` : t('cli:checkup.unknownOs'),
    }),
  );
  if (options.replayDir) lines.push(t('cli:checkup.replayed', { dir: options.replayDir }));
  lines.push('');
  const paint = (state: FindingState, text: string): string =>
    options.colour ? `${COLOURS[state]}${text}${RESET}` : text;
  for (const f of report.findings as Finding[]) {
    lines.push(
      `${paint(f.state, `${STATE_SYMBOLS[f.state]} ${t(`cli:checkup.states.${f.state}`)}`)} — ${f.title}`,
    );
    if (f.detail.trim()) lines.push(`    ${f.detail.trim()}`);
    if (f.action.trim()) lines.push(`    → ${f.action.trim()}`);
    lines.push('');
  }
  lines.push(
    t('cli:checkup.summary', {
      ...report.summary,
      unknown: t('cli:checkup.unknownCount', { count: report.summary.unknown }),
    }),
  );
  const probeOk =
    report.probes.find((p) => p.id === 'inventory')?.status === 'ok' ||
    report.inventory.applications.length > 0;
  lines.push(
    probeOk
      ? t('cli:checkup.software', { count: report.inventory.applications.length })
      : t('cli:checkup.softwareNone'),
  );
  return lines.join('\n') + '\n';
}

async function hostFor(
  replayDir: string | undefined,
  captureDir: string | undefined,
  lang: Lang,
): Promise<{ host: Host; capturing: CapturingHost | null; now?: Date }> {
  if (replayDir) {
    try {
      const capture = await loadCapture(replayDir);
      return {
        host: createReplayHost(capture),
        capturing: null,
        now: capture.manifest.now ? new Date(capture.manifest.now) : undefined,
      };
    } catch (error) {
      if (error instanceof CaptureError) throw replayError(error, replayDir, lang);
      throw error;
    }
  }
  if (captureDir) {
    const capturing = createCapturingHost(createLiveHost());
    return { host: capturing, capturing };
  }
  return { host: createLiveHost(), capturing: null };
}

/** Runs `revision checkup`. */
export const checkupCommand: CliCommand = async (options, io: CliIo) => {
  const lang = options.lang;
  const t = getT(lang);
  if (options.help) {
    io.out(t('cli:usage') + '\n');
    return 0;
  }
  if (options.capture && options.replay) throw new CliError(t('cli:checkup.captureAndReplay'), 2);
  const replayDir = options.replay ? resolve(options.replay) : undefined;
  const captureDir = options.capture ? resolve(options.capture) : undefined;
  const { host, capturing, now } = await hostFor(replayDir, captureDir, lang);
  const home = options.workspace ? resolve(options.workspace) : defaultWorkspaceDir(io.env);

  let service;
  try {
    service = await createService({ home, host, now: now ? () => now : undefined });
  } catch (error) {
    throw workspaceError(error, home, lang);
  }
  printNotices(service.context.store, lang, io);

  const progress = io.errTty
    ? (e: { done: number; total: number; labelKey: string; phase: 'start' | 'end' }) => {
        if (e.phase === 'start')
          io.err(
            `\r\u001b[2K${t('cli:checkup.progress', { done: e.done, total: e.total, label: t(`probes:${e.labelKey}`) })}`,
          );
        if (e.phase === 'end' && e.done === e.total) io.err('\r\u001b[2K');
      }
    : undefined;
  const report = await service.context.runAndRecordCheckup(lang, progress);

  let exitCode = 0;
  if (capturing && captureDir) {
    try {
      await capturing.save(captureDir, {
        createdAt: report.generatedAt,
        appVersion: APP_VERSION,
        hostname: report.machine.hostname ?? hostname(),
        arch: arch(),
        // A replay weeks later should judge the machine as it was ("no update for 10 days", not 40).
        now: report.generatedAt,
        description: `revision checkup --capture, ${report.machine.os ? `${report.machine.os.name} ${report.machine.os.version}` : 'système non identifié'}`,
      });
    } catch (error) {
      io.err(t('cli:checkup.captureFailed', { dir: captureDir, message: (error as Error).message }) + '\n');
      exitCode = 1;
    }
  }

  if (options.fleet?.send) exitCode = Math.max(exitCode, await sendToFleet(report, home, lang, io));
  if (options.json) {
    io.out(JSON.stringify(report, null, 2) + '\n');
  } else {
    io.out(formatCheckupText(report, lang, { colour: io.tty && !io.env.NO_COLOR, replayDir }));
    const { store } = service.context;
    if (!store.readOnly)
      io.out(
        t(carnetWasReset(store) ? 'hardening:cli.recordedAfterReset' : 'cli:checkup.recorded', {
          dir: store.dir,
        }) + '\n',
      );
    if (capturing && captureDir && exitCode === 0)
      io.out(t('cli:checkup.captureSaved', { dir: captureDir }) + '\n');
  }
  return exitCode;
};
