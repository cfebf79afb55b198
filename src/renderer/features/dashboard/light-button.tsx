/** One warning light of the truck dashboard: a real button, lit in its state's colour and shape, that opens what it is about. */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { displayParams } from '../../../shared/finding-text';
import { useFindingText, useLang } from '../../hooks';
import { useAppStore } from '../../store';
import type { LightTarget } from '../../store/dashboard-slice';
import { LightShape } from './light-shape';
import type { Light } from './lights';

/** Where a light leads: the same places the dashboard's cards lead. */
export function lightTarget(light: Light): LightTarget {
  switch (light.id) {
    case 'programs':
      return { screen: 'inventory', tab: 'apps' };
    case 'website':
      return { screen: 'inventory', tab: 'devices', section: 'website' };
    case 'devices':
      return { screen: 'inventory', tab: 'devices' };
    default:
      return { screen: 'checkup', ...(light.findingId ? { findingId: light.findingId } : {}) };
  }
}

/** The light's sentence: a finding's title, a website's worst voyant, or a count. */
function useSummary(light: Light): ReactNode {
  const { t } = useTranslation(['dashboard', 'site']);
  const text = useFindingText();
  const lang = useLang();
  const s = light.summary;
  if (s.kind === 'finding') return text(s.finding, 'title');
  if (s.kind === 'text') return t(s.key, s.params ?? {});
  const params = displayParams(s.finding.params, lang, (k, o) => String(t(k, o as never)));
  const title = t(`site:findings.${s.finding.key}.title`, { ...params, defaultValue: s.finding.title });
  return (
    <>
      <bdi>{s.host}</bdi> : {title}
    </>
  );
}

/** The button. Its accessible name reads « Antivirus : À surveiller — … », like the voyants elsewhere. */
export function LightButton({ light }: { readonly light: Light }) {
  const { t } = useTranslation(['dashboard', 'ui']);
  const openLight = useAppStore((s) => s.openLight);
  const summary = useSummary(light);
  return (
    <Button
      className={`light light--${light.state}`}
      onPress={() => openLight(lightTarget(light))}
      data-light={light.id}
      data-state={light.state}
    >
      <LightShape state={light.state} className="light__shape" />
      <span className="light__words">
        <span className="light__name">{t(`light.${light.id}`)}</span>
        <span className="visually-hidden">{t('separator.state')}</span>
        <span className="light__state">{t(`ui:state.${light.state}`)}</span>
        <span className="visually-hidden">{t('separator.summary')}</span>
        <span className="light__summary">{summary}</span>
      </span>
    </Button>
  );
}
