/**
 * IPC handlers of the register, the weekly watch and the calendar (issue 14). The calendar's
 * « Ajouter à mon agenda » asks where to save the .ics with the system's save dialog.
 */
import { join } from 'node:path';
import { dialog, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import type { Channel, ChannelArgs, ExportResult, IpcResults } from '../shared/ipc';
import { getT } from './core/i18n';
import type { IpcOptions } from './ipc';

type CarnetChannel =
  | 'carnet:overview'
  | 'carnet:restore'
  | 'tasks:assign'
  | 'tasks:tick'
  | 'software:scenario'
  | 'software:test'
  | 'software:vendorAnswer'
  | 'software:vendorQuestion'
  | 'software:brokenMessage'
  | 'schedule:status'
  | 'calendar:export';

type Handlers<K extends Channel> = {
  [C in K]: (args: ChannelArgs<C>, event: IpcMainInvokeEvent) => Promise<IpcResults[C]>;
};

/** Asks where to save the .ics, then writes it. */
async function exportCalendar(
  options: IpcOptions,
  requested: ChannelArgs<'calendar:export'>[0],
): Promise<ExportResult> {
  const { service } = options;
  const lang = service.context.langOf(requested.lang);
  const t = getT(lang);
  const window = options.getWindow();
  const dialogOptions: SaveDialogOptions = {
    title: t('carnet:journal.calendar'),
    defaultPath: join(options.documentsDir(), 'revision-agenda.ics'),
    filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const choice = window
    ? await dialog.showSaveDialog(window, dialogOptions)
    : await dialog.showSaveDialog(dialogOptions);
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  const path = /\.ics$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.ics`;
  const written = await service.calendarWrite({ path, lang });
  return { status: 'saved', path: written.path, pages: 0 };
}

/** The handlers of the issue-14 channels. */
export function carnetHandlers(options: IpcOptions): Handlers<CarnetChannel> {
  const { service } = options;
  return {
    'carnet:overview': () => service.carnetOverview(),
    'carnet:restore': ([id]) => service.carnetRestore(id),
    'tasks:assign': ([input]) => service.tasksAssign(input),
    'tasks:tick': ([input]) => service.tasksTick(input),
    'software:scenario': ([input]) => service.softwareScenario(input),
    'software:test': ([input]) => service.softwareTest(input),
    'software:vendorAnswer': ([input]) => service.softwareVendorAnswer(input),
    'software:vendorQuestion': ([args]) => service.softwareVendorQuestion(args),
    'software:brokenMessage': ([args]) => service.softwareBrokenMessage(args),
    'schedule:status': () => service.scheduleStatus(),
    'calendar:export': ([args]) => exportCalendar(options, args),
  };
}
