/**
 * The truck dashboard (issue 17): the cluster's dials (assets/dashboard/truck-cluster.svg), the board
 * screen with this computer's name, its last check and the « révision » reminder, then the six
 * warning lights as real buttons, and the legend of their shapes.
 */
import './dashboard.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import clusterArt from '../../../../assets/dashboard/truck-cluster.svg?url';
import { ownComputerName } from '../../../shared/computer-name';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { useOverview } from '../journal/use-journal';
import { LightButton } from './light-button';
import { LightShape } from './light-shape';
import { dashboardLights } from './lights';
import { revisionReminder } from './reminder';

/** « Prochaine révision : dans 12 jours — 10 décembre », late in attention or danger style. */
function RevisionReminder() {
  const { t } = useTranslation('dashboard');
  const formatDate = useFormatDate();
  useOverview();
  const status = useAppStore((s) => s.scheduleStatus);
  // Until the watch's status is read, say nothing rather than « pas encore prévue ».
  if (!status) return null;
  const r = revisionReminder(status, new Date());
  const words =
    r.kind === 'due'
      ? t('reminder.due', { count: r.days, date: formatDate(r.date) })
      : r.kind === 'today'
        ? t('reminder.today', { date: formatDate(r.date) })
        : r.kind === 'late'
          ? t('reminder.late', { count: r.days, date: formatDate(r.date) })
          : t(`reminder.${r.kind}`);
  const hint = r.kind === 'late' ? t('reminder.lateHint') : r.kind === 'off' ? t('reminder.offHint') : null;
  return (
    <div className={`reminder reminder--${r.tone}`} data-testid="revision-reminder" data-tone={r.tone}>
      {(r.tone === 'attention' || r.tone === 'danger') && (
        <LightShape state={r.tone} className="reminder__shape" />
      )}
      <p>
        <strong>{t('reminder.title')}</strong> {words}
        {hint && <span className="reminder__hint">{hint}</span>}
      </p>
    </div>
  );
}

/** The legend: each shape and what it means. */
function Legend() {
  const { t } = useTranslation('dashboard');
  return (
    <div className="cluster__legend">
      <h3>{t('legend.title')}</h3>
      <ul>
        {(['ok', 'attention', 'danger', 'unknown'] as const).map((state) => (
          <li key={state}>
            <LightShape state={state} className="cluster__legend-shape" />
            {t(`legend.${state}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The whole cluster. */
export function TruckCluster() {
  const { t } = useTranslation(['dashboard', 'ui']);
  const formatDate = useFormatDate();
  const report = useAppStore((s) => s.report);
  const workspace = useAppStore((s) => s.workspace);
  const lights = useMemo(() => (workspace ? dashboardLights(report, workspace) : []), [report, workspace]);
  if (!workspace) return null;
  const name = ownComputerName(workspace.settings);
  return (
    <section className="cluster" aria-labelledby="cluster-title">
      <h2 id="cluster-title" className="visually-hidden">
        {t('clusterLabel')}
      </h2>
      <div className="cluster__face">
        <img className="cluster__art" src={clusterArt} alt="" />
        <div className="cluster__display" role="group" aria-label={t('display.label')}>
          <p className="cluster__computer">{name ? <bdi>{name}</bdi> : t('ui:dashboard.computer')}</p>
          <p>
            {report
              ? t('ui:dashboard.lastCheck', { date: formatDate(report.generatedAt, true) })
              : t('display.neverChecked')}
          </p>
          <RevisionReminder />
        </div>
        <ul className="cluster__lights" aria-label={t('lightsLabel')}>
          {lights.map((light) => (
            <li key={light.id}>
              <LightButton light={light} />
            </li>
          ))}
        </ul>
        <p className="cluster__hint">{t('lightsHint')}</p>
        <Legend />
      </div>
    </section>
  );
}
