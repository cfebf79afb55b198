/**
 * The carnet d'entretien, read back as the prestataire would: the PDF's text is extracted with
 * pdfjs-dist and checked for what a reader must find (company, every device, every finding,
 * ✓ and ☐, accents, page count), in French and English. The checkup is a real one of this
 * machine, run once and saved in each test workspace as the latest checkup. Pages are rendered
 * with poppler's pdftoppm into test-results/pdf/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../shared/checkup';
import { emptyWorkspace, type Workspace } from '../../../shared/workspace';
import { deviceGuides } from '../../../shared/missions';
import { runCheckup } from '../checkup/run-checkup';
import { createLiveHost } from '../exec/live-host';
import { createReplayHost, loadCapture } from '../exec/capture';
import { getT, getTranslate } from '../i18n';
import { findingText } from '../../../shared/finding-text';
import { createService, type RevisionService } from '../service';
import { AssetsMissingError, resolveAssetsDir } from './assets';
import { ReportError, generateReportPdf } from './index';
import { pdfPages, squash } from './testing/pdf-text';
import { hostileSoftware } from './testing/samples';

const NOW = new Date('2026-11-22T10:00:00Z');
const PNG_DIR = resolve(import.meta.dirname, '../../../../test-results/pdf');

/** A settings source as printed (long ones are shortened to 400 characters). */
const shortSource = (s: string) => (s.length > 400 ? s.slice(0, 300) : s);

/** The text without the cover's legend (which explains « ● OK »): what is left are the voyants. */
const withoutLegend = (text: string) => squash(text).replace(squash(getT('fr')('report:cover.legend')), '');

function expectContains(text: string, needle: string): void {
  expect(squash(text), `the PDF should contain « ${needle.slice(0, 80)} »`).toContain(squash(needle));
}

/** Renders pages with pdftoppm (60 dpi) under test-results/pdf/<name>-N.png, for a person to look at. */
async function keepPngs(name: string, file: string, last = 8): Promise<string[]> {
  await mkdir(PNG_DIR, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', String(last), file, join(PNG_DIR, name)]);
  return (await readdir(PNG_DIR)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

let checkup: CheckupReport;
const homes: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'revision-report-'));
  homes.push(dir);
  return dir;
}

/** A service over a fresh workspace whose latest checkup is the real one of this machine. */
async function serviceWith(
  fill?: (s: RevisionService) => Promise<void>,
  withCheckup = true,
): Promise<{ service: RevisionService; home: string }> {
  const home = await tempDir();
  const service = await createService({ home, now: () => NOW });
  if (withCheckup) await service.context.store.saveCheckup(checkup);
  if (fill) await fill(service);
  return { service, home };
}

/** Éric's workspace: company, prestataire, an iPhone half set up, a server, two business programs. */
async function fillDubois(s: RevisionService): Promise<void> {
  await s.workspaceUpdate({
    company: { name: 'Transport Dubois' },
    provider: { name: 'Kevin Lefèvre', email: 'kevin@exemple.fr' },
  });
  const ws = await s.devicesAdd({ kind: 'iphone', name: 'iPhone d’Éric' });
  await s.devicesAdd({ kind: 'server', name: 'Serveur du dépôt', schedule: 'night' });
  await s.devicesTickStep({ deviceId: ws.devices[0]!.id, stepId: 'ios-system-auto', done: true });
  await s.softwareUpsert({
    name: 'Comptabilité Cœur de métier',
    version: '9.1',
    category: 'comptabilite',
    vendor: 'Éditeur Sage',
    vendorContact: '01 23 45 67 89',
    critical: true,
  });
  await s.softwareUpsert({ name: 'Gestion de flotte TruckPro', category: 'flotte' });
}

beforeAll(async () => {
  // One real checkup of this Debian machine (live probes, real commands).
  checkup = await runCheckup({ host: createLiveHost(), lang: 'fr', now: NOW });
  expect(checkup.findings.length).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  for (const dir of homes) await rm(dir, { recursive: true, force: true });
});

describe('the carnet d’entretien PDF', () => {
  it('in French: the company, every device, every finding, ✓ and ☐, accents, page numbers, and the export in the logbook', async () => {
    const { service, home } = await serviceWith(fillDubois);
    const file = join(home, 'carnet.pdf');
    const before = (await service.workspaceGet()).history.length;
    const result = await service.reportWritePdf({ path: file, lang: 'fr' });
    expect(result.path).toBe(file);

    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages.length).toBe(result.pages);
    const all = pages.join('\n');

    expectContains(pages[0]!, 'Carnet d’entretien informatique');
    expectContains(pages[0]!, 'Transport Dubois');
    expectContains(pages[0]!, 'Kevin Lefèvre');
    expectContains(pages[0]!, 'En un coup d’œil');
    expectContains(pages[0]!, '22 novembre 2026');
    for (const name of ['iPhone d’Éric', 'Serveur du dépôt']) expectContains(pages[0]!, name);
    // One page per device, each titled with it.
    expect(pages.some((p) => squash(p).startsWith(squash('iPhone : iPhone d’Éric')))).toBe(true);
    expect(pages.some((p) => squash(p).startsWith(squash('Serveur : Serveur du dépôt')))).toBe(true);
    // Every finding of the checkup, in French.
    const t = getT('fr');
    for (const f of checkup.findings) expectContains(all, findingText(f, 'title', 'fr', getTranslate('fr')));
    // The guide steps, ticked (✓) or not (☐); the glyphs survive extraction only if the font has them.
    expectContains(all, '✓ Mises à jour du système automatiques — fait le 22/11/2026');
    expectContains(all, `☐ ${t('guides:steps.ios-app-store-auto.title')}`);
    for (const step of deviceGuides.server) expectContains(all, `☐ ${t(`guides:steps.${step}.title`)}`);
    // Business software, with what the app cannot know.
    expectContains(all, 'Comptabilité Cœur de métier');
    expectContains(all, 'version inconnue');
    expectContains(all, 'à vérifier auprès de l’éditeur');
    // Sign-off, annex with the raw settings and the full inventory.
    expectContains(all, 'Qui fait quoi, pour quand');
    expectContains(all, 'Annexe technique — pour votre prestataire');
    for (const s of checkup.facts.autoUpdates?.settings ?? []) expectContains(all, s.source);
    // The programs with their voyant in one compact table; the full list as a CSV beside the PDF.
    const apps = checkup.inventory.applications;
    const programs = checkup.programs!.programs;
    expectContains(all, `Logiciels de l’ordinateur (${programs.length})`);
    for (const p of programs) expectContains(all, p.name);
    expectContains(all, `${checkup.programs!.systemComponents} composants du système`);
    expectContains(
      all,
      `La liste complète des ${apps.length} éléments installés est dans le fichier « carnet-logiciels.csv »`,
    );
    const csv = await readFile(join(home, 'carnet-logiciels.csv'), 'utf8');
    expect(csv.trim().split('\r\n')).toHaveLength(apps.length + 1);
    if (apps.length > 0) expect(csv).toContain(`"${apps[apps.length - 1]!.name}"`);
    expect(csv).not.toMatch(/@/);
    // Footer on every page: company and « page N / total ».
    pages.forEach((p, i) =>
      expectContains(
        p,
        `Transport Dubois — carnet d’entretien du 22/11/2026 — page ${i + 1} / ${pages.length}`,
      ),
    );

    const ws = await service.workspaceGet();
    expect(ws.history.length).toBe(before + 1);
    expect(ws.history.at(-1)).toMatchObject({
      kind: 'report',
      key: 'history.report',
      params: { pages: result.pages },
    });

    const pngs = await keepPngs('carnet-fr', file);
    expect(pngs.length).toBeGreaterThanOrEqual(6);
  });

  it('in English, even when the checkup ran in French', async () => {
    const { service, home } = await serviceWith(fillDubois);
    const file = join(home, 'logbook.pdf');
    const result = await service.reportWritePdf({ path: file, lang: 'en' });
    const pages = await pdfPages(await readFile(file));
    expect(pages.length).toBe(result.pages);
    const all = pages.join('\n');
    expectContains(pages[0]!, 'IT maintenance logbook');
    expectContains(pages[0]!, 'At a glance');
    expectContains(pages[0]!, '22 November 2026');
    const en = getT('en');
    for (const f of checkup.findings) {
      const english = findingText(f, 'title', 'en', getTranslate('en'));
      expectContains(all, english);
      const french = findingText(f, 'title', 'fr', getTranslate('fr'));
      if (squash(french) !== squash(english)) expect(squash(all)).not.toContain(squash(french));
    }
    expectContains(all, `☐ ${en('guides:steps.ios-app-store-auto.title')}`);
    expectContains(all, 'to check with the vendor');
    expectContains(all, 'Who does what, by when');
    expectContains(pages.at(-1)!, `page ${pages.length} / ${pages.length}`);
    await keepPngs('carnet-en', file, 3);
  });

  it('never overwrites an existing file unless asked, and then replaces it whole', async () => {
    const { service, home } = await serviceWith(fillDubois);
    const file = join(home, 'carnet.pdf');
    await writeFile(file, 'the owner’s own file');
    const error = await service.reportWritePdf({ path: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('exists');
    expect((error as ReportError).message).toMatch(/existe déjà.*Je ne l’ai pas remplacé/);
    expect(await readFile(file, 'utf8')).toBe('the owner’s own file');

    await service.reportWritePdf({ path: file, overwrite: true });
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readdir(home)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says in French when the place cannot be written, leaves no file and changes nothing in the workspace', async () => {
    const { service, home } = await serviceWith(fillDubois);
    const before = await service.workspaceGet();
    const cases: [string, string, RegExp][] = [
      ['/etc/hostname/carnet.pdf', 'not-directory', /n’est pas un dossier/],
      [join(home, 'no-such-folder', 'carnet.pdf'), 'no-folder', /n’existe pas/],
      [home, 'is-directory', /est un dossier/],
      // sysfs refuses new files even to root: a real « permission denied ».
      ['/sys/carnet.pdf', 'denied', /Je n’ai pas le droit d’écrire dans \/sys/],
    ];
    for (const [path, code, message] of cases) {
      const error = await service.reportWritePdf({ path, overwrite: true }).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(ReportError);
      expect((error as ReportError).code).toBe(code);
      expect((error as ReportError).message).toMatch(message);
      expect((error as ReportError).message).toMatch(/Rien n’a été modifié/);
    }
    expect(existsSync(join(home, 'no-such-folder'))).toBe(false);
    expect(await service.workspaceGet()).toEqual(before);
  });

  it('an empty workspace with no checkup possible still gives a valid carnet that says what could not be checked', async () => {
    const workspace = emptyWorkspace(NOW);
    const { bytes, pages } = await generateReportPdf({
      workspace,
      checkup: null,
      checkupError: 'le contrôle a été interrompu',
      lang: 'fr',
      now: NOW,
    });
    const text = (await pdfPages(bytes)).join('\n');
    expect(pages).toBeGreaterThanOrEqual(5);
    expectContains(text, 'Entreprise (nom non renseigné)');
    expectContains(text, 'Je n’ai pas pu faire le contrôle technique de cet ordinateur');
    expectContains(text, 'Raison : le contrôle a été interrompu');
    expectContains(text, '◌ Je n’ai pas pu vérifier');
    expectContains(text, 'Aucun logiciel métier n’est encore listé');
    expectContains(text, 'Pas de contrôle technique disponible');
    // Nothing checked is never shown as OK.
    expect(withoutLegend(text)).not.toContain(squash('● OK'));
  });

  it('hostile names (quotes, emoji, right-to-left, 5,000 characters, control characters) give a readable PDF', async () => {
    const long = 'Société ' + 'très-longue-'.repeat(420);
    const hostile = [
      '"; DROP TABLE devices; --',
      'Caisse 🧾🚚 n°2',
      'مكتب المحاسبة',
      'עסק קטן',
      '<script>alert(1)</script> ${x} {{y}}',
      'ligne1\nligne2\ttab\u0000nul',
      long,
    ];
    const workspace: Workspace = {
      ...emptyWorkspace(NOW),
      company: { name: long },
      provider: { name: 'Kévin « le prestataire » O’Neil', email: 'kevin@exemple.fr' },
      devices: hostile.map((name, i) => ({
        id: `d${i}`,
        kind: 'android-phone',
        name,
        addedAt: NOW.toISOString(),
        steps: (i === 0 ? { 'android-play-auto': NOW.toISOString() } : {}) as Record<string, string>,
      })),
      software: hostileSoftware(hostile),
    };
    const { bytes, pages } = await generateReportPdf({ workspace, checkup, lang: 'fr', now: NOW });
    const extracted = await pdfPages(bytes);
    expect(extracted.length).toBe(pages);
    const text = extracted.join('\n');
    expectContains(text, '"; DROP TABLE devices; --');
    expectContains(text, '<script>alert(1)</script> ${x} {{y}}');
    // Emoji DejaVu Sans lacks are drawn by Noto Emoji (never an invisible glyph that extracts as NUL).
    expectContains(text, 'Caisse 🧾🚚 n°2');
    expect(text).not.toContain('□');
    expectContains(text, 'مكتب');
    // Control characters are dropped (they print as empty boxes), line breaks kept.
    expectContains(text, 'ligne2 tab nul');
    expect(text).not.toContain('\u0000');
    expectContains(text, long.slice(0, 150));
    // A long name is shortened with « … » where it is printed, and given in full once in the annex.
    expectContains(text, long.slice(-200));
    // The footer keeps a short form of a huge company name, so page numbers stay visible.
    for (const [i, p] of extracted.entries()) expectContains(p, `page ${i + 1} / ${pages}`);
    const file = join(await tempDir(), 'hostile.pdf');
    await writeFile(file, bytes);
    // poppler opens it and renders every page without error.
    await keepPngs('hostile', file, 12);
    execFileSync('pdfinfo', [file]);
  });

  it('scale: 50 devices and 2,000 installed packages give a readable PDF: every device, the packages counted in one line', async () => {
    const applications = Array.from({ length: 2000 }, (_, i) => ({
      name: `programme-${String(i).padStart(4, '0')}-éditeur`,
      version: `1.${i}.0`,
      publisher: 'Éditeur',
      source: 'dpkg',
      installDate: null,
    }));
    const big: CheckupReport = { ...checkup, programs: undefined, inventory: { applications } };
    const workspace: Workspace = {
      ...emptyWorkspace(NOW),
      company: { name: 'Réseau de boutiques' },
      devices: Array.from({ length: 50 }, (_, i) => ({
        id: `d${i}`,
        kind: i % 2 ? 'ipad' : 'windows-pc',
        name: `Caisse n°${i + 1}`,
        addedAt: NOW.toISOString(),
        steps: {},
      })),
    };
    const { bytes, pages } = await generateReportPdf({ workspace, checkup: big, lang: 'fr', now: NOW });
    const extracted = await pdfPages(bytes);
    expect(extracted.length).toBe(pages);
    const text = extracted.join('\n');
    for (let i = 1; i <= 50; i += 1)
      expect(extracted.some((p) => squash(p).includes(squash(`Caisse n°${i}`)))).toBe(true);
    // Issue 12: no more pages of packages (a Debian machine gave 22): system packages are one line.
    expect(text).not.toContain('programme-0000');
    expectContains(text, '2000 composants du système');
    expect(pages).toBeLessThan(50 + 15);
  });

  it('a Windows PC replayed from a capture: the carnet runs the checkup itself, and the annex has the build, the settings read, Defender and the undo record', async () => {
    const dir = resolve(
      import.meta.dirname,
      '../../../../tests/fixtures/windows/win10-22h2-home-old-signatures',
    );
    const capture = await loadCapture(dir);
    const now = new Date(capture.manifest.now ?? NOW.toISOString());
    const home = await tempDir();
    const service = await createService({ home, host: createReplayHost(capture), now: () => now });
    await service.workspaceUpdate({ company: { name: 'Boulangerie Martin' } });
    // An undo record shaped as core/actions writes it (a registry value set, with the state before).
    await service.context.store.update((ws) => {
      ws.changes.push({
        id: 'c-1',
        planId: 'p-1',
        appliedAt: now.toISOString(),
        by: 'eric',
        kind: 'auto-updates',
        schedule: 'night',
        operations: [
          {
            index: 0,
            op: {
              op: 'registry-set',
              key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU',
              name: 'NoAutoUpdate',
              type: 'REG_DWORD',
              data: 0,
            },
            status: 'done',
            previous: { kind: 'registry', exists: true, type: 'REG_DWORD', data: 1 },
          },
        ],
      });
    });
    expect(await service.checkupLatest()).toBeNull();

    const file = join(home, 'carnet-windows.pdf');
    const result = await service.reportWritePdf({ path: file });
    const pages = await pdfPages(await readFile(file));
    expect(pages.length).toBe(result.pages);
    const all = pages.join('\n');
    const report = await service.checkupLatest();
    expect(report?.machine.hostname).toBe('PC-ACCUEIL');
    expect((await service.workspaceGet()).history.map((h) => h.kind)).toEqual(['checkup', 'report']);

    expectContains(pages[0]!, 'Cet ordinateur (PC-ACCUEIL)');
    expectContains(all, 'Contrôle rejoué depuis un enregistrement');
    for (const f of report!.findings) expectContains(all, f.title);
    expectContains(all, '☐ ' + report!.findings.find((f) => f.id === 'antivirus')!.title);
    expectContains(all, '✓ ' + report!.findings.find((f) => f.id === 'firewall')!.title);
    expectContains(all, 'Build exact 19045.3324');
    for (const s of report!.facts.autoUpdates?.settings ?? []) expectContains(all, shortSource(s.source));
    expectContains(all, 'Microsoft Defender Antivirus');
    expectContains(all, '1.397.358.0');
    expectContains(
      all,
      new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' }).format(new Date('2023-09-04T07:28:08.000Z')),
    );
    expectContains(
      all,
      'registry-set HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU NoAutoUpdate = 0 [done] — avant :',
    );
    // User-facing programs with their voyant (Notepad++ behind, 7-Zip targeted by attackers); the runtime is a system component.
    for (const p of report!.programs!.programs) expectContains(all, p.name);
    expectContains(all, 'Notepad++ 8.2.1 Notepad++ Team mise à jour disponible : 8.9.7');
    expectContains(all, '1 composants du système');
    await keepPngs('carnet-windows', file, 12);
  });

  it('the cover dates the checkup, and flags one older than a week', async () => {
    const old: CheckupReport = {
      ...checkup,
      generatedAt: new Date(NOW.getTime() - 30 * 86_400_000).toISOString(),
    };
    const stale = (
      await pdfPages(
        (await generateReportPdf({ workspace: emptyWorkspace(NOW), checkup: old, lang: 'fr', now: NOW }))
          .bytes,
      )
    )[0]!;
    expectContains(stale, 'Dernier contrôle technique 23/10/2026');
    expectContains(stale, 'date de plus de 7 jours : refaites le contrôle pour un état à jour');
    const fresh = (
      await pdfPages(
        (await generateReportPdf({ workspace: emptyWorkspace(NOW), checkup, lang: 'en', now: NOW })).bytes,
      )
    )[0]!;
    expectContains(fresh, 'Last check-up 22/11/2026');
    expect(squash(fresh)).not.toContain(squash('days old'));
  });

  it('a damaged or foreign last-checkup.json still gives a carnet, where nothing unreadable reads as OK', async () => {
    const { service, home } = await serviceWith(undefined, false);
    await writeFile(
      join(home, 'last-checkup.json'),
      JSON.stringify({
        generatedAt: 'hier',
        findings: [
          { id: 'antivirus', state: 'green', title: 'Antivirus parfait', key: 'no.such.key' },
          'garbage',
        ],
        facts: { os: { name: 'Windows 12' }, autoUpdates: { mechanism: 'x', settings: 'oops' } },
        inventory: 'none',
      }),
    );
    const file = join(home, 'carnet.pdf');
    const result = await service.reportWritePdf({ path: file });
    const pages = await pdfPages(await readFile(file));
    expect(pages.length).toBe(result.pages);
    const all = pages.join('\n');
    expectContains(all, 'Antivirus parfait ◌ Je n’ai pas pu vérifier');
    expect(withoutLegend(all)).not.toContain(squash('● OK'));
    expectContains(all, 'Le reste des valeurs lues n’a pas pu être affiché');
    expectContains(all, 'Je n’ai pas pu lire la liste des logiciels de cet ordinateur');
  });

  it('finds its fonts from the source tree, and says so plainly when an explicit folder lacks them', async () => {
    const fromSource = resolveAssetsDir(undefined, {});
    expect(existsSync(join(fromSource, 'fonts', 'DejaVuSans.ttf'))).toBe(true);
    // Packaged app: REVISION_ASSETS_DIR (the app's resources folder) wins over the source tree.
    const packaged = await tempDir();
    await cp(join(fromSource, 'fonts'), join(packaged, 'fonts'), { recursive: true });
    expect(resolveAssetsDir(undefined, { REVISION_ASSETS_DIR: packaged })).toBe(packaged);
    const rendered = await generateReportPdf(
      { workspace: emptyWorkspace(NOW), checkup: null, lang: 'fr', now: NOW },
      { assetsDir: packaged },
    );
    expect(rendered.pages).toBeGreaterThan(0);
    const empty = await tempDir();
    expect(() => resolveAssetsDir(empty)).toThrow(AssetsMissingError);
    expect(() => resolveAssetsDir(empty)).toThrow(/polices du carnet d’entretien sont introuvables/);
    const error = await generateReportPdf(
      { workspace: emptyWorkspace(NOW), checkup: null, lang: 'fr', now: NOW },
      { assetsDir: empty },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });
});
