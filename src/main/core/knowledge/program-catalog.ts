/**
 * The reviewed table of programs Révision recognises by name: for each, who publishes it (the
 * vendor check), how its installed names read on Windows and macOS, its distribution packages,
 * its endoflife.date product and its names in the CISA KEV catalogue (`vendorProject`/`product`).
 *
 * Zero false alarms is the bar: an entry matches only when the publisher AND the name match
 * (or the exact distribution package name, where the distribution is the vendor). Every KEV
 * alias below was checked by hand against the catalogue's own spelling; a KEV entry that
 * names a component shared with other products (Chromium's V8 for Edge) is not borrowed.
 * Patterns test the folded name (lower case, no accents); see `fold`.
 */

/** A KEV catalogue product, exactly as CISA spells it. */
export interface KevAlias {
  readonly vendorProject: string;
  readonly product: string;
}

/** How a program's end-of-life is read from endoflife.date. */
export interface CatalogEol {
  /** endoflife.date product key. */
  readonly product: string;
  /**
   * true: a newer release of the same program is a free update (browsers, Notepad++), so an
   * ended cycle means « mise à jour disponible »; false: leaving an ended cycle means buying or
   * migrating (Office 2016, Python 3.8), so it is « plus maintenu ».
   */
  readonly rolling: boolean;
  /** Where the release cycle is read: the version (default), or a year in the name (Office 2016). */
  readonly cycleFrom?: 'version' | 'name-year';
  /** Whether `latest` can be compared with the installed version (false when the formats differ, e.g. Java "8.0.3510.10" vs "8u501"). */
  readonly compareLatest?: boolean;
}

/** One recognised program. */
export interface CatalogEntry {
  readonly id: string;
  /** The program's name as people know it. */
  readonly label: string;
  /** Patterns on the folded installed name (Windows uninstall keys, macOS apps, Store). */
  readonly names: readonly RegExp[];
  /** Patterns on the folded publisher: the vendor check, required with `names`. */
  readonly publishers: readonly RegExp[];
  /** Exact distribution package names (dpkg, rpm, flatpak ids): the distribution is the vendor. */
  readonly packages?: readonly string[];
  /** Package name prefixes grouped under this program (libreoffice-writer, libreoffice-calc…). */
  readonly packagePrefixes?: readonly string[];
  /** End-of-life data, for programs installed from the vendor (never for distribution packages). */
  readonly eol?: CatalogEol;
  /** Its names in the KEV catalogue. */
  readonly kev: readonly KevAlias[];
  /** The KEV names apply only to versions below this one (a program that was rewritten under the same name). */
  readonly kevBelowVersion?: string;
}

const MOZILLA = [/^mozilla\b/];
const MICROSOFT = [/^microsoft\b/];
const OFFICE_KEV: readonly KevAlias[] = [
  { vendorProject: 'Microsoft', product: 'Office' },
  { vendorProject: 'Microsoft', product: 'Word' },
  { vendorProject: 'Microsoft', product: 'Excel' },
  { vendorProject: 'Microsoft', product: 'PowerPoint' },
  { vendorProject: 'Microsoft', product: 'Outlook' },
  { vendorProject: 'Microsoft', product: 'Office Outlook' },
];
const FIREFOX_KEV: readonly KevAlias[] = [
  { vendorProject: 'Mozilla', product: 'Firefox' },
  { vendorProject: 'Mozilla', product: 'Firefox and Thunderbird' },
  { vendorProject: 'Mozilla', product: 'Firefox, Firefox ESR, and Thunderbird' },
];
const THUNDERBIRD_KEV: readonly KevAlias[] = [
  { vendorProject: 'Mozilla', product: 'Firefox and Thunderbird' },
  { vendorProject: 'Mozilla', product: 'Firefox, Firefox ESR, and Thunderbird' },
];
const CHROMIUM_KEV: readonly KevAlias[] = [
  'Chromium',
  'Chromium V8',
  'Chromium Mojo',
  'Chromium Blink',
  'Chromium Skia',
  'Chromium WebP',
  'Chromium WebRTC',
  'Chromium GPU',
  'Chromium libvpx',
  'Chromium Intents',
  'Chromium Animation',
  'Chromium Indexed DB API',
  'Chromium Network Service',
  'Chromium PopupBlocker',
  'Chromium Portals',
  'Chromium WebGL',
].map((product) => ({ vendorProject: 'Google', product }));
const CHROME_KEV: readonly KevAlias[] = [
  ...CHROMIUM_KEV,
  ...['Chrome', 'Chrome Blink', 'Chrome FreeType', 'Chrome Media', 'Chrome WebAudio'].map((product) => ({
    vendorProject: 'Google',
    product,
  })),
];
const JAVA_KEV: readonly KevAlias[] = [
  'Java SE',
  'Java Runtime Environment (JRE)',
  'Java SE JDK and JRE',
  'Java SE and JRockit',
].map((product) => ({ vendorProject: 'Oracle', product }));

/** The reviewed catalogue. */
export const programCatalog: readonly CatalogEntry[] = [
  {
    id: 'firefox',
    label: 'Mozilla Firefox',
    names: [/^(mozilla )?firefox\b/],
    publishers: MOZILLA,
    packages: ['firefox', 'firefox-esr', 'org.mozilla.firefox'],
    eol: { product: 'firefox', rolling: true },
    kev: FIREFOX_KEV,
  },
  {
    id: 'thunderbird',
    label: 'Mozilla Thunderbird',
    names: [/^(mozilla )?thunderbird\b/],
    publishers: MOZILLA,
    packages: ['thunderbird', 'org.mozilla.thunderbird'],
    kev: THUNDERBIRD_KEV,
  },
  {
    id: 'chrome',
    label: 'Google Chrome',
    names: [/^google chrome$/],
    publishers: [/^google\b/],
    packages: ['google-chrome-stable'],
    eol: { product: 'chrome', rolling: true },
    kev: CHROME_KEV,
  },
  {
    id: 'chromium',
    label: 'Chromium',
    names: [],
    publishers: [],
    packages: ['chromium', 'chromium-browser', 'org.chromium.Chromium'],
    kev: CHROMIUM_KEV,
  },
  {
    id: 'edge',
    label: 'Microsoft Edge',
    names: [/^microsoft edge$/],
    publishers: MICROSOFT,
    packages: ['microsoft-edge-stable'],
    // KEV's "Edge" entries (CVE-2016-7200, CVE-2016-7201, CVE-2017-0037, CVE-2020-0878, CVE-2016-3351) are all
    // flaws of the old EdgeHTML Edge (versions 12–44); today's Edge (79 and later) is another program.
    kevBelowVersion: '79',
    kev: [
      { vendorProject: 'Microsoft', product: 'Edge' },
      { vendorProject: 'Microsoft', product: 'Edge and Internet Explorer' },
      { vendorProject: 'Microsoft', product: 'Internet Explorer and Edge' },
    ],
  },
  {
    id: 'office',
    label: 'Microsoft Office',
    names: [/^microsoft office\b.*\b(2007|2010|2013|2016|2019|2021|2024)\b/],
    publishers: MICROSOFT,
    eol: { product: 'office', rolling: false, cycleFrom: 'name-year' },
    kev: OFFICE_KEV,
  },
  {
    id: 'microsoft-365',
    label: 'Microsoft 365',
    names: [/^microsoft (office )?365\b/],
    publishers: MICROSOFT,
    kev: OFFICE_KEV,
  },
  {
    id: 'libreoffice',
    label: 'LibreOffice',
    names: [/^libreoffice\b/],
    publishers: [/^the document foundation\b/],
    packages: ['libreoffice', 'org.libreoffice.LibreOffice'],
    packagePrefixes: ['libreoffice-'],
    eol: { product: 'libreoffice', rolling: true },
    kev: [],
  },
  {
    id: 'acrobat-reader',
    label: 'Adobe Acrobat Reader',
    names: [/^adobe acrobat\b/, /^adobe reader\b/],
    publishers: [/^adobe\b/],
    kev: [
      { vendorProject: 'Adobe', product: 'Acrobat and Reader' },
      { vendorProject: 'Adobe', product: 'Reader and Acrobat' },
      { vendorProject: 'Adobe', product: 'Reader' },
    ],
  },
  {
    id: 'notepad-plus-plus',
    label: 'Notepad++',
    names: [/^notepad\+\+/],
    publishers: [/^notepad\+\+ team\b/, /^don ho\b/],
    eol: { product: 'notepad-plus-plus', rolling: true },
    kev: [],
  },
  {
    id: '7-zip',
    label: '7-Zip',
    names: [/^7-zip\b/],
    publishers: [/^igor pavlov\b/],
    kev: [{ vendorProject: '7-Zip', product: '7-Zip' }],
  },
  {
    id: 'winrar',
    label: 'WinRAR',
    names: [/^winrar\b/],
    publishers: [/^win\.rar\b/, /^rarlab\b/, /^alexander roshal\b/],
    kev: [{ vendorProject: 'RARLAB', product: 'WinRAR' }],
  },
  {
    id: 'teamviewer',
    label: 'TeamViewer',
    names: [/^teamviewer\b/],
    publishers: [/^teamviewer\b/],
    kev: [{ vendorProject: 'TeamViewer', product: 'Desktop' }],
  },
  {
    id: 'git',
    label: 'Git',
    names: [/^git$/, /^git version \d/],
    publishers: [/^the git development community$/],
    packages: ['git'],
    kev: [{ vendorProject: 'Git', product: 'Git' }],
  },
  {
    id: 'java',
    label: 'Java (Oracle)',
    names: [/^java(\(tm\))?( se)?( development kit| runtime environment)? ?\d+( update \d+)?\b/, /^java \d+/],
    publishers: [/^oracle\b/],
    eol: { product: 'oracle-jdk', rolling: false, compareLatest: false },
    kev: JAVA_KEV,
  },
  {
    id: 'python',
    label: 'Python',
    names: [/^python \d+\.\d+/],
    publishers: [/^python software foundation$/],
    eol: { product: 'python', rolling: false },
    kev: [],
  },
  {
    id: 'powershell',
    label: 'PowerShell 7',
    names: [/^powershell 7\b/],
    publishers: MICROSOFT,
    eol: { product: 'powershell', rolling: true },
    kev: [],
  },
  {
    id: 'veeam-backup',
    label: 'Veeam Backup & Replication',
    names: [/^veeam backup (&|and) replication\b/],
    publishers: [/^veeam\b/],
    eol: { product: 'veeam-backup-and-replication', rolling: false },
    kev: [{ vendorProject: 'Veeam', product: 'Backup & Replication' }],
  },
];

/** Lower case without accents, spaces collapsed: the form every pattern above is written for. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
