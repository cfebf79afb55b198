/**
 * The app menu, in the interface language: file (quit), edit (for text fields), view (text size),
 * window, help (about). Developer tools only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../shared/i18n';
import { getT } from './core/i18n';

/** What the menu needs to know. */
export interface MenuOptions {
  readonly lang: Lang;
  readonly platform: NodeJS.Platform;
  /** Developer tools and reload are offered only when the app is not packaged. */
  readonly isPackaged: boolean;
  /** Shows the « À propos » box. */
  readonly onAbout: () => void;
}

/** The menu template (Menu.buildFromTemplate turns it into the menu). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = getT(options.lang);
  const m = (key: string): string => t(`shell.menu.${key}`);
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: m('zoomIn') },
    { role: 'zoomOut', label: m('zoomOut') },
    { role: 'resetZoom', label: m('resetZoom') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: m('fullScreen') },
  ];
  if (!options.isPackaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: m('reload') },
      { role: 'toggleDevTools', label: m('devTools') },
    );
  }
  const about: MenuItemConstructorOptions = { label: m('about'), click: () => options.onAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') {
    template.push({
      label: 'Révision',
      submenu: [about, { type: 'separator' }, { role: 'quit', label: m('quit') }],
    });
  } else {
    template.push({ label: m('file'), submenu: [{ role: 'quit', label: m('quit') }] });
  }
  template.push(
    {
      label: m('edit'),
      submenu: [
        { role: 'undo', label: m('undo') },
        { role: 'redo', label: m('redo') },
        { type: 'separator' },
        { role: 'cut', label: m('cut') },
        { role: 'copy', label: m('copy') },
        { role: 'paste', label: m('paste') },
        { role: 'selectAll', label: m('selectAll') },
      ],
    },
    { label: m('view'), submenu: view },
    {
      label: m('window'),
      submenu: [
        { role: 'minimize', label: m('minimize') },
        { role: 'close', label: m('close') },
      ],
    },
  );
  if (options.platform !== 'darwin') template.push({ label: m('help'), submenu: [about] });
  return template;
}
