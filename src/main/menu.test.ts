import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu';

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items
    .flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])])
    .filter(Boolean);

describe('the menu', () => {
  it('speaks French by default, with quit and about', () => {
    const all = labels(
      buildMenuTemplate({ lang: 'fr', platform: 'win32', isPackaged: true, onAbout: () => undefined }),
    );
    expect(all).toEqual(
      expect.arrayContaining([
        'Fichier',
        'Quitter Révision',
        'Édition',
        'Copier',
        'Coller',
        'Aide',
        'À propos de Révision',
      ]),
    );
    expect(all.join(' ')).not.toMatch(/\b(File|Edit|Quit|Paste)\b/);
  });

  it('follows the English setting', () => {
    const all = labels(
      buildMenuTemplate({ lang: 'en', platform: 'linux', isPackaged: true, onAbout: () => undefined }),
    );
    expect(all).toEqual(expect.arrayContaining(['File', 'Quit Révision', 'About Révision']));
  });

  it('offers developer tools only outside the packaged app', () => {
    const roles = (packaged: boolean) =>
      JSON.stringify(
        buildMenuTemplate({ lang: 'fr', platform: 'linux', isPackaged: packaged, onAbout: () => undefined }),
      );
    expect(roles(true)).not.toMatch(/toggleDevTools|"reload"/);
    expect(roles(false)).toMatch(/toggleDevTools/);
  });

  it('calls back for « À propos »', () => {
    let asked = 0;
    const template = buildMenuTemplate({
      lang: 'fr',
      platform: 'darwin',
      isPackaged: true,
      onAbout: () => (asked += 1),
    });
    const first = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(template[0]?.label).toBe('Révision');
    (first[0]?.click as () => void)();
    expect(asked).toBe(1);
  });
});
