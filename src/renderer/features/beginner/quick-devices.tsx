/**
 * The beginner mission in few clicks: phones added from the mission with one click each (the
 * guide opens at once), and one « C'est fait sur ce téléphone » that ticks every step of a guide
 * the owner has followed (the steps stay visible and individually tickable).
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { deviceGuides, deviceState } from '../../../shared/missions';
import type { Device, DeviceKind } from '../../../shared/workspace';
import { useAppStore } from '../../store';

/** The phones the beginner mission offers to add in one click. */
export const quickPhoneKinds: readonly DeviceKind[] = ['iphone', 'android-phone'];

const phoneKinds: ReadonlySet<DeviceKind> = new Set(['iphone', 'android-phone']);

/** One button per phone kind: adds it under its usual name; its card opens with the guide. */
export function QuickAddPhones() {
  const { t } = useTranslation(['beginner', 'guides']);
  const addDevice = useAppStore((s) => s.addDevice);
  const [busy, setBusy] = useState(false);
  const add = async (kind: DeviceKind): Promise<void> => {
    setBusy(true);
    await addDevice({ kind, name: t(`guides:devices.${kind}.name`) });
    setBusy(false);
  };
  return (
    <section className="card card--inner stack" aria-label={t('quickAdd.title')}>
      <h3>{t('quickAdd.title')}</h3>
      <p className="hint">{t('quickAdd.hint')}</p>
      <div className="actions">
        {quickPhoneKinds.map((kind) => (
          <Button
            key={kind}
            className="button button--primary"
            isDisabled={busy}
            onPress={() => void add(kind)}
          >
            {t('quickAdd.add', { kind: t(`guides:devices.${kind}.name`) })}
          </Button>
        ))}
      </div>
    </section>
  );
}

/**
 * « C'est fait sur ce téléphone »: ticks every step not yet ticked; hidden once the device is done,
 * so `onDone` tells the card to take the focus (it then says « à jour ») instead of losing it.
 */
export function AllStepsDone({ device, onDone }: { readonly device: Device; readonly onDone?: () => void }) {
  const { t } = useTranslation('beginner');
  const tickStep = useAppStore((s) => s.tickStep);
  const [busy, setBusy] = useState(false);
  if (deviceState(device) === 'ok') return null;
  const tickAll = async (): Promise<void> => {
    setBusy(true);
    // One after the other: each tick is one write of the owner's record, never two at once.
    for (const stepId of deviceGuides[device.kind]) {
      if (!device.steps[stepId]) await tickStep(device.id, stepId, true);
    }
    setBusy(false);
    onDone?.();
  };
  return (
    <div className="stack">
      <p className="hint">{t('allDone.hint')}</p>
      <Button className="button button--primary" isDisabled={busy} onPress={() => void tickAll()}>
        {t(phoneKinds.has(device.kind) ? 'allDone.phone' : 'allDone.device')}
      </Button>
    </div>
  );
}
