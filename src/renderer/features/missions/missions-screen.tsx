/** Missions from the seed: débutant, intermédiaire, expert, each a short checklist. */
import { useState } from 'react';
import { Button, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { addMonths } from './dates';
import { currentMission, endpointKinds, missionProgress, missions, taskStatus, type MissionContext, type MissionId, type TaskDef } from '../../../shared/missions';
import { FlagIcon } from '../../components/icons';
import { Tick } from '../../components/tick';
import { Voyant } from '../../components/voyant';
import { useFormatDate, useLang, useMissionContext } from '../../hooks';
import { useAppStore } from '../../store';
import type { Schedule } from '../../../shared/workspace';
import { AutoUpdatesFlow } from '../checkup/auto-updates-flow';
import { DevicesPanel, ScheduleChoice } from '../inventory/devices-panel';
import { MissionBar } from '../dashboard/dashboard-screen';
import { ExportPdfButton, ProviderMessage } from './provider-actions';
import { ReopenedNotice } from './reopened-notice';
import { QuickAddPhones } from '../beginner/quick-devices';

function NoneTick({ task, ctx }: { readonly task: TaskDef; readonly ctx: MissionContext }) {
  const { t } = useTranslation('guides');
  const tickTask = useAppStore((s) => s.tickTask);
  if (!('noneTaskId' in task.completion)) return null;
  const id = task.completion.noneTaskId;
  return <Tick at={ctx.workspace.missions[id]} onChange={(done) => void tickTask(id, done)} label={t(`tasks.${task.id}.none`)} />;
}

function ServerSchedules() {
  const { t } = useTranslation('ui');
  const devices = useAppStore((s) => s.workspace?.devices);
  const servers = devices?.filter((d) => d.kind === 'server');
  const setSchedule = useAppStore((s) => s.setDeviceSchedule);
  const openInventory = useAppStore((s) => s.openInventory);
  const updateWorkspace = useAppStore((s) => s.updateWorkspace);
  const thisIsServer = useAppStore((s) => s.workspace?.settings.thisComputerIsServer ?? s.report?.machine.isServer ?? false);
  const thisSchedule = useAppStore((s) => s.workspace?.settings.schedule ?? 'always');
  const planOpen = useAppStore((s) => s.planPhase === 'preview' || s.planPhase === 'planning');
  const preparePlan = useAppStore((s) => s.preparePlan);
  const lang = useLang();
  /** Saves the choice and, when a plan is on screen, replaces it at once by the plan for that choice (never apply the old one). */
  const chooseSchedule = (schedule: Schedule): void => {
    if (planOpen) void preparePlan(lang, schedule);
    void updateWorkspace({ settings: { schedule } });
  };
  return (
    <div className="stack">
      {thisIsServer && (
        <div className="card card--inner stack">
          <ScheduleChoice name={t('missions.thisComputer')} value={thisSchedule} onChange={chooseSchedule} />
          <p className="hint">{t('missions.thisComputerScheduleHint')}</p>
          <AutoUpdatesFlow />
        </div>
      )}
      {servers?.map((d) => <ScheduleChoice key={d.id} name={d.name} value={d.schedule ?? 'always'} onChange={(s) => void setSchedule(d.id, s)} />)}
      <Button className="button" onPress={() => openInventory('devices')}>
        {t('missions.addServer')}
      </Button>
    </div>
  );
}

function TaskBody({ task, ctx }: { readonly task: TaskDef; readonly ctx: MissionContext }) {
  const { t } = useTranslation(['ui', 'guides']);
  const formatDate = useFormatDate();
  const tickTask = useAppStore((s) => s.tickTask);
  const openInventory = useAppStore((s) => s.openInventory);
  const planActive = useAppStore((s) => s.planPhase !== 'idle');
  const status = taskStatus(task, ctx);
  const steps = task.handSteps > 0 ? (t(`guides:tasks.${task.id}.steps`, { returnObjects: true }) as string[]) : [];
  return (
    <div className="task__body">
      {task.action === 'enable-auto-updates' && (!status.done || planActive) && <AutoUpdatesFlow />}
      {task.action === 'add-devices' && (
        <>
          <QuickAddPhones />
          <DevicesPanel kinds={endpointKinds} />
          {!ctx.workspace.devices.some((d) => endpointKinds.includes(d.kind)) && <NoneTick task={task} ctx={ctx} />}
        </>
      )}
      {task.action === 'open-inventory' && (
        <>
          <Button className="button button--primary" onPress={() => openInventory('software')}>
            {t('missions.openSoftware')}
          </Button>
          {ctx.workspace.software.length === 0 && <NoneTick task={task} ctx={ctx} />}
        </>
      )}
      {task.action === 'export-pdf' && <ExportPdfButton taskId={task.id} />}
      {task.action === 'email-provider' && <ProviderMessage />}
      {task.action === 'schedule-servers' && (
        <>
          <ServerSchedules />
          {!ctx.workspace.devices.some((d) => d.kind === 'server') && <NoneTick task={task} ctx={ctx} />}
        </>
      )}
      {steps.length > 0 && (
        <ol className="guide">
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      )}
      {task.completion.kind === 'tick' && (
        <Tick at={ctx.workspace.missions[task.id]} onChange={(done) => void tickTask(task.id, done)} ariaLabel={`${t('tick.done')} : ${t(`guides:tasks.${task.id}.title`)}`} />
      )}
      {task.id === 'expert.monthly-review' && status.at && (
        <p>{t('missions.nextReview', { date: formatDate(addMonths(status.at, 1)) })}</p>
      )}
    </div>
  );
}

function MissionPanel({ id, ctx }: { readonly id: MissionId; readonly ctx: MissionContext }) {
  const { t } = useTranslation(['ui', 'guides']);
  const mission = missions.find((m) => m.id === id);
  if (!mission) return null;
  const progress = missionProgress(id, ctx);
  return (
    <div className="mission">
      <p className="lead">{t(`guides:missions.${id}.goal`)}</p>
      <MissionBar done={progress.done} total={progress.total} />
      {progress.complete && (
        <p className="result result--ok" role="status">
          <Voyant state="ok" label={t('missions.complete')} />
        </p>
      )}
      <ol className="tasks">
        {mission.tasks.map((task) => {
          const status = taskStatus(task, ctx);
          return (
            <li key={task.id} className={`task card ${status.done ? 'task--done' : ''}`} data-task={task.id}>
              <h3 className="task__title">
                <Voyant state={status.done ? 'ok' : 'attention'} label={status.done ? t('missions.taskDone') : t('missions.taskTodo')} />
                <span>{t(`guides:tasks.${task.id}.title`)}</span>
              </h3>
              <p>{t(`guides:tasks.${task.id}.why`)}</p>
              <ReopenedNotice ctx={ctx} taskId={task.id} />
              <TaskBody task={task} ctx={ctx} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The missions screen: one tab per mission, the current one open. */
export function MissionsScreen() {
  const ctx = useMissionContext();
  if (!ctx) return null;
  return <MissionTabs ctx={ctx} />;
}

/** The tabs; the mission current on arrival stays selected when it completes, so « Mission accomplie ! » is seen. */
function MissionTabs({ ctx }: { readonly ctx: MissionContext }) {
  const { t } = useTranslation(['ui', 'guides']);
  const requested = useAppStore((s) => s.missionTab);
  const [selected, setSelected] = useState<Key>(() => requested ?? currentMission(ctx) ?? 'expert');
  return (
    <div className="screen">
      <header className="screen__header">
        <FlagIcon className="screen__icon" />
        <h1>{t('missions.title')}</h1>
      </header>
      <p>{t('missions.intro')}</p>
      <Tabs selectedKey={selected} onSelectionChange={setSelected} className="tabs">
        <TabList aria-label={t('missions.title')} className="tabs__list">
          {missions.map((m) => {
            const p = missionProgress(m.id, ctx);
            return (
              <Tab key={m.id} id={m.id} className="tabs__tab">
                {t(`guides:missions.${m.id}.title`)} <span className="muted">({p.done}/{p.total})</span>
              </Tab>
            );
          })}
        </TabList>
        {missions.map((m) => (
          <TabPanel key={m.id} id={m.id} className="tabs__panel">
            <MissionPanel id={m.id} ctx={ctx} />
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
