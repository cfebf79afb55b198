/**
 * « Activer les mises à jour automatiques »: asks the core for the plan, shows in plain words what
 * will change and what will not, applies it after the owner confirms, shows each operation and the
 * re-checked voyants, and offers « Annuler ces changements ».
 */
import { useEffect } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApplyResult } from '../../../shared/plans';
import { InlineError } from '../../components/notice-banner';
import { Voyant } from '../../components/voyant';
import { useFindingText, useLang } from '../../hooks';
import { useAppStore } from '../../store';

function PlanLines({ title, lines }: { readonly title: string; readonly lines: readonly { key: string; text: string; params: Record<string, string | number> }[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <section className="plan__section">
      <h4>{title}</h4>
      <ul>
        {lines.map((line, i) => (
          <li key={`${line.key}-${i}`}>{t(`plans:${line.key}`, { ...line.params, defaultValue: line.text })}</li>
        ))}
      </ul>
    </section>
  );
}

function ResultView({ result }: { readonly result: ApplyResult }) {
  const { t } = useTranslation('ui');
  const findingText = useFindingText();
  const ok = result.outcome === 'applied' || result.outcome === 'nothing-to-do' || result.outcome === 'undone';
  // Applied but the read-back voyant is not ok (e.g. nothing starts the updates): not a green box.
  const notEffective = result.outcome !== 'undone' && result.verification.some((f) => f.state !== 'ok');
  return (
    <div className="plan__result" role="status">
      <p className={!ok ? 'result result--failed' : notEffective ? 'result result--attention' : 'result result--ok'}>
        <strong>{result.message || t(`plan.outcome.${result.outcome}`)}</strong>
      </p>
      {result.operations.length > 0 && (
        <>
          <h4>{t('plan.operations')}</h4>
          <ul className="plan__operations">
            {result.operations.map((op) => (
              <li key={op.index}>
                <span className={`op-status op-status--${op.status}`}>{t(`plan.opStatus.${op.status}`)}</span> {op.description}
                {op.message ? ` — ${op.message}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.verification.length > 0 && (
        <>
          <h4>{t('plan.verification')}</h4>
          <ul className="plan__verification">
            {result.verification.map((f) => (
              <li key={f.id}>
                <Voyant state={f.state} /> {findingText(f, 'title')}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The whole flow, from the single button to undo. */
export function AutoUpdatesFlow() {
  const { t } = useTranslation('ui');
  const lang = useLang();
  const phase = useAppStore((s) => s.planPhase);
  const plan = useAppStore((s) => s.plan);
  const applyResult = useAppStore((s) => s.applyResult);
  const undoResult = useAppStore((s) => s.undoResult);
  const error = useAppStore((s) => s.planError);
  const preparePlan = useAppStore((s) => s.preparePlan);
  const applyPlan = useAppStore((s) => s.applyPlan);
  const undoChanges = useAppStore((s) => s.undoChanges);
  const closePlan = useAppStore((s) => s.closePlan);
  const schedule = useAppStore((s) => s.workspace?.settings.schedule ?? 'always');
  const elevated = useAppStore((s) => s.appInfo?.elevated ?? false);

  // The plan on screen is always the plan for the schedule chosen: a choice made elsewhere (settings, missions) re-plans.
  const stale = plan !== null && plan.schedule !== schedule;
  useEffect(() => {
    if (stale && phase === 'preview') void preparePlan(lang, schedule);
  }, [stale, phase, lang, schedule, preparePlan]);

  const busyText = phase === 'planning' ? t('plan.preparing') : phase === 'applying' ? t('plan.applying') : phase === 'undoing' ? t('plan.undoing') : '';
  return (
    <div className="plan">
      <p className="visually-hidden" role="status">
        {busyText}
      </p>
      {(phase === 'idle' || phase === 'planning') && (
        <Button className="button button--primary" isDisabled={phase === 'planning'} onPress={() => void preparePlan(lang, schedule)}>
          {phase === 'planning' ? t('plan.preparing') : t('plan.enable')}
        </Button>
      )}
      {plan && (phase === 'preview' || phase === 'applying') && (
        <div className="plan__preview">
          <h3>{t('plan.previewTitle')}</h3>
          {plan.empty && <p>{t('plan.empty')}</p>}
          <PlanLines title={t('plan.changes')} lines={plan.changes} />
          <PlanLines title={t('plan.notChanged')} lines={plan.notChanged} />
          <PlanLines title={t('plan.guide')} lines={plan.guide} />
          {plan.requiresAdmin && !elevated && <p className="hint">{t('plan.admin')}</p>}
          {plan.technical.length > 0 && (
            <Disclosure className="disclosure">
              <Heading level={4}>
                <Button slot="trigger" className="button button--quiet">
                  {t('plan.technical')}
                </Button>
              </Heading>
              <DisclosurePanel>
                <ul className="technical" translate="no">
                  {plan.technical.map((line, i) => (
                    <li key={i}>
                      <code>{line}</code>
                    </li>
                  ))}
                </ul>
              </DisclosurePanel>
            </Disclosure>
          )}
          <div className="actions">
            {!plan.empty && (
              <Button className="button button--primary" isDisabled={phase === 'applying' || stale} onPress={() => void applyPlan(lang)}>
                {phase === 'applying' ? t('plan.applying') : t('plan.confirm')}
              </Button>
            )}
            <Button className="button" onPress={closePlan} isDisabled={phase === 'applying'}>
              {t('plan.cancel')}
            </Button>
          </div>
        </div>
      )}
      {applyResult && (phase === 'applied' || phase === 'undoing' || phase === 'undone') && <ResultView result={applyResult} />}
      {applyResult?.changeId && (phase === 'applied' || phase === 'undoing') && (
        <Button className="button" isDisabled={phase === 'undoing'} onPress={() => void undoChanges(lang)}>
          {phase === 'undoing' ? t('plan.undoing') : t('plan.undo')}
        </Button>
      )}
      {undoResult && phase === 'undone' && <ResultView result={undoResult} />}
      {(phase === 'applied' || phase === 'undone') && (
        <Button className="button button--quiet" onPress={closePlan}>
          {t('plan.close')}
        </Button>
      )}
      <InlineError message={error} />
    </div>
  );
}
