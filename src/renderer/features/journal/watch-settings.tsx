/** Paramètres: the weekly watch switch, the owner's name written in the history, last and next check. */
import './journal.css';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { InputField } from './input-field';
import { useOverview } from './use-journal';

/** The « Surveillance » card of the settings screen. */
export function WatchSettings() {
  const { t } = useTranslation('carnet');
  const formatDate = useFormatDate();
  useOverview();
  const settings = useAppStore((s) => s.workspace?.settings);
  const status = useAppStore((s) => s.scheduleStatus);
  const update = useAppStore((s) => s.updateWorkspace);
  const notify = useAppStore((s) => s.notify);
  const [name, setName] = useState(settings?.ownerName ?? '');
  if (!settings) return null;
  return (
    <section className="card" aria-labelledby="settings-watch">
      <h2 id="settings-watch">{t('settings.watchTitle')}</h2>
      <WeeklySwitch
        checked={settings.weeklyCheck}
        onChange={(weeklyCheck) => void update({ settings: { weeklyCheck } })}
      />
      <p>
        {status?.lastCheckAt
          ? t('settings.last', { date: formatDate(status.lastCheckAt, true) })
          : t('settings.never')}
      </p>
      {status?.nextCheckAt && <p>{t('settings.next', { date: formatDate(status.nextCheckAt, true) })}</p>}
      <div className="journal-row">
        <InputField
          id="owner-name"
          label={t('settings.ownerName')}
          value={name}
          onChange={setName}
          autoComplete="name"
          help={t('settings.ownerNameHelp')}
        />
        <Button
          className="button button--primary"
          onPress={() =>
            void update({ settings: { ownerName: name.trim() } }).then(
              (ok) => ok && notify({ kind: 'success', message: t('assignee.saved') }),
            )
          }
        >
          {t('assignee.save')}
        </Button>
      </div>
    </section>
  );
}

/** « Vérifier chaque semaine, même quand l'app est fermée » (also at the end of onboarding). */
export function WeeklySwitch({
  checked,
  onChange,
}: {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation('carnet');
  return (
    <label className="journal-switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby="weekly-help"
      />
      <span>
        <strong>{t('settings.weekly')}</strong>
        <br />
        <span id="weekly-help" className="hint">
          {t('settings.weeklyHelp')}
        </span>
      </span>
    </label>
  );
}
