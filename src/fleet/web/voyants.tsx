/** The seven voyants of a machine in a row: icon (shape) and a hidden label per voyant, colour never alone. */
import { useTranslation } from 'react-i18next';
import { coreFindingIds, type FindingState } from '../../shared/enums';
import { VoyantIcon } from '../../renderer/components/icons';

/** The voyants of one machine, in the order of the checkup. */
export function VoyantRow({ states }: { readonly states: Readonly<Record<string, FindingState>> }) {
  const { t } = useTranslation();
  return (
    <ul className="voyant-row">
      {coreFindingIds.map((id) => {
        const state = states[id];
        const label = `${t(`fleet:web.findings.${id}`)} : ${state ? t(`ui:state.${state}`) : t('fleet:web.noReport')}`;
        return (
          <li key={id} className={`voyant voyant--${state ?? 'pending'}`} title={label}>
            <VoyantIcon state={state ?? 'pending'} />
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
