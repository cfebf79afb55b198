/**
 * The website's contrôle technique (issue 13): what a site check returns. Plain types (no zod),
 * so the renderer can use them; findings have the checkup's finding shape.
 */
import type { Finding, FindingState, MessageParams } from './checkup';

/** The stable ids of a site's voyants. */
export const siteFindingIds = [
  'site-responds',
  'site-certificate',
  'site-software',
  'site-language',
] as const;
export type SiteFindingId = (typeof siteFindingIds)[number];

/** One public page or file the check read (or tried to). */
export interface SiteRequest {
  readonly url: string;
  readonly status: number | null;
  readonly durationMs: number;
  /** Why nothing usable came back (technical, for the prestataire). */
  readonly error?: string;
}

/** The site's software as its public pages show it. */
export interface SiteSoftware {
  /** endoflife.date product id or hosted service id ("wordpress", "drupal", "wix"…). */
  readonly product: string;
  /** Display name ("WordPress", "Adobe Commerce / Magento"). */
  readonly name: string;
  /** Version read, or null when the site hides it. */
  readonly version: string | null;
  /** Hosted service: updated by the host, nothing to do. */
  readonly hosted: boolean;
  /** Each public sign that gave the software or its version, named for the technical detail. */
  readonly signs: readonly string[];
  /** Latest release known to the bundled data, when any. */
  readonly latest: string | null;
}

/** The server's programming language, when a header shows it. */
export interface SiteLanguage {
  readonly name: 'PHP';
  readonly version: string;
  /** The header that showed it ("x-powered-by: PHP/8.2.36"). */
  readonly sign: string;
  readonly latest: string | null;
}

/** The certificate of an https site. */
export interface SiteCertificate {
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly validTo: string | null;
  readonly trusted: boolean;
  readonly nameMatches: boolean;
  readonly trustError: string | null;
}

/** A site check's result: the voyants, what was read, and when. */
export interface SiteReport {
  /** The address as the owner gave it. */
  readonly url: string;
  /** The address finally read (after same-site redirects). */
  readonly finalUrl: string | null;
  readonly checkedAt: string;
  readonly appVersion: string;
  readonly lang: 'fr' | 'en';
  readonly mode: 'live' | 'replay';
  readonly findings: Finding[];
  readonly summary: Record<FindingState, number>;
  readonly software: SiteSoftware | null;
  readonly language: SiteLanguage | null;
  readonly certificate: SiteCertificate | null;
  readonly requests: readonly SiteRequest[];
  /** What to ask the web agency, in the report's language (empty when nothing). */
  readonly ask: readonly string[];
  /** The same questions as i18n keys under `site:ask.` and params, to write them in another language. */
  readonly askItems?: readonly { readonly key: string; readonly params: MessageParams }[];
}
