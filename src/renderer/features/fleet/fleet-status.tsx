/** « Votre flotte », when this computer reports to a fleet server: where, and when the last report went. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/** A few lines for the dashboard's fleet card; nothing when not joined. */
export function FleetServerStatus() {
  const { t, i18n } = useTranslation('fleetApp');
  const fleet = useAppStore((s) => s.fleet);
  const loadFleet = useAppStore((s) => s.loadFleet);
  useEffect(() => {
    void loadFleet();
  }, [loadFleet]);
  if (!fleet?.joined) return null;
  const date = fleet.lastSentAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
        new Date(fleet.lastSentAt),
      )
    : null;
  return (
    <div className="fleet-server">
      <p>{t('dashboard.reportsTo', { site: fleet.site })}</p>
      <p>{date ? t('dashboard.lastSent', { date }) : t('dashboard.neverSent')}</p>
      {fleet.queued > 0 && <p>{t('dashboard.queued', { count: fleet.queued })}</p>}
    </div>
  );
}
