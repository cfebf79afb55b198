/** Windows identity and hardware from the `identity` section. */
import type { HardwareFacts, OsFacts } from '../../../../shared/facts';
import { bool, num, str, type JsonObject } from './common';

/** Windows edition family from the registry's EditionID. */
export function windowsEdition(editionId: string | null, isServer: boolean): OsFacts['edition'] {
  if (isServer) return 'server';
  const id = (editionId ?? '').toLowerCase();
  if (id === '') return null;
  if (id.startsWith('server')) return 'server';
  if (id.startsWith('core')) return 'home';
  if (id.startsWith('professional')) return 'pro';
  if (id.startsWith('education')) return 'education';
  if (id.startsWith('enterprise') || id.startsWith('iotenterprise')) return 'enterprise';
  return null;
}

/** OS identity from the `identity` section. */
export function windowsOsFacts(identity: JsonObject): OsFacts {
  const build = str(identity.currentBuild);
  const ubr = num(identity.ubr);
  const productType = num(identity.productType);
  const installationType = str(identity.installationType);
  const isServer = (productType !== null && productType !== 1) || /^server/i.test(installationType ?? '');
  const editionId = str(identity.editionId);
  const edition = windowsEdition(editionId, isServer);
  const buildNumber = build ? Number(build) : null;
  const caption = str(identity.caption)?.replace(/^Microsoft\s+/i, '') ?? null;
  const major = buildNumber !== null && buildNumber >= 22000 ? '11' : '10';
  const name =
    caption ?? (isServer ? `Windows Server` : `Windows ${major}${editionId ? ` ${editionId}` : ''}`);
  const mdm = num(identity.mdmEnrollments);
  const domain = bool(identity.partOfDomain);
  const managed =
    domain === true || (mdm !== null && mdm > 0) ? true : domain === false && mdm !== null ? false : null;
  const arch = str(identity.architecture);
  return {
    family: 'windows',
    name,
    version: str(identity.displayVersion) ?? str(identity.releaseId) ?? '',
    build: build ? (ubr !== null ? `${build}.${ubr}` : build) : null,
    edition,
    editionId,
    isServer,
    arch: arch ? (/^amd64$/i.test(arch) ? 'x64' : arch.toLowerCase()) : null,
    hostname: str(identity.hostname),
    managed,
  };
}

/** Hardware basics from the `identity` section. */
export function windowsHardwareFacts(identity: JsonObject): HardwareFacts {
  return {
    manufacturer: str(identity.manufacturer),
    model: str(identity.model),
    cpu: str(identity.cpu),
    memoryBytes: num(identity.memoryBytes),
  };
}
