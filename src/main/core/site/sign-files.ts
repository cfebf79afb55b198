/**
 * The documented public files that give a site software's version, per product, and how to read
 * each one. The check asks only for these (never guesses other paths), and only while the
 * version is still unknown or to confirm it, within its request budget.
 */
import type { Sign } from './detect';

/** One public file to read for a product. `from` says where its address comes from. */
export interface SignFile {
  readonly product: string;
  /** 'feed' / 'rest': the link the home page declares (else the documented default path); 'path': fixed. */
  readonly from: 'feed' | 'rest' | 'path';
  readonly path: string;
  /** Read only while no version is known (files that only confirm are skipped once one is). */
  readonly onlyWithoutVersion: boolean;
  readonly parse: (body: string) => Sign | null;
}

const first = (re: RegExp, body: string): string | null => re.exec(body)?.[1] ?? null;

/** The files per product, in the order they are read. */
export const SIGN_FILES: readonly SignFile[] = [
  {
    product: 'wordpress',
    from: 'feed',
    path: '/feed/',
    onlyWithoutVersion: false,
    parse: (body) => {
      const v = first(
        /<generator>\s*https?:\/\/wordpress\.org\/\?v=(\d+\.\d+(?:\.\d+)?)\s*<\/generator>/i,
        body,
      );
      return v
        ? {
            product: 'wordpress',
            version: v,
            sign: `/feed/ → <generator>https://wordpress.org/?v=${v}</generator>`,
          }
        : null;
    },
  },
  {
    product: 'wordpress',
    from: 'path',
    path: '/readme.html',
    onlyWithoutVersion: true,
    parse: (body) => {
      const v = first(/<br\s*\/?>\s*Version\s+(\d+\.\d+(?:\.\d+)?)/i, body);
      return v ? { product: 'wordpress', version: v, sign: `/readme.html → "Version ${v}"` } : null;
    },
  },
  {
    product: 'wordpress',
    from: 'rest',
    path: '/wp-json/',
    onlyWithoutVersion: true,
    parse: (body) =>
      /"namespaces"\s*:\s*\[[^\]]*"wp\\?\/v2"/.test(body)
        ? { product: 'wordpress', version: null, sign: '/wp-json/ → "wp/v2"' }
        : null,
  },
  {
    product: 'drupal',
    from: 'path',
    path: '/CHANGELOG.txt',
    onlyWithoutVersion: true,
    parse: (body) => {
      const v = first(/^Drupal\s+(\d+\.\d+(?:\.\d+)?),\s*\d{4}-\d{2}-\d{2}/m, body);
      return v ? { product: 'drupal', version: v, sign: `/CHANGELOG.txt → "Drupal ${v}"` } : null;
    },
  },
  {
    product: 'joomla',
    from: 'path',
    path: '/administrator/manifests/files/joomla.xml',
    onlyWithoutVersion: true,
    parse: (body) => {
      const v = first(/<version>\s*(\d+\.\d+(?:\.\d+)?)\s*<\/version>/i, body);
      return v
        ? {
            product: 'joomla',
            version: v,
            sign: `/administrator/manifests/files/joomla.xml → <version>${v}</version>`,
          }
        : null;
    },
  },
  {
    product: 'magento',
    from: 'path',
    path: '/magento_version',
    onlyWithoutVersion: true,
    parse: (body) => {
      const v = first(/^Magento\/(\d+\.\d+(?:\.\d+)?)/, body.trim());
      return v
        ? { product: 'magento', version: v, sign: `/magento_version → "${body.trim().slice(0, 60)}"` }
        : null;
    },
  },
];
