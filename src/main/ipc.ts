/**
 * Registers every IPC channel of src/shared/ipc.ts through one function, `registerIpc`, which
 * (1) refuses senders that are not the app's own window and page, (2) validates the arguments
 * against the channel's schema, (3) calls the core service, (4) answers with an envelope
 * `{ ok: true, result } | { ok: false, error: { code, message } }` whose message is a sentence
 * for the owner in the interface language.
 */
import { join } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import type { AppUpdateStatus } from '../shared/app-updates';
import type { CheckupProgress } from '../shared/checkup';
import type { Lang } from '../shared/i18n';
import type { Workspace } from '../shared/workspace';
import {
  channels,
  ipcContract,
  type Channel,
  type ChannelArgs,
  type ExportResult,
  type IpcEnvelope,
  type IpcErrorPayload,
  type IpcEvents,
  type IpcResults,
} from '../shared/ipc';
import { getT } from './core/i18n';
import type { RevisionService } from './core/service';
import { carnetHandlers } from './carnet-ipc';
import { openExternalSafely } from './security';

/** What the IPC layer needs from the rest of the shell. */
export interface IpcOptions {
  readonly service: RevisionService;
  /** The app window, or null before it exists / after it closed. */
  readonly getWindow: () => BrowserWindow | null;
  /** Whether a URL is the app's own page (src/main/security.ts createAppUrlMatcher). */
  readonly isAppUrl: (url: string) => boolean;
  /** The folder the save dialog opens in (the owner's Documents). */
  readonly documentsDir: () => string;
  /** Called after the owner changed the settings (the menu follows the language). */
  readonly onSettingsChanged?: (workspace: Workspace) => void;
  /** Where the app's own updates stand (src/main/updates); none outside the packaged app. */
  readonly appUpdates?: () => AppUpdateStatus;
  /** Shows the technical log file in the file manager. */
  readonly revealLog?: () => void;
}

/** The codes a core error may carry through to the renderer. */
export const errorCodes: ReadonlySet<string> = new Set<IpcErrorPayload['code']>([
  'invalid-args',
  'forbidden-sender',
  'failed',
  'cancelled',
  'not-elevated',
  'conflict',
]);

/** Programming errors and raw system errors: their messages are not for the owner. */
const technicalErrorNames: ReadonlySet<string> = new Set([
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'ZodError',
  '$ZodError',
]);

/** Turns whatever a handler threw into the error half of the envelope. */
export function toErrorPayload(error: unknown, lang: Lang): IpcErrorPayload {
  const t = getT(lang);
  if (
    !(error instanceof Error) ||
    !error.message ||
    technicalErrorNames.has(error.name) ||
    'syscall' in error ||
    'errno' in error
  ) {
    console.error('[revision] unexpected error in an IPC handler', error);
    return { code: 'failed', message: t('shell.ipc.unexpected') };
  }
  const code = (error as { code?: unknown }).code;
  return {
    code: typeof code === 'string' && errorCodes.has(code) ? (code as IpcErrorPayload['code']) : 'failed',
    // Core errors are written in French for the owner already.
    message: error.message,
  };
}

/**
 * Whether an invocation comes from our window's main frame showing our page. A page that was
 * navigated elsewhere, an iframe, or another window is refused.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): boolean {
  if (!window || window.isDestroyed()) return false;
  if (BrowserWindow.fromWebContents(event.sender) !== window) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** `carnet-entretien-<company>-<date>.pdf`, with the company name made safe for a file name. */
export function defaultPdfName(prefix: string, company: string, now: Date): string {
  const slug = company
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return [prefix, slug, date].filter(Boolean).join('-') + '.pdf';
}

/** The channel's schema check, which never throws: an exotic object (odd prototype, throwing getter) is just invalid. */
function safeParseArgs<C extends Channel>(
  channel: C,
  raw: unknown[],
): { success: true; data: unknown } | { success: false; error: { issues: unknown[] } } {
  try {
    return ipcContract[channel].args.safeParse(raw);
  } catch (error) {
    return { success: false, error: { issues: [String(error)] } };
  }
}

type Handlers = {
  [C in Channel]: (args: ChannelArgs<C>, event: IpcMainInvokeEvent) => Promise<IpcResults[C]>;
};

/** Registers every channel; returns a function that removes them all. */
export function registerIpc(options: IpcOptions): () => void {
  const { service } = options;
  const langOf = (requested?: Lang): Lang => {
    try {
      return service.context.langOf(requested);
    } catch {
      return requested ?? 'fr';
    }
  };

  const send = <E extends keyof IpcEvents>(event: E, payload: IpcEvents[E]): void => {
    const window = options.getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  };

  const exportPdf = async ({
    lang: requested,
  }: ChannelArgs<'report:exportPdf'>[0]): Promise<ExportResult> => {
    const lang = langOf(requested);
    const t = getT(lang);
    const workspace = await service.workspaceGet();
    const name = defaultPdfName(t('shell.export.fileName'), workspace.company.name, service.context.now());
    const window = options.getWindow();
    const dialogOptions: SaveDialogOptions = {
      title: t('shell.export.title'),
      buttonLabel: t('shell.export.button'),
      defaultPath: join(options.documentsDir(), name),
      filters: [{ name: t('shell.export.filter'), extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions);
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    const hasExtension = /\.pdf$/i.test(choice.filePath);
    // The dialog asked about overwriting the path it returned, not one we made by adding ".pdf".
    const path = hasExtension ? choice.filePath : `${choice.filePath}.pdf`;
    const written = await service.reportWritePdf({ path, lang, overwrite: hasExtension });
    return { status: 'saved', path: written.path, pages: written.pages };
  };

  const handlers: Handlers = {
    'app:info': () => service.appInfo(),
    'app:updates': async () =>
      options.appUpdates?.() ?? {
        version: (await service.appInfo()).version,
        signed: false,
        state: 'development',
      },
    'checkup:run': ([args]) =>
      service.checkupRun(args, (progress: CheckupProgress) => send('checkup:progress', progress)),
    'checkup:latest': () => service.checkupLatest(),
    'checkup:status': async () => service.checkupStatus(),
    'workspace:get': () => service.workspaceGet(),
    'workspace:update': async ([patch]) => {
      const workspace = await service.workspaceUpdate(patch);
      if (patch.settings) {
        try {
          options.onSettingsChanged?.(workspace);
        } catch (error) {
          console.warn('[revision] could not apply the new settings to the shell', error);
        }
      }
      return workspace;
    },
    'devices:add': ([input]) => service.devicesAdd(input),
    'devices:update': ([id, patch]) => service.devicesUpdate(id, patch),
    'devices:remove': ([id]) => service.devicesRemove(id),
    'devices:tickStep': ([args]) => service.devicesTickStep(args),
    'missions:tick': ([args]) => service.missionsTick(args),
    'software:upsert': ([input]) => service.softwareUpsert(input),
    'software:remove': ([id]) => service.softwareRemove(id),
    'autoUpdates:plan': ([args]) => service.autoUpdatesPlan(args),
    'autoUpdates:apply': ([args]) => service.autoUpdatesApply(args),
    'autoUpdates:undo': ([args]) => service.autoUpdatesUndo(args),
    'report:exportPdf': ([args]) => exportPdf(args),
    'report:email': ([args]) => service.reportEmail(args),
    'programs:openUninstall': () => service.programsOpenUninstall(),
    'programUpdates:plan': ([args]) => service.programUpdatesPlan(args),
    'programUpdates:apply': ([args]) => service.programUpdatesApply(args),
    'sites:add': ([args]) => service.sitesAdd(args),
    'sites:remove': ([id]) => service.sitesRemove(id),
    'sites:check': ([args]) => service.sitesCheck(args),
    'fleet:status': () => service.fleetStatus(),
    'fleet:join': ([args]) => service.fleetJoin(args),
    'shell:openExternal': async ([url]) => {
      let opened: boolean;
      try {
        opened = await openExternalSafely(url);
      } catch (error) {
        console.error('[revision] shell.openExternal failed', error);
        throw new Error(getT(langOf())('shell.ipc.openFailed'), { cause: error });
      }
      if (!opened)
        throw Object.assign(new Error(getT(langOf())('shell.ipc.unsafeLink')), { code: 'invalid-args' });
    },
    'shell:revealLog': async () => {
      try {
        options.revealLog?.();
      } catch (error) {
        console.error('[revision] could not show the technical log', error);
        throw new Error(getT(langOf())('appUpdates:logFailed'), { cause: error });
      }
    },
    ...carnetHandlers(options),
  };

  const handle = <C extends Channel>(channel: C): void => {
    ipcMain.handle(channel, async (event, ...raw: unknown[]): Promise<IpcEnvelope<IpcResults[C]>> => {
      const lang = langOf();
      if (!isTrustedSender(event, options.getWindow(), options.isAppUrl)) {
        console.warn(`[revision] IPC ${channel} refused: foreign sender`, event.senderFrame?.url);
        return {
          ok: false,
          error: { code: 'forbidden-sender', message: getT(lang)('shell.ipc.forbiddenSender') },
        };
      }
      const parsed = safeParseArgs(channel, raw);
      if (!parsed.success) {
        console.warn(`[revision] IPC ${channel} refused: invalid arguments`, parsed.error.issues);
        return { ok: false, error: { code: 'invalid-args', message: getT(lang)('shell.ipc.invalidArgs') } };
      }
      try {
        const result = await handlers[channel](parsed.data as ChannelArgs<C>, event);
        return { ok: true, result };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error, lang) };
      }
    });
  };

  for (const channel of channels) handle(channel);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
