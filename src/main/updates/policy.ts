/**
 * Whether this build may update itself: only the packaged app, only with an update feed
 * (app-update.yml, written by electron-builder from REVISION_UPDATE_URL), only when signed
 * (signing.json, written by build/after-pack.mjs from the signing environment), and on Windows
 * only when the feed names the publisher whose signature every update must carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdateState } from '../../shared/app-updates';

/** What the packaging hook recorded about signing (resources/signing.json). */
export interface SigningInfo {
  /** Code-signed (Windows Authenticode, macOS Developer ID). */
  readonly signed: boolean;
  /** macOS: notarised by Apple. */
  readonly notarized?: boolean;
}

/** What decides the policy. */
export interface PolicyInput {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** The text of resources/app-update.yml, or null when absent. */
  readonly feed: string | null;
  readonly signing: SigningInfo | null;
}

/** The decision: whether to run the updater, and the state to show otherwise. */
export interface Policy {
  readonly active: boolean;
  readonly signed: boolean;
  readonly state: AppUpdateState;
}

/** Whether a build counts as signed for updates (macOS: signed AND notarised; Linux: never). */
export function isSignedBuild(platform: NodeJS.Platform, signing: SigningInfo | null): boolean {
  if (!signing?.signed) return false;
  if (platform === 'darwin') return signing.notarized === true;
  return platform === 'win32';
}

/** Decides whether this build updates itself. Pure. */
export function updatePolicy(input: PolicyInput): Policy {
  const signed = isSignedBuild(input.platform, input.signing);
  if (!input.isPackaged) return { active: false, signed, state: 'development' };
  if (
    !input.feed ||
    !/^provider:\s*generic\s*$/m.test(input.feed) ||
    !/^url:\s*https:\/\//m.test(input.feed)
  ) {
    return { active: false, signed, state: 'no-feed' };
  }
  // Windows: electron-updater checks each update's signature against publisherName; without it, nothing is checked.
  const publisherChecked = input.platform !== 'win32' || /^publisherName:/m.test(input.feed);
  if (!signed || !publisherChecked)
    return { active: false, signed: signed && publisherChecked, state: 'unsigned' };
  return { active: true, signed, state: 'idle' };
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Reads the feed and the signing record of a packaged app's resources folder. */
export function readBuildFacts(resourcesPath: string): { feed: string | null; signing: SigningInfo | null } {
  const feed = readOrNull(join(resourcesPath, 'app-update.yml'));
  let signing: SigningInfo | null = null;
  try {
    const raw = JSON.parse(readOrNull(join(resourcesPath, 'signing.json')) ?? 'null') as unknown;
    if (raw && typeof raw === 'object' && typeof (raw as SigningInfo).signed === 'boolean')
      signing = raw as SigningInfo;
  } catch {
    signing = null;
  }
  return { feed, signing };
}
