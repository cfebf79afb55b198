/** Tableau de bord: this computer, the fleet, the current mission, the date of the last check. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { currentMission, deviceState, missionProgress } from '../../../shared/missions';
import { CarnetIcon, FleetIcon, FlagIcon, GaugeIcon, TruckIcon } from '../../components/icons';
import { FleetServerStatus } from '../fleet/fleet-status';
import { ProgressMeter } from '../../components/progress-meter';
import { Voyant, VoyantCounts, worstState } from '../../components/voyant';
import { useLang, useMissionContext } from '../../hooks';
import { useAppStore } from '../../store';
import { ExportPdfButton } from '../missions/provider-actions';
import { ReopenedNotice } from '../missions/reopened-notice';
import { DashboardCounts } from '../journal/dashboard-counts';
import { ownComputerName } from '../../../shared/computer-name';
import { TruckCluster } from './truck-cluster';

/** The dashboard. */
export function DashboardScreen() {
  const { t } = useTranslation(['ui', 'guides']);
  const lang = useLang();
  const report = useAppStore((s) => s.report);
  const workspace = useAppStore((s) => s.workspace);
  const running = useAppStore((s) => s.running);
  const runCheckup = useAppStore((s) => s.runCheckup);
  const go = useAppStore((s) => s.go);
  const openInventory = useAppStore((s) => s.openInventory);
  const ctx = useMissionContext();
  if (!workspace || !ctx) return null;
  const machineState = report ? worstState(report.findings.map((f) => f.state)) : 'pending';
  const mission = currentMission(ctx);
  const progress = mission ? missionProgress(mission, ctx) : null;
  const devices = workspace.devices;
  const devicesOk = devices.filter((d) => deviceState(d) === 'ok').length;
  const computerName = ownComputerName(workspace.settings);

  return (
    <div className="screen">
      <header className="screen__header">
        <TruckIcon className="screen__icon" />
        <div>
          <h1>{t('dashboard.title')}</h1>
          {workspace.company.name && (
            <p className="subtitle">
              <bdi>{workspace.company.name}</bdi>
            </p>
          )}
        </div>
      </header>
      <TruckCluster />
      <div className="dashboard">
        <DashboardCounts />
        <section className="card" aria-labelledby="dash-computer">
          <h2 id="dash-computer">
            <GaugeIcon className="card__icon" />{' '}
            {computerName ? <bdi>{computerName}</bdi> : t('dashboard.computer')}
          </h2>
          <p className="overall">
            <Voyant
              state={machineState}
              label={report ? t(`dashboard.machine.${machineState}`) : t('dashboard.notChecked')}
            />
          </p>
          {report && <VoyantCounts summary={report.summary} />}
          <div className="actions">
            {report && (
              <Button className="button button--primary" onPress={() => go('checkup')}>
                {t('dashboard.seeVoyants')}
              </Button>
            )}
            <Button
              className="button"
              isDisabled={running}
              onPress={() => {
                go('checkup');
                void runCheckup(lang);
              }}
            >
              {t('dashboard.runAgain')}
            </Button>
          </div>
        </section>

        <section className="card" aria-labelledby="dash-mission">
          <h2 id="dash-mission">
            <FlagIcon className="card__icon" /> {t('dashboard.mission')}
          </h2>
          <ReopenedNotice ctx={ctx} />
          {mission && progress ? (
            <>
              <p className="mission-name">{t(`guides:missions.${mission}.title`)}</p>
              <p>{t(`guides:missions.${mission}.goal`)}</p>
              <MissionBar done={progress.done} total={progress.total} />
            </>
          ) : (
            <p>
              <Voyant state="ok" label={t('dashboard.allMissionsDone')} />
            </p>
          )}
          <Button className="button button--primary" onPress={() => go('missions')}>
            {t('dashboard.continueMission')}
          </Button>
        </section>

        <section className="card" aria-labelledby="dash-fleet">
          <h2 id="dash-fleet">
            <FleetIcon className="card__icon" /> {t('dashboard.fleet')}
          </h2>
          <FleetServerStatus />
          {devices.length === 0 ? (
            <p>{t('dashboard.fleetEmpty')}</p>
          ) : (
            <>
              <p>{t('dashboard.fleetSummary', { ok: devicesOk, count: devices.length })}</p>
              <ul className="device-mini-list">
                {devices.map((d) => (
                  <li key={d.id}>
                    <Voyant
                      state={deviceState(d)}
                      label={
                        d.name === t(`guides:devices.${d.kind}.name`) ? (
                          <bdi>{d.name}</bdi>
                        ) : (
                          <>
                            <bdi>{d.name}</bdi> — {t(`guides:devices.${d.kind}.name`)}
                          </>
                        )
                      }
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          <Button className="button" onPress={() => openInventory('devices')}>
            {devices.length === 0 ? t('dashboard.addDevice') : t('dashboard.seeFleet')}
          </Button>
        </section>

        <section className="card" aria-labelledby="dash-carnet">
          <h2 id="dash-carnet">
            <CarnetIcon className="card__icon" /> {t('dashboard.carnet')}
          </h2>
          <p>{t('dashboard.carnetText')}</p>
          <p>{t('dashboard.softwareCount', { count: workspace.software.length })}</p>
          <ExportPdfButton taskId="intermediaire.export-pdf" />
          <Button className="button" onPress={() => openInventory('apps')}>
            {t('dashboard.seeInventory')}
          </Button>
        </section>
      </div>
    </div>
  );
}

/** A mission's progress bar (« 1 tâche sur 2 »). */
export function MissionBar({ done, total }: { readonly done: number; readonly total: number }) {
  const { t } = useTranslation('ui');
  return (
    <ProgressMeter
      value={done}
      maxValue={total}
      label={t('missions.progressLabel')}
      valueLabel={t('missions.progressValue', { count: done, total })}
    />
  );
}
