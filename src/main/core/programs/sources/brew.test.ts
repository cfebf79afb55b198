import { describe, expect, it } from 'vitest';
import { caskToken, parseBrewOutdated, parseMasOutdated } from './brew';

// Written from documentation: the v2 shape of Homebrew's `brew outdated --json=v2` (Library/Homebrew/cmd/outdated.rb,
// Homebrew/brew pull request #7927) and the line format of `mas outdated` (mas README). No real capture available.
const BREW = JSON.stringify({
  formulae: [
    {
      name: 'git',
      installed_versions: ['2.45.0'],
      current_version: '2.47.1',
      pinned: false,
      pinned_version: null,
    },
  ],
  casks: [
    { name: 'firefox', installed_versions: ['131.0'], current_version: '133.0' },
    { name: 'google-chrome', installed_versions: '130.0.6723.92', current_version: '131.0.6778.86' },
  ],
});

describe('Homebrew and App Store updates', () => {
  it('reads the casks (programs) and leaves command-line formulae out', () => {
    expect(parseBrewOutdated(BREW)).toEqual([
      { name: 'firefox', id: 'firefox', version: '131.0', available: '133.0' },
      { name: 'google-chrome', id: 'google-chrome', version: '130.0.6723.92', available: '131.0.6778.86' },
    ]);
    expect(caskToken('Google Chrome')).toBe('google-chrome');
  });
  it('refuses garbage instead of reading it as « nothing to update »', () => {
    expect(() => parseBrewOutdated('Error: Unknown command')).toThrow(/illisible/);
    expect(() => parseBrewOutdated('{}')).toThrow(/absente/);
  });
  it('reads mas outdated lines', () => {
    expect(parseMasOutdated('497799835 Xcode (15.0 -> 15.1)\n409183694 Keynote (13.1 -> 14.0)\n')).toEqual([
      { name: 'Xcode', id: '497799835', version: '15.0', available: '15.1' },
      { name: 'Keynote', id: '409183694', version: '13.1', available: '14.0' },
    ]);
    expect(parseMasOutdated('')).toEqual([]);
  });
});
