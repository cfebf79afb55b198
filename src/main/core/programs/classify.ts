/**
 * User-facing programs versus system components. On Linux a distribution package is a
 * program when it ships a desktop entry (the probe asks dpkg which packages own
 * /usr/share/applications) or is a catalogued program; everything else is the system. On
 * Windows and macOS every installed entry is a program except runtimes, drivers and updates.
 */
import type { InstalledApplication } from '../../../shared/facts';
import { fold } from '../knowledge/program-catalog';
import { DISTRIBUTION_SOURCES } from './match';

const WINDOWS_SYSTEM = [
  /\bredistributable\b/,
  /\bruntime\b/,
  /^microsoft \.net\b/,
  /\b(sdk|directx|webview2)\b/,
  /\b(driver|pilote)s?\b/,
  /\bkb\d{6,}\b/,
  /^(security |cumulative )?update for\b/,
  /^microsoft update health tools\b/,
  /^vs_/,
  /^microsoft\.[a-z0-9]+(\.[a-z0-9]+)*$/,
  /^ms-resource:/,
];

/** Whether an installed entry is a system component rather than a program a person uses. */
export function isSystemComponent(app: InstalledApplication, recognised: boolean): boolean {
  if (recognised) return false;
  if (DISTRIBUTION_SOURCES.has(app.source)) return app.desktop !== true;
  const name = fold(app.name);
  return WINDOWS_SYSTEM.some((p) => p.test(name));
}

/** A publisher as a name: Debian's "Name <e-mail>" loses the address; an address alone is no name. */
export function publisherName(publisher: string | null): string | null {
  if (!publisher) return null;
  const name = publisher
    .replace(/<[^<>]*>/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name || null;
}
