/** Paramètres › Serveur de flotte: join with the address and code the prestataire gave. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { useAppStore } from '../../store';

/** The settings card. */
export function FleetJoinCard() {
  const { t } = useTranslation('fleetApp');
  const fleet = useAppStore((s) => s.fleet);
  const loadFleet = useAppStore((s) => s.loadFleet);
  const joinFleet = useAppStore((s) => s.joinFleet);
  const notify = useAppStore((s) => s.notify);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadFleet();
  }, [loadFleet]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    if (await joinFleet(url, code)) notify({ kind: 'success', message: t('settings.joined') });
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby="settings-fleet">
      <h2 id="settings-fleet">{t('settings.title')}</h2>
      {fleet?.joined && <p>{t('settings.server', { url: fleet.url, site: fleet.site })}</p>}
      <p>{t('settings.intro')}</p>
      <Form onSubmit={(e) => void submit(e)}>
        <Field
          label={t('settings.url')}
          description={t('settings.urlHelp')}
          value={url}
          onChange={setUrl}
          isRequired
          name="fleet-url"
        />
        <Field label={t('settings.code')} value={code} onChange={setCode} isRequired name="fleet-code" />
        <Button type="submit" className="button" isDisabled={busy}>
          {t('settings.join')}
        </Button>
      </Form>
    </section>
  );
}
