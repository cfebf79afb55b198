/** Contrôle technique: a progress bar with what is looked at right now, then the voyants. */
import { Button } from 'react-aria-components';
import type { CheckupReport } from '../../../shared/checkup';
import { useTranslation } from 'react-i18next';
import { GaugeIcon } from '../../components/icons';
import { InlineError } from '../../components/notice-banner';
import { ProgressMeter } from '../../components/progress-meter';
import { Voyant, VoyantCounts, worstState } from '../../components/voyant';
import { useFormatDate, useLang } from '../../hooks';
import { useAppStore } from '../../store';
import { FindingCard } from './finding-card';

/** The probe label key in the `probes` namespace, whether or not it carries the prefix. */
export function probeKey(labelKey: string): string {
  return labelKey.includes(':') ? labelKey : `probes:${labelKey}`;
}

function CheckupProgressView() {
  const { t } = useTranslation('ui');
  const progress = useAppStore((s) => s.progress);
  const label = progress
    ? t(probeKey(progress.labelKey), { defaultValue: t('checkup.working') })
    : t('checkup.starting');
  return (
    <div className="card checkup-progress">
      <ProgressMeter
        value={progress?.done ?? 0}
        maxValue={progress?.total ?? 1}
        label={t('checkup.progressLabel')}
        valueLabel={t('checkup.progressValue', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
      />
      <p className="checkup-progress__now" aria-live="polite">
        {label}
      </p>
    </div>
  );
}

/** While a checkup runs (e.g. after a reload), the last result stays visible, clearly marked as the previous one. */
function PreviousResult({ report }: { readonly report: CheckupReport }) {
  const { t } = useTranslation(['owner', 'ui']);
  const formatDate = useFormatDate();
  return (
    <section className="card" aria-labelledby="checkup-previous">
      <h2 id="checkup-previous">{t('owner:checkup.previousTitle')}</h2>
      <p className="hint">{t('owner:checkup.previousHint')}</p>
      <p className="overall">
        <Voyant state={worstState(report.findings.map((f) => f.state))} />
        <span>{t('ui:checkup.checkedAt', { date: formatDate(report.generatedAt, true) })}</span>
      </p>
    </section>
  );
}

/** The checkup screen. */
export function CheckupScreen() {
  const { t } = useTranslation('ui');
  const lang = useLang();
  const formatDate = useFormatDate();
  const running = useAppStore((s) => s.running);
  const report = useAppStore((s) => s.report);
  const error = useAppStore((s) => s.checkupError);
  const runCheckup = useAppStore((s) => s.runCheckup);
  const go = useAppStore((s) => s.go);
  const onboarded = useAppStore((s) => s.workspace?.onboarded ?? false);
  const failedProbes = report?.probes.filter((p) => p.status !== 'ok' && p.status !== 'skipped') ?? [];

  return (
    <div className="screen">
      <header className="screen__header">
        <GaugeIcon className="screen__icon" />
        <h1>{t('checkup.title')}</h1>
      </header>
      {running && <CheckupProgressView />}
      {running && report && <PreviousResult report={report} />}
      <InlineError message={error} />
      {!running && !report && (
        <div className="card">
          <p>{t('checkup.never')}</p>
          <Button className="button button--primary" onPress={() => void runCheckup(lang)}>
            {t('checkup.run')}
          </Button>
        </div>
      )}
      {!running && report && (
        <>
          <section className="card" aria-labelledby="checkup-summary">
            <h2 id="checkup-summary">{t('checkup.resultTitle')}</h2>
            <p className="overall">
              <Voyant state={worstState(report.findings.map((f) => f.state))} />
              <span>{t('checkup.checkedAt', { date: formatDate(report.generatedAt, true) })}</span>
            </p>
            <VoyantCounts summary={report.summary} />
            <p className="hint">{t('checkup.openHint')}</p>
          </section>
          {(report.findings.length === 0 || failedProbes.length > 0) && (
            <section className="card card--unknown" aria-labelledby="checkup-unverified">
              <h2 id="checkup-unverified">
                <Voyant state="unknown" label={t('checkup.unverifiedTitle')} />
              </h2>
              <p>
                {report.findings.length === 0
                  ? t('checkup.noFindings')
                  : t('checkup.someUnverified', { count: failedProbes.length })}
              </p>
              <p>
                <strong>{t('checkup.whatToDo')}</strong> {t('checkup.unverifiedNext')}
              </p>
              {failedProbes.length > 0 && (
                <ul className="technical-note" translate="no" aria-label={t('checkup.forProvider')}>
                  {failedProbes.map((p) => (
                    <li key={p.id}>
                      <code>
                        {p.id} ({p.status}): {p.error ?? ''}
                      </code>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="voyants-title">
            <h2 id="voyants-title">{t('checkup.voyants')}</h2>
            <div className="voyants">
              {report.findings.map((f) => (
                <FindingCard key={f.id} finding={f} />
              ))}
            </div>
          </section>
          <div className="actions">
            <Button className="button button--primary" onPress={() => go('dashboard')}>
              {onboarded ? t('checkup.toDashboard') : t('checkup.continue')}
            </Button>
            <Button className="button" onPress={() => void runCheckup(lang)}>
              {t('checkup.again')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
