/** Paramètres: language, company, prestataire, where the data is kept, « à propos ». */
import { useState, type FormEvent } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { Field } from '../../components/field';
import { SpannerIcon } from '../../components/icons';
import { useAppStore } from '../../store';
import { AppUpdatesSection } from '../app-updates/app-updates-section';
import { WatchSettings } from '../journal/watch-settings';
import { FleetJoinCard } from '../fleet/fleet-join';

/** The settings screen. */
export function SettingsScreen() {
  const { t } = useTranslation('ui');
  const workspace = useAppStore((s) => s.workspace);
  const appInfo = useAppStore((s) => s.appInfo);
  const update = useAppStore((s) => s.updateWorkspace);
  const notify = useAppStore((s) => s.notify);
  const [company, setCompany] = useState(workspace?.company.name ?? '');
  const [providerName, setProviderName] = useState(workspace?.provider.name ?? '');
  const [providerEmail, setProviderEmail] = useState(workspace?.provider.email ?? '');
  const [providerPhone, setProviderPhone] = useState(workspace?.provider.phone ?? '');
  const [computerName, setComputerName] = useState(workspace?.settings.computerName ?? '');
  if (!workspace) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await update({
      company: { name: company.trim() },
      provider: { name: providerName.trim(), email: providerEmail.trim(), phone: providerPhone.trim() },
      settings: { computerName: computerName.trim() },
    });
    if (ok) notify({ kind: 'success', message: t('settings.saved') });
  };

  return (
    <div className="screen">
      <header className="screen__header">
        <SpannerIcon className="screen__icon" />
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="card" aria-labelledby="settings-lang">
        <h2 id="settings-lang">{t('settings.language')}</h2>
        <RadioGroup
          className="radio-list"
          value={workspace.settings.lang}
          onChange={(v) => void update({ settings: { lang: v as Lang } })}
          aria-labelledby="settings-lang"
        >
          <Label className="visually-hidden">{t('settings.language')}</Label>
          <Radio value="fr" className="chip" lang="fr">
            Français
          </Radio>
          <Radio value="en" className="chip" lang="en">
            English
          </Radio>
        </RadioGroup>
      </section>
      <Form className="card form" onSubmit={save}>
        <h2>{t('settings.identity')}</h2>
        <Field label={t('welcome.company')} value={company} onChange={setCompany} name="company" />
        <Field
          label={t('settings.computerName')}
          value={computerName}
          onChange={setComputerName}
          name="computerName"
          description={t('settings.computerNameHelp')}
        />
        <Field
          label={t('welcome.providerName')}
          value={providerName}
          onChange={setProviderName}
          name="providerName"
        />
        <Field
          label={t('welcome.providerEmail')}
          value={providerEmail}
          onChange={setProviderEmail}
          type="email"
          name="providerEmail"
        />
        <Field
          label={t('settings.providerPhone')}
          value={providerPhone}
          onChange={setProviderPhone}
          type="tel"
          name="providerPhone"
        />
        <Button type="submit" className="button button--primary">
          {t('settings.save')}
        </Button>
      </Form>
      <WatchSettings />
      <FleetJoinCard />
      <section className="card" aria-labelledby="settings-data">
        <h2 id="settings-data">{t('settings.data')}</h2>
        <p>{t('settings.dataText')}</p>
        <p>
          <code className="path" translate="no">
            {appInfo?.dataDir}
          </code>
        </p>
      </section>
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <p>{t('settings.aboutText', { version: appInfo?.version ?? '' })}</p>
      </section>
      <AppUpdatesSection />
    </div>
  );
}
