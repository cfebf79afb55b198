import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesktopOwners, parseDpkgQuery, parseFlatpakList, parseRpmQuery, parseSnapList } from './inventory';
import { capturedOutput, fixture } from './test-support';

describe('inventory parsers', () => {
  it('lists the installed packages of this Debian (real dpkg-query output)', () => {
    const text = capturedOutput('exec', 'dpkg-query -W -f=${Package}\\t${Version}\\t${Status}\\t${Maintainer}\\n');
    const apps = parseDpkgQuery(text);
    expect(apps.length).toBe(836);
    expect(apps.find((a) => a.name === 'bash')).toMatchObject({ source: 'dpkg', version: expect.stringMatching(/^5\.2/) });
  });
  it('names the publisher without the maintainer’s e-mail address', () => {
    const apps = parseDpkgQuery(capturedOutput('exec', 'dpkg-query -W -f=${Package}\\t${Version}\\t${Status}\\t${Maintainer}\\n'));
    for (const a of apps) expect(a.publisher ?? '', a.name).not.toMatch(/@|</);
    expect(apps.find((a) => a.name === 'bash')?.publisher).toBe('Matthias Klose');
  });
  it('reads which packages ship a desktop entry (real dpkg-query -S output of this machine)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../../../tests/fixtures/programs/debian-12-this-machine/dpkg-desktop.txt'), 'utf8');
    expect([...parseDesktopOwners(text)].sort()).toEqual(['chromium', 'openjdk-17-jre', 'python3.11', 'vim-common']);
    expect(parseDesktopOwners('dpkg-query: no path found matching pattern /usr/share/applications\n').size).toBe(0);
  });
  it('skips removed-but-configured packages', () => {
    expect(parseDpkgQuery('a\t1\tinstall ok installed\tX\nb\t2\tdeinstall ok config-files\tY\n').map((a) => a.name)).toEqual(['a']);
  });
  it('refuses garbage', () => expect(() => parseDpkgQuery('not a package list')).toThrow(/illisible/));
  it('parses rpm -qa with vendor and install date ("(none)" vendor is null)', () => {
    const apps = parseRpmQuery(fixture('fedora/rpm-qa-inventory.txt'));
    expect(apps).toHaveLength(3);
    expect(apps[0]).toMatchObject({ name: 'bash', version: '5.2.26-3.fc40', publisher: 'Fedora Project', source: 'rpm', installDate: '2024-07-15T08:00:00.000Z' });
    expect(apps[2]!.publisher).toBeNull();
  });
  it('parses flatpak and snap lists (written from documentation)', () => {
    expect(parseFlatpakList('org.mozilla.firefox\t128.0\tflathub\n')).toEqual([{ name: 'org.mozilla.firefox', version: '128.0', publisher: 'flathub', source: 'flatpak' }]);
    expect(parseSnapList('Name    Version   Rev    Tracking       Publisher   Notes\ncore22  20240111  1122   latest/stable  canonical✓  base\n')[0]).toMatchObject({ name: 'core22', version: '20240111', publisher: 'canonical' });
  });
});
