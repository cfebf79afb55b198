/**
 * Suivi (issue 14): test the essential programs after each update (step 4), ask the vendors
 * (step 3), give each task to someone with a date, restore what was removed, add it all to the calendar.
 */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CarnetIcon } from '../../components/icons';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { TaskList } from './task-list';
import { TestCard } from './test-card';
import { useOverview } from './use-journal';
import { VendorCard } from './vendor-card';
import './journal.css';

/** The follow-up screen. */
export function JournalScreen() {
  const { t } = useTranslation('carnet');
  const overview = useOverview();
  const software = useAppStore((s) => s.workspace?.software);
  if (!software) return null;
  const critical = software.filter((s) => s.critical);

  return (
    <div className="screen">
      <header className="screen__header">
        <CarnetIcon className="screen__icon" />
        <h1>{t('journal.title')}</h1>
      </header>
      <p>{t('journal.intro')}</p>

      <section className="card" aria-labelledby="journal-tests">
        <h2 id="journal-tests">{t('journal.testsTitle')}</h2>
        {critical.length === 0 ? (
          <p>{t('journal.noCritical')}</p>
        ) : (
          <>
            <p role="status">
              {overview &&
                (overview.toTest.length > 0
                  ? t('journal.toTestCount', { count: overview.toTest.length })
                  : t('journal.nothingToTest'))}
            </p>
            <ul className="journal-list">
              {critical.map((s) => (
                <TestCard
                  key={s.id}
                  software={s}
                  toTest={overview?.toTest.find((x) => x.softwareId === s.id)}
                />
              ))}
            </ul>
          </>
        )}
      </section>

      {software.length > 0 && (
        <section className="card" aria-labelledby="journal-vendors">
          <h2 id="journal-vendors">{t('journal.vendorsTitle')}</h2>
          <ul className="journal-list">
            {software.map((s) => (
              <VendorCard key={s.id} software={s} />
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="journal-tasks">
        <h2 id="journal-tasks">{t('journal.tasksTitle')}</h2>
        <p>{t('journal.tasksIntro')}</p>
        {overview && <TaskList tasks={overview.tasks} />}
      </section>

      <CalendarSection />
      <RemovedSection />
    </div>
  );
}

/** « Ajouter à mon agenda »: the .ics file. */
function CalendarSection() {
  const { t } = useTranslation('carnet');
  const exportCalendar = useAppStore((s) => s.exportCalendar);
  const notify = useAppStore((s) => s.notify);
  return (
    <section className="card" aria-labelledby="journal-calendar">
      <h2 id="journal-calendar">{t('journal.calendar')}</h2>
      <p>{t('journal.calendarHelp')}</p>
      <Button
        className="button button--primary"
        onPress={() =>
          void exportCalendar().then(
            (path) => path && notify({ kind: 'success', message: t('journal.calendarSaved', { path }) }),
          )
        }
      >
        {t('journal.calendar')}
      </Button>
    </section>
  );
}

/** Removed devices and programs, restorable for 30 days. */
function RemovedSection() {
  const { t } = useTranslation('carnet');
  const formatDate = useFormatDate();
  const overview = useAppStore((s) => s.overview);
  const restore = useAppStore((s) => s.restore);
  const notify = useAppStore((s) => s.notify);
  return (
    <section className="card" aria-labelledby="journal-removed">
      <h2 id="journal-removed">{t('journal.removedTitle')}</h2>
      <p>{t('journal.removedIntro')}</p>
      {!overview || overview.restorable.length === 0 ? (
        <p>{t('journal.removedNone')}</p>
      ) : (
        <ul className="journal-list">
          {overview.restorable.map((r) => (
            <li key={r.id} className="journal-item">
              <p>
                {t('journal.removedLine', { name: r.name, date: formatDate(r.removedAt) })}
                {r.by && r.by !== 'app' ? ` ${t('journal.removedBy', { by: r.by })}` : ''} ·{' '}
                {t('journal.until', { date: formatDate(`${r.until}T12:00:00`) })}
              </p>
              <Button
                className="button"
                onPress={() =>
                  void restore(r.id).then(
                    (ok) =>
                      ok && notify({ kind: 'success', message: t('journal.restored', { name: r.name }) }),
                  )
                }
              >
                {t('journal.restore', { name: r.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
