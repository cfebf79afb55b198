/**
 * The message to the prestataire: what Kevin receives must say what is asked, name the business
 * software, mention the PDF to attach, and open in a mail client (a mailto: link short enough
 * for every client), in French or English. Built from a real checkup of this machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupReport } from '../../../shared/checkup';
import { emptyWorkspace, type Workspace } from '../../../shared/workspace';
import { runCheckup } from '../checkup/run-checkup';
import { createLiveHost } from '../exec/live-host';
import { createService } from '../service';
import { buildEmail, mailtoLink, safeAddress, MAILTO_MAX } from './email';
import { buildReportModel } from './model';

const NOW = new Date('2026-11-22T10:00:00Z');
let checkup: CheckupReport;
const dirs: string[] = [];

beforeAll(async () => {
  checkup = await runCheckup({ host: createLiveHost(), lang: 'fr', now: NOW });
}, 120_000);

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Decodes a mailto: link the way a mail client does. */
function openLink(link: string): { to: string; subject: string; body: string } {
  const url = new URL(link);
  expect(url.protocol).toBe('mailto:');
  return {
    to: decodeURIComponent(url.pathname),
    subject: url.searchParams.get('subject') ?? '',
    body: (url.searchParams.get('body') ?? '').replace(/\r\n/g, '\n'),
  };
}

function dubois(): Workspace {
  return {
    ...emptyWorkspace(NOW),
    company: { name: 'Transport Dubois' },
    provider: { name: 'Kevin', email: 'kevin@exemple.fr' },
    devices: [{ id: 'p1', kind: 'iphone', name: 'iPhone d’Éric', addedAt: NOW.toISOString(), steps: {} }],
    software: [
      {
        id: 's1',
        name: 'Sage Comptabilité',
        version: '9.1',
        category: 'comptabilite',
        critical: true,
        detected: false,
      },
    ],
  };
}

describe('the message to the prestataire', () => {
  it('in French: addressed to the prestataire, says what is asked, names the software, reminds to attach the PDF', async () => {
    const home = await mkdtemp(join(tmpdir(), 'revision-email-'));
    dirs.push(home);
    const service = await createService({ home, now: () => NOW });
    await service.context.store.saveCheckup(checkup);
    await service.workspaceUpdate({
      company: { name: 'Transport Dubois' },
      provider: { name: 'Kevin', email: 'kevin@exemple.fr' },
    });
    await service.softwareUpsert({
      name: 'Sage Comptabilité',
      version: '9.1',
      category: 'comptabilite',
      critical: true,
    });
    const before = (await service.workspaceGet()).history.length;

    const email = await service.reportEmail({ lang: 'fr' });
    expect(email.to).toBe('kevin@exemple.fr');
    expect(email.subject).toBe('Carnet d’entretien informatique — Transport Dubois — 22 novembre 2026');
    expect(email.body).toMatch(/^Bonjour Kevin,/);
    expect(email.body).toContain('Le PDF est en pièce jointe');
    expect(email.body).toContain('Sage Comptabilité 9.1');
    expect(email.body).toContain('liste des logiciels métiers à mettre à jour');
    expect(email.body).toContain('qui s’en charge et pour quand');
    for (const f of checkup.findings.filter((x) => x.state === 'danger' || x.state === 'attention'))
      expect(email.body).toContain(f.title);

    const opened = openLink(email.mailto);
    expect(opened.to).toBe('kevin@exemple.fr');
    expect(opened.subject).toBe(email.subject);
    expect(opened.body).toContain('pièce jointe');
    expect(email.mailto.length).toBeLessThanOrEqual(MAILTO_MAX);
    // Preparing the message sends nothing and writes nothing.
    expect((await service.workspaceGet()).history.length).toBe(before);
  });

  it('in English, from a French checkup', () => {
    const email = buildEmail(buildReportModel({ workspace: dubois(), checkup, lang: 'en', now: NOW }));
    expect(email.subject).toBe('IT maintenance logbook — Transport Dubois — 22 November 2026');
    expect(email.body).toMatch(/^Hello Kevin,/);
    expect(email.body).toContain('The PDF is attached');
    expect(email.body).toContain('iPhone d’Éric');
    expect(email.body).not.toContain('Bonjour');
  });

  it('a big workspace: the link stays under the limit, keeps the PDF reminder and points to the PDF for the rest; the copied body keeps everything', () => {
    const ws: Workspace = {
      ...dubois(),
      devices: Array.from({ length: 60 }, (_, i) => ({
        id: `d${i}`,
        kind: 'android-phone',
        name: `Téléphone du chauffeur n°${i + 1} « équipe de nuit »`,
        addedAt: NOW.toISOString(),
        steps: {},
      })),
      software: Array.from({ length: 40 }, (_, i) => ({
        id: `s${i}`,
        name: `Logiciel métier numéro ${i + 1}`,
        version: null,
        category: 'autre',
        critical: false,
        detected: false,
      })),
    };
    const email = buildEmail(buildReportModel({ workspace: ws, checkup, lang: 'fr', now: NOW }));
    expect(email.mailto.length).toBeLessThanOrEqual(MAILTO_MAX);
    const opened = openLink(email.mailto);
    expect(opened.subject).toBe(email.subject);
    expect(opened.body).toContain('pièce jointe');
    expect(opened.body).toMatch(/autres? points? : voir le PDF/);
    expect(email.body).toContain('Téléphone du chauffeur n°60');
    expect(email.body).toContain('Logiciel métier numéro 40');
  });

  it('hostile input: a bad address is left out, names cannot add headers, broken emoji do not crash', () => {
    expect(safeAddress('kevin@exemple.fr')).toBe('kevin@exemple.fr');
    expect(safeAddress('kevin@exemple.fr?bcc=pirate@evil.example')).toBe('');
    expect(safeAddress('a@b.fr, c@d.fr')).toBe('');
    expect(safeAddress('pas une adresse')).toBe('');
    const ws: Workspace = {
      ...dubois(),
      company: { name: 'Dubois&subject=pirate\r\nBcc: x@y.z \uD83D' + 'x'.repeat(5000) },
      provider: { name: 'Kevin', email: 'kevin@exemple.fr&bcc=x@y.z' },
    };
    const email = buildEmail(buildReportModel({ workspace: ws, checkup: null, lang: 'fr', now: NOW }));
    expect(email.to).toBe('');
    expect(email.mailto.length).toBeLessThanOrEqual(MAILTO_MAX);
    const url = new URL(email.mailto);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.pathname).toBe('');
    expect(mailtoLink('', 'a b', 'ligne 1\nligne 2')).toBe(
      'mailto:?subject=a%20b&body=ligne%201%0D%0Aligne%202',
    );
  });

  it('with no company name, no prestataire and no checkup, it still reads naturally', () => {
    const email = buildEmail(
      buildReportModel({ workspace: emptyWorkspace(NOW), checkup: null, lang: 'fr', now: NOW }),
    );
    expect(email.to).toBe('');
    expect(email.subject).toBe('Carnet d’entretien informatique — 22 novembre 2026');
    expect(email.body).toMatch(/^Bonjour,/);
    expect(email.body).toContain('de notre entreprise');
    expect(email.body).toContain('refaire le contrôle technique');
  });
});
