/** Step 3 for one business program: version, vendor, « Demander au fournisseur », the answer recorded. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VendorAnswer, VendorStatus } from '../../../shared/carnet';
import type { BusinessSoftware } from '../../../shared/workspace';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { InputField, SelectField } from './input-field';

/** What to do next after the vendor's last answer (the same words as the carnet's page). */
function nextStep(
  t: TFunction<'carnet'>,
  last: VendorAnswer | undefined,
  formatDate: (iso: string) => string,
): string {
  if (!last) return t('report.askVendor');
  if (last.status === 'current') return t('report.nothing');
  const version = last.version ?? '';
  return last.due
    ? t('report.installBy', { version, date: formatDate(`${last.due}T12:00:00`) })
    : t('report.install', { version });
}

/** One program's vendor block. */
export function VendorCard({ software }: { readonly software: BusinessSoftware }) {
  const { t } = useTranslation('carnet');
  const formatDate = useFormatDate();
  const openMessage = useAppStore((s) => s.openMessage);
  const record = useAppStore((s) => s.recordVendorAnswer);
  const notify = useAppStore((s) => s.notify);
  const [status, setStatus] = useState<VendorStatus>('current');
  const [version, setVersion] = useState('');
  const [due, setDue] = useState('');
  const last = software.vendorAnswers?.at(-1);
  const id = `vendor-${software.id}`;

  const save = async () => {
    const ok = await record({
      id: software.id,
      status,
      ...(status === 'update' && version.trim() ? { version: version.trim() } : {}),
      ...(status === 'update' && due ? { due } : {}),
    });
    if (ok) notify({ kind: 'success', message: t('vendor.recorded') });
  };

  return (
    <li className="journal-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <bdi>{software.name}</bdi>{' '}
        {software.version ? <span className="muted">{software.version}</span> : null}
      </h3>
      {software.vendor && <p>{[software.vendor, software.vendorContact].filter(Boolean).join(' — ')}</p>}
      <p>
        {last
          ? t('vendor.last', {
              date: formatDate(last.at),
              status:
                last.status === 'current'
                  ? t('vendor.current')
                  : `${t('vendor.update')} ${last.version ?? ''}`.trim(),
            })
          : t('vendor.none')}
      </p>
      <p>
        <strong>{t('report.next')}</strong> : {nextStep(t, last, formatDate)}
      </p>
      <div className="actions">
        <Button
          className="button"
          onPress={() => void openMessage('vendorQuestion', software.id)}
          aria-describedby={`${id}-help`}
        >
          {t('vendor.ask')}
        </Button>
        <span id={`${id}-help`} className="hint">
          {t('vendor.askHelp', { name: software.vendor || software.name })}
        </span>
      </div>
      <fieldset className="fieldset">
        <legend>{t('vendor.answerTitle')}</legend>
        <div className="journal-row">
          <SelectField<VendorStatus>
            id={`${id}-status`}
            label={t('vendor.status')}
            value={status}
            onChange={setStatus}
            options={(['current', 'update'] as const).map((value) => ({
              value,
              label: t(`vendor.${value}`),
            }))}
          />
          {status === 'update' && (
            <>
              <InputField
                id={`${id}-version`}
                label={t('vendor.version')}
                value={version}
                onChange={setVersion}
              />
              <InputField
                id={`${id}-due`}
                label={t('vendor.due')}
                value={due}
                onChange={setDue}
                type="date"
              />
            </>
          )}
          <Button className="button button--primary" onPress={() => void save()}>
            {t('vendor.record')}
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
