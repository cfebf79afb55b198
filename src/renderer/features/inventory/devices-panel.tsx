/**
 * The devices the app cannot see: add one in a few clicks, then follow its guide (exact menu
 * paths) and tick each step. A device's voyant is ok only when every step is ticked.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Named } from '../../components/named';
import { deviceGroups, deviceGuides, deviceProgress, deviceState } from '../../../shared/missions';
import type { Device, DeviceKind, Schedule } from '../../../shared/workspace';
import { Field } from '../../components/field';
import { Tick } from '../../components/tick';
import { Voyant } from '../../components/voyant';
import { useAppStore } from '../../store';
import { ConfirmRemove } from '../journal/confirm-remove';
import { AllStepsDone } from '../beginner/quick-devices';

/** The add-a-device form; `kinds` limits the choice (the beginner mission shows phones, tablets, computers). */
export function AddDeviceForm({ kinds }: { readonly kinds?: readonly DeviceKind[] }) {
  const { t } = useTranslation(['ui', 'guides']);
  const addDevice = useAppStore((s) => s.addDevice);
  const [kind, setKind] = useState<DeviceKind | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const groups = deviceGroups.map((g) => ({ ...g, kinds: g.kinds.filter((k) => !kinds || kinds.includes(k)) })).filter((g) => g.kinds.length > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    setBusy(true);
    const id = await addDevice({ kind, name: name.trim() || t(`guides:devices.${kind}.name`) });
    setBusy(false);
    if (id) {
      setKind(null);
      setName('');
    }
  };

  return (
    <Form className="add-device" onSubmit={submit}>
      <RadioGroup className="kind-picker" value={kind} onChange={(v) => setKind(v as DeviceKind)} orientation="horizontal">
        <Label className="field__label">{t('devices.kindLabel')}</Label>
        {groups.map((g) => (
          <div key={g.id} className="kind-picker__group" role="presentation">
            <span className="kind-picker__group-name" aria-hidden="true">
              {t(`guides:groups.${g.id}`)}
            </span>
            {g.kinds.map((k) => (
              <Radio key={k} value={k} className="chip">
                {t(`guides:devices.${k}.name`)}
              </Radio>
            ))}
          </div>
        ))}
      </RadioGroup>
      {kind && (
        <>
          <Field label={t('devices.nameLabel')} value={name} onChange={setName} description={t('devices.nameHelp')} name="deviceName" />
          <Button type="submit" className="button button--primary" isDisabled={busy}>
            {t('devices.add', { kind: t(`guides:devices.${kind}.name`) })}
          </Button>
        </>
      )}
    </Form>
  );
}

/** One device: its voyant, its guide with a tick per step, its schedule for servers. */
export function DeviceCard({ device }: { readonly device: Device }) {
  const { t } = useTranslation(['ui', 'guides']);
  const tickStep = useAppStore((s) => s.tickStep);
  const setSchedule = useAppStore((s) => s.setDeviceSchedule);
  const state = deviceState(device);
  const progress = deviceProgress(device);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <Disclosure className={`device-card voyant-card voyant-card--${state}`} defaultExpanded={state !== 'ok'}>
      <Heading level={3} className="voyant-card__heading">
        <Button slot="trigger" className="voyant-card__trigger" ref={trigger}>
          <Voyant state={state} />
          <span className="voyant-card__title">
            <bdi>{device.name}</bdi>
            {device.name !== t(`guides:devices.${device.kind}.name`) && <span className="muted"> — {t(`guides:devices.${device.kind}.name`)}</span>}
          </span>
          <span className="muted">{t('devices.progress', { count: progress.done, total: progress.total })}</span>
        </Button>
      </Heading>
      <DisclosurePanel className="voyant-card__panel">
        <p>{t(`guides:devices.${device.kind}.intro`)}</p>
        <ol className="guide">
          {deviceGuides[device.kind].map((stepId) => (
            <li key={stepId} className="guide__step">
              <p className="guide__title">{t(`guides:steps.${stepId}.title`)}</p>
              <p className="guide__path">{t(`guides:steps.${stepId}.path`)}</p>
              <Tick
                at={device.steps[stepId]}
                onChange={(done) => void tickStep(device.id, stepId, done)}
                ariaLabel={`${t('tick.done')} : ${t(`guides:steps.${stepId}.title`)} (${device.name})`}
              />
            </li>
          ))}
        </ol>
        <AllStepsDone device={device} onDone={() => trigger.current?.focus()} />
        {device.kind === 'server' && <ScheduleChoice value={device.schedule ?? 'always'} onChange={(s) => void setSchedule(device.id, s)} name={device.name} />}
        <ConfirmRemove kind="device" id={device.id} name={device.name} label={<Named text={(n) => t('devices.remove', { name: n })} name={device.name} />} />
      </DisclosurePanel>
    </Disclosure>
  );
}

/** Night or weekend updates for a server. */
export function ScheduleChoice({ value, onChange, name }: { readonly value: Schedule; readonly onChange: (s: Schedule) => void; readonly name: string }) {
  const { t } = useTranslation('ui');
  return (
    <RadioGroup className="schedule" value={value} onChange={(v) => onChange(v as Schedule)} orientation="horizontal">
      <Label className="field__label">
        <Named text={(n) => t('devices.scheduleLabel', { name: n })} name={name} />
      </Label>
      {(['night', 'weekend', 'always'] as const).map((s) => (
        <Radio key={s} value={s} className="chip">
          {t(`schedule.${s}`)}
        </Radio>
      ))}
    </RadioGroup>
  );
}

/** The list of devices (optionally of some kinds) with the add form. */
export function DevicesPanel({ kinds }: { readonly kinds?: readonly DeviceKind[] }) {
  const { t } = useTranslation('ui');
  const devices = useAppStore((s) => s.workspace?.devices ?? emptyDevices);
  const shown = kinds ? devices.filter((d) => kinds.includes(d.kind)) : devices;
  return (
    <div className="devices">
      {shown.length > 0 && (
        <div className="devices__list">
          {shown.map((d) => (
            <DeviceCard key={d.id} device={d} />
          ))}
        </div>
      )}
      <section className="card card--inner" aria-label={t('devices.addTitle')}>
        <h3>{t('devices.addTitle')}</h3>
        <AddDeviceForm kinds={kinds} />
      </section>
    </div>
  );
}

const emptyDevices: readonly Device[] = [];
