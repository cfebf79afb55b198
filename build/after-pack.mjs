// @ts-check
/**
 * electron-builder `afterPack` hook: sets the Electron fuses of the packaged executable, before
 * it is signed and wrapped into an installer. The code that runs as administrator is this
 * executable: it must not be turned into a plain Node (RunAsNode, NODE_OPTIONS, --inspect) nor
 * load code from outside the packaged, integrity-checked app.asar.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/**
 * The fuses written into every packaged build (checked by build/after-pack.test.ts).
 * @type {import('@electron/fuses').FuseV1Config}
 */
export const fuseConfig = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

/**
 * The packaged executable (or .app bundle) electron-builder just wrote.
 * @param {{ appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string } } }} context
 */
export function packagedExecutable(context) {
  const ext = { darwin: '.app', win32: '.exe' }[context.electronPlatformName] ?? '';
  return join(context.appOutDir, `${context.packager.appInfo.productFilename}${ext}`);
}

/**
 * Whether this build will be signed (and, on macOS, notarised), from the signing environment
 * electron-builder reads (README « Mises à jour de Révision »). Linux packages are not signed.
 * An unsigned build never updates itself (src/main/updates/policy.ts).
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 * @returns {{ signed: boolean; notarized: boolean }}
 */
export function signingInfo(env, platform) {
  if (platform === 'win32') return { signed: Boolean(env.WIN_CSC_LINK || env.CSC_LINK), notarized: false };
  if (platform !== 'darwin') return { signed: false, notarized: false };
  const appleId = Boolean(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID);
  const apiKey = Boolean(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER);
  return { signed: Boolean(env.CSC_LINK || env.CSC_NAME), notarized: appleId || apiKey };
}

/**
 * The packaged app's resources folder (where signing.json goes, beside app.asar).
 * @param {{ appOutDir: string; electronPlatformName: string; packager: { appInfo: { productFilename: string } } }} context
 */
export function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin')
    return join(packagedExecutable(context), 'Contents', 'Resources');
  return join(context.appOutDir, 'resources');
}

/**
 * The hook itself.
 * @param {{ appOutDir: string; electronPlatformName: string; arch: number; packager: { appInfo: { productFilename: string } } }} context
 */
export async function afterPack(context) {
  // Apple silicon refuses to run a modified binary until it is signed again (ad hoc when unsigned).
  const arm64Mac = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(packagedExecutable(context), { ...fuseConfig, resetAdHocDarwinSignature: arm64Mac });
  const signing = signingInfo(process.env, context.electronPlatformName);
  await writeFile(join(resourcesDir(context), 'signing.json'), JSON.stringify(signing) + '\n');
}

export default afterPack;
