/**
 * Which software a site runs, from its public home page (HTML and headers): pure functions.
 * Every conclusion carries the sign it came from, named for the technical detail
 * (`<meta name="generator">`, `x-powered-by: PHP/8.2.24`, `/feed/ → <generator>…`): technical evidence, the same in
 * every language, shown as is in the prestataire’s details.
 */

/** A CMS, shop or hosted service the check knows. */
export interface ProductDef {
  /** endoflife.date id for self-hosted software; a plain id for hosted services. */
  readonly id: string;
  readonly name: string;
  readonly hosted: boolean;
}

/** The products the check recognises. */
export const PRODUCTS: Readonly<Record<string, ProductDef>> = {
  wordpress: { id: 'wordpress', name: 'WordPress', hosted: false },
  prestashop: { id: 'prestashop', name: 'PrestaShop', hosted: false },
  joomla: { id: 'joomla', name: 'Joomla', hosted: false },
  drupal: { id: 'drupal', name: 'Drupal', hosted: false },
  magento: { id: 'magento', name: 'Adobe Commerce / Magento', hosted: false },
  shopware: { id: 'shopware', name: 'Shopware', hosted: false },
  wix: { id: 'wix', name: 'Wix', hosted: true },
  shopify: { id: 'shopify', name: 'Shopify', hosted: true },
  squarespace: { id: 'squarespace', name: 'Squarespace', hosted: true },
  'google-sites': { id: 'google-sites', name: 'Google Sites', hosted: true },
  webflow: { id: 'webflow', name: 'Webflow', hosted: true },
  jimdo: { id: 'jimdo', name: 'Jimdo', hosted: true },
  'wordpress-com': { id: 'wordpress-com', name: 'WordPress.com', hosted: true },
};

/** A version (or a product) read from one sign. */
export interface Sign {
  readonly product: string;
  readonly version: string | null;
  /** The sign, e.g. `<meta name="generator" content="WordPress 6.1.9">`. */
  readonly sign: string;
}

/** A public page as the check read it. */
export interface Page {
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const VERSION = String.raw`(\d+(?:\.\d+){0,3}(?:-p\d+)?)`;

/** All `<meta name="generator" content="…">` values of a page. */
export function generators(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\bname\s*=\s*["']?generator["']?/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value) out.push(value.trim());
  }
  return out;
}

const GENERATOR_RULES: readonly { product: string; re: RegExp }[] = [
  { product: 'wordpress-com', re: /^WordPress\.com/i },
  { product: 'wordpress', re: new RegExp(`^WordPress(?:\\s+${VERSION})?`, 'i') },
  { product: 'joomla', re: new RegExp(`^Joomla!?(?:\\s+${VERSION})?`, 'i') },
  { product: 'drupal', re: new RegExp(`^Drupal(?:\\s+${VERSION})?`, 'i') },
  { product: 'prestashop', re: new RegExp(`^PrestaShop(?:\\s+${VERSION})?`, 'i') },
  { product: 'shopware', re: new RegExp(`^Shopware(?:\\s+${VERSION})?`, 'i') },
  { product: 'magento', re: new RegExp(`^Magento(?:\\s+${VERSION})?`, 'i') },
  { product: 'wix', re: /^Wix\.com/i },
  { product: 'squarespace', re: /^Squarespace/i },
  { product: 'google-sites', re: /^Google Sites/i },
  { product: 'webflow', re: /^Webflow/i },
  { product: 'jimdo', re: /^Jimdo/i },
];

/** Signs from the generator meta tags. */
function generatorSigns(html: string): Sign[] {
  const out: Sign[] = [];
  for (const value of generators(html)) {
    for (const rule of GENERATOR_RULES) {
      const m = rule.re.exec(value);
      if (!m) continue;
      out.push({
        product: rule.product,
        version: m[1] ?? null,
        sign: `<meta name="generator" content="${value.slice(0, 120)}">`,
      });
      break;
    }
  }
  return out;
}

const HEADER_RULES: readonly { header: string; re: RegExp; product: string }[] = [
  { header: 'x-generator', re: new RegExp(`^Drupal(?:\\s+${VERSION})?`, 'i'), product: 'drupal' },
  { header: 'x-drupal-cache', re: /./, product: 'drupal' },
  { header: 'x-drupal-dynamic-cache', re: /./, product: 'drupal' },
  { header: 'x-powered-by', re: /PrestaShop/i, product: 'prestashop' },
  { header: 'set-cookie', re: /\bPrestaShop-[0-9a-f]+=/i, product: 'prestashop' },
  { header: 'x-magento-tags', re: /./, product: 'magento' },
  { header: 'x-magento-cache-debug', re: /./, product: 'magento' },
  { header: 'set-cookie', re: /\bsw-(?:states|context-token)=/i, product: 'shopware' },
  { header: 'x-shopify-stage', re: /./, product: 'shopify' },
  { header: 'x-shopid', re: /./, product: 'shopify' },
  { header: 'powered-by', re: /Shopify/i, product: 'shopify' },
  { header: 'x-wix-request-id', re: /./, product: 'wix' },
  { header: 'server', re: /^Pepyaka/i, product: 'wix' },
  { header: 'server', re: /^Squarespace/i, product: 'squarespace' },
  { header: 'link', re: /rel="https:\/\/api\.w\.org\/"/i, product: 'wordpress' },
];

/** Signs from response headers. */
function headerSigns(headers: Readonly<Record<string, string>>): Sign[] {
  const out: Sign[] = [];
  for (const rule of HEADER_RULES) {
    const value = headers[rule.header];
    if (value === undefined) continue;
    const m = rule.re.exec(value);
    if (!m) continue;
    const shown = rule.header === 'set-cookie' ? (m[0] ?? '').replace(/=$/, '') : value.slice(0, 100);
    out.push({ product: rule.product, version: m[1] ?? null, sign: `${rule.header}: ${shown}` });
  }
  return out;
}

const BODY_RULES: readonly { re: RegExp; product: string; sign: string }[] = [
  { re: /\/wp-(?:content|includes)\//i, product: 'wordpress', sign: '/wp-content/ · /wp-includes/' },
  {
    re: /\bvar\s+prestashop\s*=|\/modules\/ps_[a-z]+\//i,
    product: 'prestashop',
    sign: 'var prestashop · /modules/ps_*/',
  },
  {
    re: /\/media\/(?:jui|system\/js)\/|\bJoomla\.|"joomla-script-options"/i,
    product: 'joomla',
    sign: '/media/system/js/ · joomla-script-options',
  },
  {
    re: /data-drupal-|Drupal\.settings|drupal-settings-json/i,
    product: 'drupal',
    sign: 'data-drupal-* · drupalSettings',
  },
  {
    re: /text\/x-magento-init|Magento_[A-Z][a-zA-Z]+\//,
    product: 'magento',
    sign: 'text/x-magento-init · Magento_*',
  },
  {
    re: /\/bundles\/storefront\/|\bdata-shopware-|window\.shopware/i,
    product: 'shopware',
    sign: '/bundles/storefront/ (Shopware 6)',
  },
  { re: /cdn\.shopify\.com|Shopify\.theme/i, product: 'shopify', sign: 'cdn.shopify.com' },
  {
    re: /static\.parastorage\.com|static\.wixstatic\.com/i,
    product: 'wix',
    sign: 'static.wixstatic.com · static.parastorage.com',
  },
  {
    re: /<!-- This is Squarespace\. -->|static1\.squarespace\.com/i,
    product: 'squarespace',
    sign: 'static1.squarespace.com',
  },
  {
    re: /sites\.google\.com\/|www\.gstatic\.com\/atari\//i,
    product: 'google-sites',
    sign: 'www.gstatic.com/atari/ (Google Sites)',
  },
];

/** Signs from the page's markup (the software only, never a version). */
function bodySigns(html: string): Sign[] {
  return BODY_RULES.filter((r) => r.re.test(html)).map((r) => ({
    product: r.product,
    version: null,
    sign: r.sign,
  }));
}

/** WordPress core assets' `?ver=` query strings (core assets carry the WordPress version). */
export function wordpressAssetVersions(html: string): Sign[] {
  const counts = new Map<string, number>();
  for (const m of html.matchAll(/\/wp-includes\/[^"'\s?]+\?ver=(\d+\.\d+(?:\.\d+)?)(?=["'&\s])/gi)) {
    counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best
    ? [
        {
          product: 'wordpress',
          version: best[0],
          sign: `/wp-includes/…?ver=${best[0]} (×${best[1]})`,
        },
      ]
    : [];
}

/** Every sign a home page gives. */
export function pageSigns(page: Page): Sign[] {
  return [
    ...generatorSigns(page.body),
    ...headerSigns(page.headers),
    ...bodySigns(page.body),
    ...wordpressAssetVersions(page.body),
  ];
}

/** The product most signs point to (generator and headers first). */
export function mainProduct(signs: readonly Sign[]): string | null {
  const score = new Map<string, number>();
  for (const s of signs) score.set(s.product, (score.get(s.product) ?? 0) + (s.version ? 3 : 1));
  // A hosted WordPress.com site also shows WordPress paths: the hosted sign wins.
  if (score.has('wordpress-com')) return 'wordpress-com';
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

/** The server language a header shows: PHP from x-powered-by or server. */
export function languageSign(
  headers: Readonly<Record<string, string>>,
): { version: string; sign: string } | null {
  for (const name of ['x-powered-by', 'server']) {
    const value = headers[name];
    const m = value ? /PHP\/(\d+\.\d+(?:\.\d+)?)/i.exec(value) : null;
    if (m) return { version: m[1]!, sign: `${name}: ${value!.slice(0, 100)}` };
  }
  return null;
}

/** Links a page declares: the RSS feed and WordPress's REST root (public, never guessed). */
export function declaredLinks(page: Page): { feed: string | null; restRoot: string | null } {
  const find = (re: RegExp): string | null => {
    for (const tag of page.body.match(/<link\b[^>]*>/gi) ?? []) {
      if (!re.test(tag)) continue;
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
      const value = href?.[1] ?? href?.[2];
      if (value) {
        try {
          return new URL(value.replace(/&amp;/g, '&'), page.url).toString();
        } catch {
          return null;
        }
      }
    }
    return null;
  };
  return {
    feed: find(/type\s*=\s*["']application\/rss\+xml["']/i),
    restRoot: find(/rel\s*=\s*["']https:\/\/api\.w\.org\/["']/i),
  };
}
