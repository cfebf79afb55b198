/**
 * Updates of Révision itself, as the settings screen shows them. Only a signed build with an
 * update feed ever updates itself; every state below is what was actually observed.
 */

/** Where the app's own updates stand. */
export const appUpdateStates = [
  /** Not the packaged app (development, tests): no update channel. */
  'development',
  /** The build carries no update feed (no REVISION_UPDATE_URL at build time). */
  'no-feed',
  /** The build is not signed (or not notarised): it never updates itself. */
  'unsigned',
  /** Active, not checked yet. */
  'idle',
  'checking',
  /** The feed was read and offers nothing newer. */
  'up-to-date',
  'downloading',
  /** Downloaded; installed at the next restart (the owner was asked). */
  'ready',
  /** The last check or download failed (logged in the technical log). */
  'error',
] as const;
export type AppUpdateState = (typeof appUpdateStates)[number];

/** The app's version, whether it is signed, and where its updates stand. */
export interface AppUpdateStatus {
  readonly version: string;
  readonly signed: boolean;
  readonly state: AppUpdateState;
  /** The newer version being downloaded or ready. */
  readonly available?: string;
  /** When the feed was last read successfully (ISO date). */
  readonly checkedAt?: string;
}
