/**
 * Packaging of the code that runs as administrator (issue 16, item 4): the fuses the afterPack
 * hook writes (run for real by @electron/fuses on a stand-in fuse wire, the Electron binary
 * cannot be downloaded here), the per-machine Windows install, and the polkit action shipped in
 * the deb naming the executable electron-builder installs.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';
import { SENTINEL } from '@electron/fuses/dist/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterPack,
  fuseConfig,
  packagedExecutable,
  resourcesDir,
  signingInfo,
} from '../../build/after-pack.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** electron-builder's own YAML reader. */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
type BuilderConfig = {
  productName: string;
  afterPack: string;
  asar: boolean;
  nsis: { perMachine: boolean; allowToChangeInstallationDirectory: boolean };
  linux: { executableName: string };
  deb: { fpm: string[] };
};
const readConfig = async (): Promise<BuilderConfig> =>
  yaml.load(await readFile(join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revision-fuses-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the Electron fuses of a packaged build', () => {
  it('the hook config is a valid @electron/fuses V1 config with the six fuses the review asked for', () => {
    const typed: FuseV1Config = fuseConfig;
    expect(typed.version).toBe(FuseVersion.V1);
    const byName = Object.fromEntries(
      Object.entries(typed)
        .filter(([k]) => /^\d+$/.test(k))
        .map(([k, v]) => [FuseV1Options[Number(k)], v]),
    );
    expect(byName).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    });
  });

  it('the hook writes them into the executable electron-builder produced (read back by @electron/fuses)', async () => {
    // A stand-in for the Electron binary: the fuse wire as Electron 45 ships it (8 fuses, defaults).
    const wire = Buffer.from([1, 8, ...Buffer.from('10110000')]);
    const exe = join(dir, 'revision');
    await writeFile(exe, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), wire, Buffer.from('…')]));
    const context = {
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'revision' } },
    };
    expect(packagedExecutable(context)).toBe(exe);
    await mkdir(resourcesDir(context), { recursive: true });
    await afterPack(context);
    const read = await getCurrentFuseWire(exe);
    const on = (o: FuseV1Options): boolean => read[o] === 49;
    expect(on(FuseV1Options.RunAsNode)).toBe(false);
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe(true);
    expect(
      packagedExecutable({
        ...context,
        electronPlatformName: 'win32',
        packager: { appInfo: { productFilename: 'Révision' } },
      }),
    ).toBe(join(dir, 'Révision.exe'));
  });

  it('the hook records whether the build is signed: a Linux package never is', async () => {
    expect(JSON.parse(await readFile(join(dir, 'resources', 'signing.json'), 'utf8'))).toEqual({
      signed: false,
      notarized: false,
    });
    expect(signingInfo({ WIN_CSC_LINK: 'cert.pfx' }, 'win32')).toEqual({ signed: true, notarized: false });
    expect(signingInfo({}, 'win32').signed).toBe(false);
    expect(signingInfo({ CSC_NAME: 'Developer ID Application: X' }, 'darwin')).toEqual({
      signed: true,
      notarized: false,
    });
    const apple = {
      CSC_LINK: 'c.p12',
      APPLE_ID: 'a@b.fr',
      APPLE_APP_SPECIFIC_PASSWORD: 'p',
      APPLE_TEAM_ID: 'T',
    };
    expect(signingInfo(apple, 'darwin')).toEqual({ signed: true, notarized: true });
    expect(signingInfo({ CSC_LINK: 'cert.pfx' }, 'linux').signed).toBe(false);
  });

  it('the update feed is generic, its address comes from the build environment only', async () => {
    const config = (await readConfig()) as BuilderConfig & { publish: { provider: string; url: string } };
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.REVISION_UPDATE_URL}' });
  });

  it('electron-builder runs that hook, on an asar package', async () => {
    const config = await readConfig();
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(config.asar).toBe(true);
  });
});

describe('where the administrator code is installed', () => {
  it('Windows: per machine, always under Program Files', async () => {
    const config = await readConfig();
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.allowToChangeInstallationDirectory).toBe(false);
  });

  it('Linux: the deb ships a polkit action naming the executable it installs under /opt', async () => {
    const config = await readConfig();
    const [source, target] = (config.deb.fpm.find((a) => a.includes('polkit-1/actions')) ?? '').split('=');
    expect(target).toBe('/usr/share/polkit-1/actions/fr.revision.app.policy');
    const policy = await readFile(join(REPO, source!), 'utf8');
    // electron-builder installs the deb's files into /opt/<productName>/<executableName>.
    const exe = `/opt/${config.productName}/${config.linux.executableName}`;
    expect(policy).toContain(`<annotate key="org.freedesktop.policykit.exec.path">${exe}</annotate>`);
    expect(policy).toMatch(/<allow_active>auth_admin<\/allow_active>/);
    expect(policy).not.toMatch(/auth_admin_keep|<allow_\w+>yes</);
  });
});
