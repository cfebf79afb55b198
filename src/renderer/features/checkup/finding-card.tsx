/** One voyant that opens into its card: what it means, why it matters, and a single button for the fix. */
import { useRef } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/checkup';
import { Voyant } from '../../components/voyant';
import { useFindingText } from '../../hooks';
import { useAppStore } from '../../store';
import { AutoUpdatesFlow } from './auto-updates-flow';
import { useLightFocus } from '../dashboard/use-light-focus';

/** The card of one finding. */
export function FindingCard({ finding }: { readonly finding: Finding }) {
  const { t } = useTranslation('ui');
  const text = useFindingText();
  const openMissions = useAppStore((s) => s.openMissions);
  const planActive = useAppStore((s) => s.planPhase !== 'idle');
  const action = text(finding, 'action');
  // Opened from its light on the dashboard: the card opens and takes the focus.
  const trigger = useRef<HTMLButtonElement>(null);
  const lit = useLightFocus(finding.id, trigger);
  return (
    <Disclosure
      className={`voyant-card voyant-card--${finding.state}`}
      id={finding.id}
      defaultExpanded={lit || (finding.id === 'auto-updates' && planActive)}
      data-finding={finding.id}
    >
      <Heading level={3} className="voyant-card__heading">
        <Button slot="trigger" className="voyant-card__trigger" ref={trigger}>
          <Voyant state={finding.state} />
          <span className="voyant-card__title">{text(finding, 'title')}</span>
        </Button>
      </Heading>
      <DisclosurePanel className="voyant-card__panel">
        <p>{text(finding, 'detail')}</p>
        {action && finding.state !== 'ok' && (
          <p>
            <strong>{t('checkup.whatToDo')}</strong> {action}
          </p>
        )}
        {((finding.fix === 'enable-auto-updates' && finding.state !== 'ok') ||
          (finding.id === 'auto-updates' && planActive)) && <AutoUpdatesFlow />}
        {finding.fix === 'contact-provider' && finding.state !== 'ok' && (
          <Button className="button" onPress={() => openMissions('intermediaire')}>
            {t('checkup.prepareProvider')}
          </Button>
        )}
        {finding.reason && (
          <p className="technical-note">
            {t('checkup.forProvider')} <code translate="no">{finding.reason}</code>
          </p>
        )}
      </DisclosurePanel>
    </Disclosure>
  );
}
