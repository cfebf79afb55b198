/** On the dashboard: « 2 logiciels à tester », « 1 tâche en retard », and the way to the Suivi screen. */
import './journal.css';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Voyant } from '../../components/voyant';
import { useAppStore } from '../../store';
import { useOverview } from './use-journal';

/** The follow-up card of the dashboard (nothing when there is nothing to test and nothing late). */
export function DashboardCounts() {
  const { t } = useTranslation('carnet');
  const overview = useOverview();
  const go = useAppStore((s) => s.go);
  if (!overview || (overview.toTest.length === 0 && overview.overdue === 0)) return null;
  return (
    <section className="card journal-counts" aria-labelledby="dash-journal">
      <h2 id="dash-journal">{t('nav.journal')}</h2>
      <ul className="counts">
        {overview.toTest.length > 0 && (
          <li data-testid="to-test-count">
            <Voyant state="attention" label={t('dashboard.toTest', { count: overview.toTest.length })} />
          </li>
        )}
        {overview.overdue > 0 && (
          <li data-testid="overdue-count">
            <Voyant state="danger" label={t('dashboard.overdue', { count: overview.overdue })} />
          </li>
        )}
      </ul>
      <Button className="button button--primary" onPress={() => go('journal')}>
        {t('dashboard.open')}
      </Button>
    </section>
  );
}
