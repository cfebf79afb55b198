/**
 * The messages the register prepares (never sends): « Demander au fournisseur » (step 3) and,
 * after « ça ne marche pas », the message to the vendor or the prestataire with the versions
 * before and after the update (step 4).
 */
import type { ProviderEmail } from '../../../shared/ipc';
import type { Lang } from '../../../shared/i18n';
import type { BusinessSoftware, Workspace } from '../../../shared/workspace';
import { getT } from '../i18n';
import { mailtoLink, safeAddress } from '../report/email';

/** The first usable e-mail address in a free-text contact (« 01 23 45 67 89 — support@editeur.fr »). */
export function addressIn(text: string | undefined): string {
  for (const word of (text ?? '').split(/[\s,;<>()]+/)) {
    const address = safeAddress(word);
    if (address) return address;
  }
  return '';
}

function mail(to: string, subject: string, body: string): ProviderEmail {
  return { to, subject, body, mailto: mailtoLink(to, subject, body) };
}

function signature(ws: Workspace): string {
  return [ws.settings.ownerName.trim(), ws.company.name.trim()].filter(Boolean).join(' — ');
}

/** « Ma version X est-elle la dernière ? Y a-t-il des mises à jour de sécurité ? » to the vendor. */
export function vendorQuestion(
  ws: Workspace,
  sw: BusinessSoftware,
  version: string | null,
  lang: Lang,
): ProviderEmail {
  const t = getT(lang);
  const v = version ?? t('carnet:vendor.versionUnknown');
  const subject = t('carnet:vendor.subject', { name: sw.name, version: v });
  const body = t('carnet:vendor.body', { name: sw.name, version: v, signature: signature(ws) });
  return mail(addressIn(sw.vendorContact), subject, body);
}

/** After « ça ne marche pas »: to the vendor (else the prestataire), with the versions before and after. */
export function brokenMessage(ws: Workspace, sw: BusinessSoftware, lang: Lang): ProviderEmail {
  const t = getT(lang);
  const tests = sw.tests ?? [];
  const last = tests.at(-1);
  const before = [...tests.slice(0, -1)].reverse().find((x) => x.result === 'works');
  const unknown = t('carnet:vendor.versionUnknown');
  const subject = t('carnet:broken.subject', { name: sw.name });
  const body = t('carnet:broken.body', {
    name: sw.name,
    scenario: sw.scenario ?? t('carnet:broken.noScenario'),
    before: before?.version ?? unknown,
    after: last?.version ?? unknown,
    note: last?.note ?? '',
    signature: signature(ws),
  });
  return mail(addressIn(sw.vendorContact) || safeAddress(ws.provider.email), subject, body);
}
