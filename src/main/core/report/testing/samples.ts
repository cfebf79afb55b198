/**
 * Test and demo support: carnets as an owner fills them. `dubois` is Éric's workspace (company,
 * prestataire, two phones, a website, tasks given to people); `hostile` puts 200-character words,
 * Arabic, Hebrew, emoji, quotes and HTML in every name the carnet prints.
 */
import { join, resolve } from 'node:path';
import type { CheckupReport } from '../../../../shared/checkup';
import type { SiteReport } from '../../../../shared/site';
import { emptyWorkspace, type Workspace } from '../../../../shared/workspace';
import { createReplayHost, loadCapture } from '../../exec/capture';
import { checkSite } from '../../site/check';

const SITES = resolve(import.meta.dirname, '../../../../../tests/fixtures/sites');

/** A real site check, replayed from the Drupal 7 capture (red: a flaw exploited by attackers). */
export async function drupalSiteReport(): Promise<SiteReport> {
  const capture = await loadCapture(join(SITES, 'drupal-7'));
  return checkSite('https://www.ulab.usb.ve/', {
    host: createReplayHost(capture),
    now: new Date(capture.manifest.now!),
    lang: 'fr',
    appVersion: '0.1.0',
  });
}

/** A logbook line as the app writes it. */
const logged = (at: string, kind: string, by: string, key: string, params: Record<string, string>) => ({
  at,
  kind,
  by,
  summary: key,
  key,
  params,
});

const day = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

/** Éric's carnet: Transports Dubois, Kevin as prestataire, an iPhone half set up, an Android phone, a site, tasks. */
export async function duboisWorkspace(now: Date): Promise<Workspace> {
  const ws = emptyWorkspace(now);
  const site = await drupalSiteReport();
  return {
    ...ws,
    onboarded: true,
    company: { name: 'Transports Dubois' },
    provider: { name: 'Kevin Lefèvre', email: 'kevin@exemple.fr', phone: '06 12 34 56 78' },
    settings: { ...ws.settings, ownerName: 'Éric Dubois', computerName: 'PC du bureau' },
    devices: [
      {
        id: 'iphone',
        kind: 'iphone',
        name: 'iPhone d’Éric',
        addedAt: day(now, -3),
        steps: { 'ios-system-auto': day(now, -2) },
      },
      {
        id: 'android',
        kind: 'android-phone',
        name: 'Samsung de l’atelier',
        addedAt: day(now, -3),
        steps: {},
      },
    ],
    software: [
      {
        id: 'sage',
        name: 'Sage 100 Comptabilité',
        version: '9.0',
        category: 'comptabilite',
        critical: true,
        detected: false,
        vendor: 'Sage',
        scenario: 'Créer un client fictif, l’enregistrer, le rechercher',
        tests: [{ at: day(now, -1), by: 'Éric Dubois', result: 'works' }],
        vendorAnswers: [],
      },
      { id: 'truck', name: 'TruckPro', version: null, category: 'flotte', critical: false, detected: false },
    ],
    sites: [
      { id: 'site', url: site.url, addedAt: day(now, -3), last: site as unknown as Record<string, unknown> },
    ],
    tasks: {
      'vendor:truck': { assignee: { kind: 'provider' }, due: day(now, 8).slice(0, 10) },
      'step:android:android-play-auto': {
        assignee: { kind: 'colleague', name: 'Karim' },
        due: day(now, 3).slice(0, 10),
      },
      'mission:expert.monthly-review': { assignee: { kind: 'me' }, due: day(now, 30).slice(0, 10) },
    },
    history: [
      logged(day(now, -3), 'device', 'app', 'history.deviceAdded', { name: 'iPhone d’Éric', kind: 'iphone' }),
      logged(day(now, -2), 'tick', 'Éric Dubois', 'history.stepDone', {
        name: 'iPhone d’Éric',
        step: 'ios-system-auto',
      }),
    ],
  } as Workspace;
}

/** Names that break layouts: a 200-character word, Arabic, Hebrew, emoji, CJK (no font: codes), quotes, HTML. */
export const HOSTILE_NAMES = {
  long: 'Ω'.repeat(0) + 'Établissements' + 'X'.repeat(186),
  arabic: 'مكتب المحاسبة الرئيسي للشركة',
  hebrew: 'עסק קטן בתל אביב',
  emoji: 'Caisse 🧾🚚 n°2 😀',
  cjk: '東京の小さな会社株式会社本店営業部',
  quotes: '"Chez « Léa » l’\'atelier"',
  html: '<b>HTML</b> & <script>x</script>',
} as const;

/** Business programs named after hostile names (a 200-character version on the second). */
export function hostileSoftware(names: readonly string[]): Workspace['software'] {
  return names.map((name, i) => ({
    id: `s${i}`,
    name,
    version: i === 1 ? 'v'.repeat(200) : null,
    category: 'autre',
    critical: i % 2 === 0,
    detected: false,
    vendorContact: name,
  }));
}

/** The hostile carnet: every name the PDF prints is one of HOSTILE_NAMES. */
export async function hostileWorkspace(now: Date): Promise<Workspace> {
  const ws = await duboisWorkspace(now);
  const h = HOSTILE_NAMES;
  const names = Object.values(h);
  return {
    ...ws,
    company: { name: h.long },
    provider: { name: h.arabic, email: 'kevin@exemple.fr' },
    settings: { ...ws.settings, ownerName: h.hebrew, computerName: h.long.replace('É', 'P') },
    devices: names.map((name, i) => ({
      id: `d${i}`,
      kind: i % 2 ? 'android-phone' : 'iphone',
      name,
      addedAt: day(now, -3),
      steps: i === 0 ? { 'ios-system-auto': day(now, -1) } : {},
    })),
    software: hostileSoftware(names).map((sw, i) => ({
      ...sw,
      vendor: sw.name,
      scenario: sw.name,
      tests: [{ at: day(now, -1), by: names[(i + 1) % names.length]!, result: 'works' as const }],
    })),
    tasks: Object.fromEntries(
      names.map((name, i) => [
        `vendor:s${i}`,
        { assignee: { kind: 'colleague', name }, due: day(now, i).slice(0, 10) },
      ]),
    ),
    sites: ws.sites!.map((s) => ({
      ...s,
      url: `https://${'x'.repeat(150)}.example.fr/${h.long}`,
      last: { ...s.last, url: `https://${'x'.repeat(150)}.example.fr/${h.long}` },
    })),
  } as Workspace;
}

/**
 * A checkup whose machine has a hostile host name (printed on the cover when none is given) and
 * whose programs, as read off the machine, carry hostile names, publishers and versions.
 */
export function hostileCheckup(checkup: CheckupReport): CheckupReport {
  const names = Object.values(HOSTILE_NAMES);
  const programs = checkup.programs
    ? {
        ...checkup.programs,
        programs: checkup.programs.programs.map((p, i) => ({
          ...p,
          name: names[i % names.length]!,
          publisher: names[(i + 1) % names.length]!,
          version: i === 0 ? `1.${'0'.repeat(120)}` : p.version,
        })),
      }
    : undefined;
  return {
    ...checkup,
    machine: { ...checkup.machine, hostname: HOSTILE_NAMES.long.toLowerCase() },
    ...(programs ? { programs } : {}),
  };
}
