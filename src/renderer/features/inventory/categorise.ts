/**
 * Sorts detected programs into groups a person can read (système, bureautique, navigateurs,
 * logiciels métiers, sécurité, autres). Pure: names, publishers and the source only.
 */

/** The inventory groups, in display order. */
export const appCategories = ['metiers', 'bureautique', 'navigateurs', 'securite', 'systeme', 'autres'] as const;
export type AppCategory = (typeof appCategories)[number];

/** The fields categorisation looks at. */
export interface CategorisableApp {
  readonly name: string;
  readonly publisher: string | null;
  readonly source: string;
}

// Word-boundary patterns on the lower-cased "name publisher". Order matters: business first
// (an accounting suite may mention "office"), then security, browsers, office, system.
const METIERS = [
  /\b(ebp|sage|ciel|cegid|quadra|quadratus|isacompta|acd|coala|odoo|dolibarr|axonaut|sellsy|pennylane|tiime|inqom)\b/,
  /\b(compta\w*|accounting|gestion commerciale|facturation|invoic\w*|paie|payroll)\b/,
  /\b(crm|salesforce|hubspot|pipedrive|zoho)\b/,
  /\b(stock|inventaire|inventory|erp|wms|logistique)\b/,
  /\b(caisse|point of sale|pos|lightspeed|bimedia|zelty|tiller)\b/,
  /\b(flotte|fleet|gestion de transport|tms|tachy\w*|geoloc\w*|masternaut|webfleet|optimum automotive)\b/,
];
const SECURITE = [
  /\b(antivirus|anti-virus|antimalware|malware|defender|clamav|clamtk|eset|kaspersky|avast|avg|bitdefender|norton|mcafee|sophos|trend micro|f-secure|malwarebytes|xprotect|gdata|g data|withsecure)\b/,
  /\b(firewall|pare-feu|ufw|gufw|firewalld|nftables|iptables|fail2ban|keepass\w*|bitwarden|1password|dashlane|veracrypt|bitlocker|openvpn|wireguard)\b/,
];
const NAVIGATEURS = [/\b(firefox|chromium|google chrome|chrome|microsoft edge|opera|brave|vivaldi|safari|tor browser|epiphany|falkon|konqueror)\b/];
const BUREAUTIQUE = [
  /\b(libreoffice\w*|openoffice|microsoft office|office 365|microsoft 365|word|excel|powerpoint|outlook|onenote|onlyoffice|wps office|thunderbird|evolution|acrobat|adobe reader|pdf\w*|sumatra|okular|evince|zoom|teams|skype|slack|keynote|pages|numbers|google drive|dropbox|onedrive|nextcloud|notepad\+\+|abiword|gnumeric|calibre)\b/,
];
const SYSTEME = [
  /^(lib|linux-|firmware-|fonts?-|python3?-|perl|systemd|udev|dbus|gcc|g\+\+|cpp|binutils|coreutils|util-linux|apt|dpkg|debian|base-|bash|grub|initramfs|kmod|login|mount|passwd|tzdata|locales|ca-certificates|openssl|openssh|sudo|cron|rsyslog|x11|xserver|xorg|mesa|gnome-|kde|plasma|gtk|qt)/,
  /\b(microsoft visual c\+\+|\.net|dotnet|directx|windows|kb\d{6,}|driver\w*|pilote\w*|intel\w*|nvidia|amd|realtek|synaptics|update|redistributable|runtime|framework|sdk|service pack|apple|xcode|command line tools|java|jre|jdk|webview2)\b/,
];

function matches(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}

/**
 * The group of one program. `businessNames` are the names the owner marked as logiciels
 * métiers (they win). Packages of Linux distributions that match nothing are system parts.
 */
export function categorise(app: CategorisableApp, businessNames: ReadonlySet<string> = new Set()): AppCategory {
  const name = app.name.toLowerCase();
  if (businessNames.has(name)) return 'metiers';
  const text = `${name} ${(app.publisher ?? '').toLowerCase()}`;
  if (matches(METIERS, text)) return 'metiers';
  if (matches(SECURITE, text)) return 'securite';
  if (matches(NAVIGATEURS, text)) return 'navigateurs';
  if (matches(BUREAUTIQUE, text)) return 'bureautique';
  if (matches(SYSTEME, name) || matches(SYSTEME, text)) return 'systeme';
  if (app.source === 'dpkg' || app.source === 'rpm') return 'systeme';
  return 'autres';
}

/** Groups programs by category and filters them by a search text (name or publisher, accents ignored). */
export function groupApplications<T extends CategorisableApp>(
  apps: readonly T[],
  query: string,
  businessNames: ReadonlySet<string> = new Set(),
): Record<AppCategory, T[]> {
  const groups = Object.fromEntries(appCategories.map((c) => [c, [] as T[]])) as Record<AppCategory, T[]>;
  const q = fold(query.trim());
  for (const app of apps) {
    if (q && !fold(`${app.name} ${app.publisher ?? ''}`).includes(q)) continue;
    groups[categorise(app, businessNames)].push(app);
  }
  for (const c of appCategories) groups[c].sort((a, b) => a.name.localeCompare(b.name));
  return groups;
}

/** Lower-case without accents, for search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
