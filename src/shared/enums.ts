/**
 * The fixed lists of the owner's data (device kinds, business-software categories, update
 * schedules), apart from their zod schemas so that the renderer can use them without bundling zod.
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
