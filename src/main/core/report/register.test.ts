import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { generateReportPdf } from './index';
import { pdfPages, squash } from './testing/pdf-text';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'revision-register-pdf-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const contains = (text: string, needle: string) =>
  expect(squash(text), `« ${needle} »`).toContain(squash(needle));

/** A carnet where Éric delegated, tested and asked the vendor. */
async function carnet() {
  let at = new Date('2026-11-10T09:00:00');
  const service = await createService({ home, now: () => at });
  await service.workspaceUpdate({
    company: { name: 'Transports Dubois' },
    provider: { name: 'Kevin Informatique', email: 'k@presta.example.fr' },
    settings: { ownerName: 'Éric Dubois' },
  });
  const ws = await service.softwareUpsert({
    name: 'Sage 100',
    version: '9.0',
    category: 'comptabilite',
    critical: true,
  });
  const sage = ws.software[0]!.id;
  const fleet = (await service.softwareUpsert({ name: 'TruckPro', category: 'flotte', critical: true }))
    .software[1]!.id;
  await service.softwareScenario({
    id: sage,
    scenario: 'Créer un client fictif, l’enregistrer, le rechercher',
  });
  await service.softwareTest({ id: sage, result: 'works', by: 'Karim' });
  await service.softwareVendorAnswer({ id: sage, status: 'update', version: '9.1', due: '2026-12-15' });
  await service.tasksAssign({ key: `vendor:${fleet}`, assignee: { kind: 'provider' }, due: '2026-11-30' });
  await service.tasksAssign({
    key: 'mission:expert.monthly-review',
    assignee: { kind: 'colleague', name: 'Karim' },
    due: '2026-12-01',
  });
  at = new Date('2026-11-12T09:00:00');
  return { service, at };
}

describe('the carnet filled from the register', () => {
  it('prints who, by when, and « Fait le » only for what was done; per program the scenario, last test and vendor answer', async () => {
    const { service, at } = await carnet();
    const { bytes } = await generateReportPdf({
      workspace: await service.workspaceGet(),
      checkup: null,
      lang: 'fr',
      now: at,
    });
    const pages = await pdfPages(bytes);
    const all = pages.join('\n');
    const register = pages.find((p) =>
      squash(p).includes(squash('Tests après mise à jour et réponses des fournisseurs')),
    )!;
    expect(register).toBeDefined();
    contains(register, 'Créer un client fictif, l’enregistrer, le rechercher');
    contains(register, '10/11/2026');
    contains(register, 'ça marche');
    contains(register, 'Karim');
    // TruckPro was never tested: said so, and only there.
    expect(squash(register).split(squash('jamais testé')).length - 1).toBe(1);
    contains(register, 'Mise à jour à faire 9.1');
    contains(register, 'installer 9.1 avant le 15/12/2026');

    const signoff = pages.find(
      (p) => squash(p).includes(squash('Qui fait quoi, pour quand')) && squash(p).includes(squash('Fait le')),
    )!;
    // Delegated to the prestataire with a due day, not done: no « Fait le ».
    contains(
      signoff,
      'TruckPro : vérifier auprès de l’éditeur que la version est la dernière Kevin Informatique 30/11/2026',
    );
    // The Sage test was done (ça marche) on 10/11: « Fait le » dated.
    contains(
      signoff,
      'Sage 100 : tester après chaque mise à jour (une vraie action dans le logiciel) 10/11/2026',
    );
    // A mission task delegated to a colleague is listed too.
    contains(signoff, 'Karim 01/12/2026');
    expect(all).not.toContain('undefined');

    // The message to the prestataire names what is given to them, with the date, first.
    const mail = await service.reportEmail({ lang: 'fr' });
    expect(mail.body).toContain(
      '- Confié à vous : TruckPro : vérifier auprès de l’éditeur que la version est la dernière — pour le 30/11/2026',
    );
    expect(mail.body.indexOf('Confié à vous')).toBeLessThan(
      mail.body.indexOf('Me donner la liste des logiciels métiers'),
    );

    if (process.env.KEEP_PDF_PNG) {
      const dir = resolve(import.meta.dirname, '../../../../test-results/pdf');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'register.pdf'), bytes);
      execFileSync('pdftoppm', ['-png', '-r', '70', join(dir, 'register.pdf'), join(dir, 'register')]);
    }
  });

  it('in English too', async () => {
    const { service, at } = await carnet();
    const { bytes } = await generateReportPdf({
      workspace: await service.workspaceGet(),
      checkup: null,
      lang: 'en',
      now: at,
    });
    const all = (await pdfPages(bytes)).join('\n');
    contains(all, "Tests after updates and vendors' answers");
    contains(all, 'never tested');
    contains(all, 'it works');
  });
});
