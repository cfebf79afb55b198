/**
 * The one operation that updates a program on Debian/Ubuntu (issue 12):
 * `apt-get install --only-upgrade -y <package>`. The package name is the only value taken from
 * data, so it is held to Debian's package-name grammar (lower-case letters, digits, `+ - .`,
 * starting with a letter or digit): no option, path or second word can be smuggled in. It never
 * installs a package that is not there (--only-upgrade) and offers no undo.
 */
import { z } from 'zod';
import { isRunError, type Host } from '../exec/host';
import { OperationError, classifyPackageFailure, errorText, reasonOfRunError, tail } from './operation-error';

/** Debian Policy 5.6.1: at least two characters, lower-case alphanumerics and + - . , alphanumeric first. */
export const DEBIAN_PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]{1,99}$/;

/** Update one installed Debian package to the newest version its sources offer. */
export const packageUpgradeSchema = z
  .object({
    op: z.literal('package-upgrade'),
    manager: z.literal('apt'),
    package: z.string().regex(DEBIAN_PACKAGE_NAME),
  })
  .strict();
export type PackageUpgradeOp = z.infer<typeof packageUpgradeSchema>;

/** The fixed program and argument array of an upgrade (the name is validated again here). */
export function packageUpgradeLine(pkg: string): { file: string; args: string[] } {
  if (!DEBIAN_PACKAGE_NAME.test(pkg)) throw new OperationError('failed', `nom de paquet refusé : ${pkg}`);
  return {
    file: 'apt-get',
    args: ['-o', 'DPkg::Lock::Timeout=120', 'install', '--only-upgrade', '-y', '-q', pkg],
  };
}

/** The installed version of a package, null when it is not installed. */
export async function installedVersion(host: Host, pkg: string): Promise<string | null> {
  if (!DEBIAN_PACKAGE_NAME.test(pkg)) return null;
  const r = await host.run({
    id: `dpkg-version:${pkg}`,
    file: 'dpkg-query',
    args: ['-W', '-f=${Status}\t${Version}', pkg],
    okExitCodes: [0, 1],
    timeoutMs: 30_000,
  });
  const [status, version] = r.stdout.split('\t');
  return r.exitCode === 0 && /install ok installed/.test(status ?? '') && version ? version.trim() : null;
}

/**
 * Runs the upgrade and re-reads the installed version: `done` when it changed, `already` when apt
 * had nothing newer. Throws OperationError (not installed, busy, network, failed).
 */
export async function applyPackageUpgrade(
  host: Host,
  op: PackageUpgradeOp,
): Promise<{ status: 'done' | 'already' }> {
  const before = await installedVersion(host, op.package);
  if (before === null) throw new OperationError('package-not-found', `${op.package}: not installed`);
  const line = packageUpgradeLine(op.package);
  try {
    await host.run({
      id: `plan:upgrade:${op.package}`,
      file: line.file,
      args: line.args,
      env: { DEBIAN_FRONTEND: 'noninteractive' },
      timeoutMs: 900_000,
    });
  } catch (error) {
    const text = errorText(error);
    const reason =
      isRunError(error) && error.kind === 'non-zero-exit'
        ? classifyPackageFailure(text)
        : reasonOfRunError(error);
    throw new OperationError(reason, tail(text));
  }
  const after = await installedVersion(host, op.package);
  if (after === null)
    throw new OperationError('failed', `${op.package}: no longer installed after the update`);
  return { status: after === before ? 'already' : 'done' };
}
