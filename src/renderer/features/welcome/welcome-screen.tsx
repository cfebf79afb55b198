/** Premier lancement: a short welcome, the company and the prestataire, then the contrôle technique. */
import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { TruckIcon } from '../../components/icons';
import { useLang } from '../../hooks';
import { useAppStore } from '../../store';
import { WeeklySwitch } from '../journal/watch-settings';

/** The welcome screen. */
export function WelcomeScreen() {
  const { t } = useTranslation('ui');
  const lang = useLang();
  const workspace = useAppStore((s) => s.workspace);
  const updateWorkspace = useAppStore((s) => s.updateWorkspace);
  const runCheckup = useAppStore((s) => s.runCheckup);
  const go = useAppStore((s) => s.go);
  const [company, setCompany] = useState(workspace?.company.name ?? '');
  const [providerName, setProviderName] = useState(workspace?.provider.name ?? '');
  const [providerEmail, setProviderEmail] = useState(workspace?.provider.email ?? '');
  const [weeklyCheck, setWeeklyCheck] = useState(workspace?.settings.weeklyCheck ?? true);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const emailInvalid =
    providerEmail.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(providerEmail.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    // The cursor goes to the first field to fix, so the owner sees at once what is missing.
    const invalid = !company.trim() ? 'company' : emailInvalid ? 'providerEmail' : null;
    if (invalid) {
      const field = (e.currentTarget as HTMLFormElement).elements.namedItem(invalid);
      if (field instanceof HTMLInputElement) field.focus();
      return;
    }
    setBusy(true);
    const saved = await updateWorkspace({
      company: { name: company.trim() },
      provider: { name: providerName.trim(), email: providerEmail.trim() },
      settings: { weeklyCheck },
    });
    setBusy(false);
    if (!saved) return;
    go('checkup');
    const report = await runCheckup(lang);
    if (report) await updateWorkspace({ onboarded: true });
  };

  return (
    <div className="welcome">
      <div className="welcome__hero">
        <TruckIcon className="welcome__truck" />
        <h1>{t('welcome.title')}</h1>
        <p className="lead">{t('welcome.lead')}</p>
        <p>{t('welcome.metaphor')}</p>
        <p>{t('welcome.what')}</p>
      </div>
      <Form className="card form" onSubmit={submit} validationBehavior="aria">
        <h2>{t('welcome.formTitle')}</h2>
        <Field
          label={t('welcome.company')}
          value={company}
          onChange={setCompany}
          isRequired
          autoFocus
          name="company"
          isInvalid={tried && !company.trim()}
          description={t('welcome.companyHelp')}
          errorMessage={t('welcome.companyRequired')}
        />
        <fieldset className="fieldset">
          <legend>{t('welcome.providerLegend')}</legend>
          <p className="hint">{t('welcome.providerHelp')}</p>
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
            errorMessage={t('welcome.emailInvalid')}
            isInvalid={tried && emailInvalid}
          />
        </fieldset>
        <WeeklySwitch checked={weeklyCheck} onChange={setWeeklyCheck} />
        <Button type="submit" className="button button--primary button--large" isDisabled={busy}>
          {t('welcome.start')}
        </Button>
      </Form>
    </div>
  );
}
