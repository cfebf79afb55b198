/**
 * The « carnet d'entretien » PDF and the message to the prestataire (issue 6).
 * The same code serves the app (save dialog → reportWritePdf), the CLI (`revision report`),
 * the tests and the bench: build the model from the workspace and the latest checkup, lay it
 * out with pdfmake, save it atomically, and write the export in the logbook.
 */
import { basename, resolve } from 'node:path';
import type { CheckupReport } from '../../../shared/checkup';
import type { ChannelArgs, ProviderEmail } from '../../../shared/ipc';
import type { Lang } from '../../../shared/i18n';
import type { Workspace } from '../../../shared/workspace';
import { getT } from '../i18n';
import type { ServiceContext } from '../context';
import { buildDocument } from './document';
import { buildEmail } from './email';
import { buildReportModel, stripControls, type ReportModel } from './model';
import { csvPathFor, inventoryCsv } from './programs-section';
import { renderPdf } from './render';
import { ReportError, checkTarget, writePdfFile } from './save';

/** Re-exported for the CLI, the Electron shell, the tests and the bench. */
export { ReportError, type ReportErrorCode } from './save';
export { buildReportModel, type ReportModel } from './model';
export { buildEmail, MAILTO_MAX } from './email';

/** The report part of the service. */
export interface ReportApi {
  writePdf(args: {
    path: string;
    lang?: Lang;
    overwrite?: boolean;
  }): Promise<{ path: string; pages: number }>;
  email(args: ChannelArgs<'report:email'>[0]): Promise<ProviderEmail>;
}

/** Options of the report part. */
export interface ReportOptions {
  /** Folder holding fonts/ (default: found from the source file or the packaged app's resources). */
  readonly assetsDir?: string;
}

/** What generating a PDF in memory gives. */
export interface GeneratedReport {
  readonly bytes: Buffer;
  readonly pages: number;
  readonly model: ReportModel;
}

/** Lays out and renders the carnet from plain data (no workspace store needed: tests and bench). */
export async function generateReportPdf(
  input: {
    workspace: Workspace;
    checkup: CheckupReport | null;
    checkupError?: string | null;
    lang: Lang;
    now: Date;
    inventoryCsv?: string | null;
  },
  options: ReportOptions = {},
): Promise<GeneratedReport> {
  let model: ReportModel;
  try {
    // Names typed by the owner or read off the machine: control characters out (fonts: renderPdf).
    const cover = <T>(value: T): T =>
      JSON.parse(
        JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? stripControls(v) : v)),
      ) as T;
    model = buildReportModel({
      ...input,
      workspace: cover(input.workspace),
      checkup: input.checkup ? cover(input.checkup) : null,
      checkupError: input.checkupError ?? null,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ReportError('render', getT(input.lang)('report:errors.render', { message }), '');
  }
  try {
    const { bytes, pages } = await renderPdf(buildDocument(model, options.assetsDir), options.assetsDir);
    return { bytes, pages, model };
  } catch (error) {
    if (error instanceof ReportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ReportError('render', getT(input.lang)('report:errors.render', { message }), '');
  }
}

/** Saves the full software list beside the PDF; its file name, or null when it could not be written (the PDF says so). */
async function writeInventoryCsv(
  checkup: CheckupReport,
  pdfPath: string,
  lang: Lang,
): Promise<string | null> {
  const csvPath = csvPathFor(pdfPath, lang);
  try {
    // The CSV is the PDF's companion: a previous export's copy is replaced.
    await writePdfFile(csvPath, Buffer.from(inventoryCsv(checkup, lang), 'utf8'), true, lang);
    return basename(csvPath);
  } catch {
    return null;
  }
}

/** Creates the report API over the service's context. */
export function createReportApi(context: ServiceContext, options: ReportOptions = {}): ReportApi {
  /** The latest checkup, or a fresh one when there is none; a failed run gives a carnet that says so. */
  const checkupFor = async (lang: Lang): Promise<{ checkup: CheckupReport | null; error: string | null }> => {
    const latest = await context.latestCheckup();
    if (latest) return { checkup: latest, error: null };
    try {
      return { checkup: await context.runAndRecordCheckup(lang), error: null };
    } catch (error) {
      return { checkup: null, error: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    async writePdf(args) {
      const lang = context.langOf(args.lang);
      const path = resolve(args.path);
      const overwrite = args.overwrite ?? false;
      // Refuse early (before the checkup and the layout) when the target is obviously wrong.
      await checkTarget(path, overwrite, lang);
      const { checkup, error } = await checkupFor(lang);
      const inventoryCsv = checkup ? await writeInventoryCsv(checkup, path, lang) : null;
      const { bytes, pages } = await generateReportPdf(
        {
          workspace: context.store.read(),
          checkup,
          checkupError: error,
          lang,
          now: context.now(),
          inventoryCsv,
        },
        options,
      );
      await writePdfFile(path, bytes, overwrite, lang);
      if (!context.store.readOnly) {
        // The PDF is saved: a logbook that cannot be written must not turn that into a failure.
        await context.store
          .update((ws) => {
            ws.history.push({
              at: context.now().toISOString(),
              kind: 'report',
              by: context.user,
              summary: `report exported (${pages} pages, ${lang})`,
              key: 'history.report',
              params: { pages, lang },
            });
          })
          .catch(() => undefined);
      }
      return { path, pages };
    },
    async email(args) {
      const lang = context.langOf(args.lang);
      // The message summarises the carnet: it uses the latest checkup and never starts one.
      const checkup = await context.latestCheckup();
      const model = buildReportModel({ workspace: context.store.read(), checkup, lang, now: context.now() });
      return buildEmail(model);
    },
  };
}
