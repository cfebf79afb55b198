/** Business software (comptabilité, stock, CRM, flotte, caisse): detected or added by hand, with the vendor's contact, flagged « critique ». */
import { useState, type FormEvent } from 'react';
import { Button, Form, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { softwareCategories, type SoftwareCategory } from '../../../shared/enums';
import type { BusinessSoftware } from '../../../shared/workspace';
import { Field } from '../../components/field';
import { Tick } from '../../components/tick';
import { useAppStore } from '../../store';
import { ConfirmRemove } from '../journal/confirm-remove';

function CategorySelect({ value, onChange }: { readonly value: SoftwareCategory; readonly onChange: (c: SoftwareCategory) => void }) {
  const { t } = useTranslation('ui');
  return (
    <Select className="field select" selectedKey={value} onSelectionChange={(k) => k && onChange(k as SoftwareCategory)}>
      <Label className="field__label">{t('software.category')}</Label>
      <Button className="field__input select__button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {softwareCategories.map((c) => (
            <ListBoxItem key={c} id={c} className="listbox__item">
              {t(`software.categories.${c}`)}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

const blank = { id: undefined as string | undefined, name: '', category: 'comptabilite' as SoftwareCategory, vendor: '', vendorContact: '', critical: false };

/** The form to add or edit one program. */
function SoftwareForm({ editing, onDone }: { readonly editing: BusinessSoftware | null; readonly onDone: () => void }) {
  const { t } = useTranslation('ui');
  const upsert = useAppStore((s) => s.upsertSoftware);
  const [form, setForm] = useState(() =>
    editing
      ? { id: editing.id, name: editing.name, category: editing.category, vendor: editing.vendor ?? '', vendorContact: editing.vendorContact ?? '', critical: editing.critical }
      : blank,
  );
  const [tried, setTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.name.trim()) return;
    const ok = await upsert({
      ...(form.id ? { id: form.id } : {}),
      name: form.name.trim(),
      category: form.category,
      vendor: form.vendor.trim(),
      vendorContact: form.vendorContact.trim(),
      critical: form.critical,
    });
    if (ok) {
      setForm(blank);
      setTried(false);
      onDone();
    }
  };
  return (
    <Form className="software-form" onSubmit={submit}>
      <Field label={t('software.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} isRequired isInvalid={tried && !form.name.trim()} errorMessage={t('software.nameRequired')} name="softwareName" />
      <CategorySelect value={form.category} onChange={(category) => setForm({ ...form, category })} />
      <Field label={t('software.vendor')} value={form.vendor} onChange={(vendor) => setForm({ ...form, vendor })} name="vendor" />
      <Field label={t('software.contact')} value={form.vendorContact} onChange={(vendorContact) => setForm({ ...form, vendorContact })} description={t('software.contactHelp')} name="vendorContact" />
      <Tick at={form.critical ? 'yes' : null} onChange={(critical) => setForm({ ...form, critical })} label={t('software.critical')} />
      <p className="hint">{t('software.criticalHelp')}</p>
      <div className="actions">
        <Button type="submit" className="button button--primary">
          {form.id ? t('software.save') : t('software.add')}
        </Button>
        {form.id && (
          <Button className="button" onPress={onDone}>
            {t('software.cancelEdit')}
          </Button>
        )}
      </div>
    </Form>
  );
}

/** The business software list and form. */
export function SoftwarePanel() {
  const { t } = useTranslation('ui');
  const software = useAppStore((s) => s.workspace?.software ?? emptySoftware);
  const upsert = useAppStore((s) => s.upsertSoftware);
  const [editing, setEditing] = useState<BusinessSoftware | null>(null);
  return (
    <div className="software">
      <p>{t('software.intro')}</p>
      {software.length > 0 && (
        <ul className="software__list">
          {software.map((s) => (
            <li key={s.id} className="card card--inner software__item">
              <p className="software__name">
                <bdi>{s.name}</bdi> {s.critical && <span className="badge badge--critical">{t('software.criticalBadge')}</span>}
                {s.detected && <span className="badge">{t('software.detected')}</span>}
              </p>
              <p className="muted">
                {t(`software.categories.${s.category}`)}
                {s.vendor ? ` · ${s.vendor}` : ''}
                {s.vendorContact ? ` · ${s.vendorContact}` : ''}
              </p>
              <div className="actions">
                <Tick
                  at={s.critical ? 'yes' : null}
                  onChange={(critical) => void upsert({ id: s.id, name: s.name, category: s.category, critical })}
                  label={t('software.critical')}
                  ariaLabel={t('software.criticalFor', { name: s.name })}
                />
                <Button className="button button--small" onPress={() => setEditing(s)} aria-label={t('software.editFor', { name: s.name })}>
                  {t('software.edit')}
                </Button>
                <ConfirmRemove kind="software" id={s.id} name={s.name} label={t('software.remove')} ariaLabel={t('software.removeFor', { name: s.name })} className="button button--small button--quiet" />
              </div>
            </li>
          ))}
        </ul>
      )}
      <section className="card card--inner" aria-labelledby="software-form-title">
        <h3 id="software-form-title">{editing ? t('software.editTitle', { name: editing.name }) : t('software.addTitle')}</h3>
        <SoftwareForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      </section>
    </div>
  );
}

const emptySoftware: readonly BusinessSoftware[] = [];
