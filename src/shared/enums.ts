/**
 * The fixed lists of the owner's data (device kinds, business-software categories, update
 * schedules) and of the checkup (voyant states, finding ids), apart from their zod schemas so that the renderer can use them without bundling zod.
 */

/** Kinds of devices the owner adds by hand (the app cannot see them). */
export const deviceKinds = [
  'iphone',
  'android-phone',
  'ipad',
  'android-tablet',
  'windows-pc',
  'mac',
  'server',
  'wordpress',
  'online-shop',
  'online-service',
] as const;
export type DeviceKind = (typeof deviceKinds)[number];

/** Categories of business software (logiciels métiers). */
export const softwareCategories = ['comptabilite', 'stock', 'crm', 'flotte', 'caisse', 'autre'] as const;
export type SoftwareCategory = (typeof softwareCategories)[number];

/** Update schedules: any time, at night, at the weekend (servers). */
export const schedules = ['always', 'night', 'weekend'] as const;
export type Schedule = (typeof schedules)[number];

/** A voyant: ok (green), attention (orange), danger (red), unknown ("je n'ai pas pu vérifier"). */
export const findingStates = ['ok', 'attention', 'danger', 'unknown'] as const;
export type FindingState = (typeof findingStates)[number];

/** The stable finding ids every platform produces. */
export const coreFindingIds = [
  'os-support',
  'auto-updates',
  'last-update',
  'pending-updates',
  'reboot',
  'antivirus',
  'firewall',
  'applications-outdated',
  'applications-end-of-life',
  'applications-exploited',
] as const;
export type CoreFindingId = (typeof coreFindingIds)[number];
