/**
 * Migrations of workspace.json between schema versions. Each step takes the raw object of
 * version N and returns version N+1, keeping every field it does not know about.
 */
import { WORKSPACE_SCHEMA_VERSION } from '../../../shared/workspace';

/** The file was written by a newer app than this one. */
export class WorkspaceTooNewError extends Error {
  constructor(readonly version: number) {
    super(`format ${version} plus récent que celui de cette version (${WORKSPACE_SCHEMA_VERSION})`);
  }
}

type Raw = Record<string, unknown>;

function objectOr(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

/**
 * Version 2 (issue 14) adds the task register, the test journal, the vendors' answers, removed
 * items and the watch state (all filled with defaults by the schema). A version-1 test date
 * (`lastTestedAt`) becomes a test record whose result was never noted (`unknown`), so the
 * carnet keeps the date without claiming « ça marche ».
 */
function migrateV1toV2(raw: Raw): Raw {
  const software = Array.isArray(raw.software)
    ? raw.software.map((entry: unknown) => {
        const s = objectOr(entry);
        if (Array.isArray(s.tests) || typeof s.lastTestedAt !== 'string' || s.lastTestedAt === '')
          return entry;
        return { ...s, tests: [{ at: s.lastTestedAt, by: '', result: 'unknown' }] };
      })
    : raw.software;
  return { ...raw, ...(software !== undefined ? { software } : {}), schemaVersion: 2 };
}

/**
 * Steps, indexed by the version they migrate from. Version 0 is the pre-release layout, which
 * had `companyName` and `providerEmail` at the top level.
 */
const steps: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    const { companyName, providerEmail, ...rest } = raw;
    // Pre-release files may lack the dates: without them the file would be judged damaged.
    const stamp = new Date().toISOString();
    return {
      createdAt: stamp,
      updatedAt: stamp,
      ...rest,
      // A file that already has the new objects keeps them; the old top-level fields fill them in.
      company: {
        name: '',
        ...objectOr(rest.company),
        ...(typeof companyName === 'string' ? { name: companyName } : {}),
      },
      provider: {
        name: '',
        email: '',
        ...objectOr(rest.provider),
        ...(typeof providerEmail === 'string' ? { email: providerEmail } : {}),
      },
      schemaVersion: 1,
    };
  },
  1: migrateV1toV2,
};

/** Brings a raw workspace to the current version. Throws WorkspaceTooNewError for a newer file. */
export function migrate(input: unknown): { value: Raw; migrated: boolean } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('le fichier ne contient pas un objet');
  let raw = input as Raw;
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (!Number.isInteger(version) || version < 0) throw new Error('version de format invalide');
  if (version > WORKSPACE_SCHEMA_VERSION) throw new WorkspaceTooNewError(version);
  let migrated = false;
  while (version < WORKSPACE_SCHEMA_VERSION) {
    const step = steps[version];
    if (!step) throw new Error(`aucune migration depuis le format ${version}`);
    raw = step(raw);
    version = raw.schemaVersion as number;
    migrated = true;
  }
  return { value: raw, migrated };
}
