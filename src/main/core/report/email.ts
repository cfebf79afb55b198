/**
 * The message to the prestataire: a plain e-mail, ready to copy or to open in the mail client,
 * that says what is asked and reminds to attach the PDF. Révision never sends it itself.
 */
import type { ProviderEmail } from '../../../shared/ipc';
import { getT } from '../i18n';
import { formatDate, openCount, shorten, type ReportModel } from './model';
import { siteEmailAsks } from './site-section';
import { formatDay } from './register-page';

/** Longest mailto: link produced; some mail clients and browsers cut longer ones. */
export const MAILTO_MAX = 1800;

/** A usable address, or '' (nothing that could add headers or recipients to the link). */
export function safeAddress(email: string): string {
  const e = email.trim();
  return /^[^\s@,;?&<>"'()]+@[^\s@,;?&<>"'()]+\.[^\s@,;?&<>"'()]+$/.test(e) ? e : '';
}

/** The mailto: link for an address, subject and body (RFC 6068: percent-encoded, CRLF line ends). */
export function mailtoLink(to: string, subject: string, body: string): string {
  // Lone surrogates (broken emoji in pasted text) would make encodeURIComponent throw.
  const enc = (s: string) =>
    encodeURIComponent(
      s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
    );
  const address = to ? enc(to).replace(/%40/g, '@') : '';
  return `mailto:${address}?subject=${enc(subject)}&body=${enc(body.replace(/\r?\n/g, '\r\n'))}`;
}

/** What the owner asks the prestataire, delegated tasks first (the PDF holds them all). */
function emailAsks(model: ReportModel, t: ReturnType<typeof getT>): string[] {
  const asks: string[] = [];
  // To the prestataire, the problems speak for themselves: titles only (the actions are worded for the owner).
  for (const f of model.computer.findings.filter((x) => x.state === 'attention' || x.state === 'danger'))
    asks.push(t('report:email.askComputer', { title: shorten(f.title, 220) }));
  const unknown = model.computer.checkup
    ? model.computer.findings.filter((f) => f.state === 'unknown').map((f) => shorten(f.title, 80))
    : [t('report:signoff.runCheckup')];
  if (unknown.length > 0) asks.push(t('report:email.askUnknown', { list: unknown.join(', ') }));
  if (model.software.length > 0) {
    asks.push(
      t('report:email.askSoftware', {
        list: model.software
          .map((s) => shorten(`${s.name}${s.version ? ` ${s.version}` : ''}`, 60))
          .join(', '),
      }),
    );
  } else {
    asks.push(t('report:email.askSoftwareNone'));
  }
  const devicesTodo = model.devices
    .filter((d) => d.open > 0)
    .map((d) => shorten(d.device.name || d.kindLabel, 50));
  if (devicesTodo.length > 0) asks.push(t('report:email.askDevices', { list: devicesTodo.join(', ') }));
  asks.push(...siteEmailAsks(model.sites, model.lang));
  // Delegated in the register, not done yet: named first, with their due day (issue 14).
  const delegated = model.actions
    .filter((a) => a.toProvider && !a.doneAt)
    .map((a) => {
      const text = shorten(a.text, 160);
      return a.due
        ? t('carnet:email.delegated', { text, date: formatDay(a.due, model.lang) })
        : t('carnet:email.delegatedNoDue', { text });
    });
  return [...delegated, ...asks];
}

/** The link must stay short: drop requests from the end (the PDF has them all), then cut the rest. */
function fittedLink(
  to: string,
  subject: string,
  asks: string[],
  compose: (items: string[], dropped: number) => string,
): string {
  let kept = asks.length;
  let short = compose(asks, 0);
  while (mailtoLink(to, subject, short).length > MAILTO_MAX && kept > 0) {
    kept -= 1;
    short = compose(asks.slice(0, kept), asks.length - kept);
  }
  let link = mailtoLink(to, subject, short);
  if (link.length > MAILTO_MAX) {
    // Only the fixed sentences are left and they are still too long (a huge company name): cut the text.
    let cut = Array.from(short);
    while (link.length > MAILTO_MAX && cut.length > 0) {
      cut = cut.slice(0, Math.floor(cut.length * 0.9));
      link = mailtoLink(to, shorten(subject, 150), cut.join('') + '…');
    }
  }
  return link;
}

/** Builds the e-mail from the carnet's model. */
export function buildEmail(model: ReportModel): ProviderEmail {
  const t = getT(model.lang);
  const date = formatDate(model.generatedAt, model.lang, 'long');
  const company = model.companyGiven ? shorten(model.company, 120) : t('report:email.ourCompany');
  const to = safeAddress(model.provider.email);
  const subject = model.companyGiven
    ? t('report:email.subject', { company, date })
    : t('report:email.subjectNoCompany', { date });
  const asks = emailAsks(model, t);
  const compose = (items: string[], dropped: number): string =>
    [
      model.provider.name
        ? t('report:email.greeting', { name: shorten(model.provider.name, 80) })
        : t('report:email.greetingNoName'),
      '',
      t('report:email.intro', { company, date }),
      t('report:email.attachReminder'),
      '',
      t('report:email.summary', {
        devices: t('report:email.devices', { count: model.devices.length + 1 }),
        open: t('report:email.open', { count: openCount(model) }),
      }),
      '',
      t('report:email.askTitle'),
      ...items,
      ...(dropped > 0 ? [t('report:email.more', { count: dropped })] : []),
      '',
      t('report:email.signoff'),
      '',
      t('report:email.thanks'),
      ...(model.companyGiven ? [t('report:email.signature', { company })] : []),
    ].join('\n');
  return { to, subject, body: compose(asks, 0), mailto: fittedLink(to, subject, asks, compose) };
}
