/**
 * Paramètres → the version of Révision, whether it is signed (« non signée » builds never update
 * themselves), where its own updates stand, and « Journal technique », which shows the log file
 * the prestataire may ask for.
 */
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AppUpdateStatus } from '../../../shared/app-updates';
import { InlineError } from '../../components/notice-banner';
import { useLang } from '../../hooks';
import { errorMessage } from '../../store/types';

/** The app's version and updates, and the technical log button. */
export function AppUpdatesSection() {
  const { t } = useTranslation('appUpdates');
  const lang = useLang();
  const [status, setStatus] = useState<AppUpdateStatus | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    window.revision.appUpdates().then(
      (s) => live && setStatus(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const reveal = async () => {
    setError(null);
    try {
      await window.revision.shellRevealLog();
      setShown(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const date = status?.checkedAt
    ? new Date(status.checkedAt).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB')
    : '';
  return (
    <section className="card" aria-labelledby="settings-app-updates">
      <h2 id="settings-app-updates">{t('title')}</h2>
      {status && (
        <>
          <p>{t(status.signed ? 'versionSigned' : 'versionUnsigned', { version: status.version })}</p>
          <p role="status">{t(`state.${status.state}`, { available: status.available ?? '', date })}</p>
        </>
      )}
      <h3>{t('log')}</h3>
      <p className="hint">{t('logText')}</p>
      <Button className="button" onPress={() => void reveal()}>
        {t('logButton')}
      </Button>
      {shown && <p role="status">{t('logShown')}</p>}
      <InlineError message={error} />
    </section>
  );
}
