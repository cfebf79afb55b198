/**
 * « Site web » in « Autres appareils »: the owner adds the site's address; Révision reads its public
 * pages and shows its voyants (software and version, server language, certificate, answer), what to
 * ask the web agency, and when it was checked. Re-checked with each checkup.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/checkup';
import { displayParams } from '../../../shared/finding-text';
import type { Lang } from '../../../shared/i18n';
import type { SiteReport } from '../../../shared/site';
import type { SiteEntry } from '../../../shared/workspace';
import { Field } from '../../components/field';
import { Voyant, worstState } from '../../components/voyant';
import { useAppStore } from '../../store';
import { useLightFocus } from '../dashboard/use-light-focus';
import './site.css';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** One voyant of a site, written in the interface language from its key (stored text as fallback). */
function SiteFinding({ finding }: { readonly finding: Finding }) {
  const { t, i18n } = useTranslation('site');
  const lang = (i18n.language === 'en' ? 'en' : 'fr') as Lang;
  const params = displayParams(finding.params, lang, (k, o) => String(t(k, o as never)));
  const text = (part: 'title' | 'detail' | 'action') =>
    String(t(`findings.${finding.key}.${part}`, { ...params, defaultValue: finding[part] }));
  return (
    <li className="site-finding">
      <Voyant state={finding.state} />
      <div>
        <p className="site-finding__title">{text('title')}</p>
        <p>{text('detail')}</p>
        <p className="muted">{text('action')}</p>
      </div>
    </li>
  );
}

/** One site: its worst voyant, then each voyant, what to ask, and the date of the check. */
function SiteCard({ site }: { readonly site: SiteEntry }) {
  const { t, i18n } = useTranslation('site');
  const removeSite = useAppStore((s) => s.removeSite);
  const report = (site.last as SiteReport | undefined) ?? null;
  const host = hostOf(site.url);
  const asks = report?.askItems
    ? report.askItems.map((a) => String(t(`ask.${a.key}`, a.params)))
    : (report?.ask ?? []);
  const date = report
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
      }).format(new Date(report.checkedAt))
    : '';
  return (
    <Disclosure
      className={`voyant-card voyant-card--${report ? worstState(report.findings.map((f) => f.state)) : 'pending'}`}
      defaultExpanded
    >
      <Heading level={3} className="voyant-card__heading">
        <Button slot="trigger" className="voyant-card__trigger">
          <Voyant state={report ? worstState(report.findings.map((f) => f.state)) : 'pending'} />
          <span className="voyant-card__title">{host}</span>
          <span className="muted">{report ? t('ui.checkedAt', { date }) : t('ui.notChecked')}</span>
        </Button>
      </Heading>
      <DisclosurePanel className="voyant-card__panel">
        {report ? (
          <ul className="site-findings">
            {report.findings.map((f) => (
              <SiteFinding key={f.id} finding={f} />
            ))}
          </ul>
        ) : (
          <p>{t('ui.notChecked')}</p>
        )}
        {asks.length > 0 && <p className="site-ask">{t('ui.ask', { ask: asks.join(t('ui.and')) })}</p>}
        <Button className="button button--quiet" onPress={() => void removeSite(site.id)}>
          {t('ui.removeLabel', { host })}
        </Button>
      </DisclosurePanel>
    </Disclosure>
  );
}

/** The website section: the sites with their voyants, the add form, and « vérifier maintenant ». */
export function SitePanel() {
  const { t } = useTranslation('site');
  const sites = useAppStore((s) => s.workspace?.sites ?? emptySites);
  const checking = useAppStore((s) => s.siteChecking);
  const addError = useAppStore((s) => s.siteAddError);
  const addSite = useAppStore((s) => s.addSite);
  const checkSites = useAppStore((s) => s.checkSites);
  const [url, setUrl] = useState('');
  // Opened from the « Site web » light of the dashboard: this section takes the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useLightFocus('website', heading);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await addSite(url)) setUrl('');
  };

  return (
    <section className="card card--inner site-panel" aria-labelledby="site-panel-heading">
      <h3 id="site-panel-heading" ref={heading} tabIndex={-1}>
        {t('ui.heading')}
      </h3>
      <p>{t('ui.intro')}</p>
      {sites.length > 0 && (
        <div className="devices__list" aria-busy={checking}>
          {sites.map((s) => (
            <SiteCard key={s.id} site={s} />
          ))}
          <Button className="button" onPress={() => void checkSites()} isDisabled={checking}>
            {checking ? t('ui.checking') : t('ui.check')}
          </Button>
        </div>
      )}
      <Form className="add-site" onSubmit={submit}>
        <Field
          label={t('ui.address')}
          value={url}
          onChange={setUrl}
          description={t('ui.addressHelp')}
          name="siteUrl"
          isInvalid={!!addError}
          errorMessage={addError ?? undefined}
        />
        <Button type="submit" className="button button--primary" isDisabled={checking || url.trim() === ''}>
          {checking ? t('ui.checking') : t('ui.add')}
        </Button>
      </Form>
    </section>
  );
}

const emptySites: readonly SiteEntry[] = [];
