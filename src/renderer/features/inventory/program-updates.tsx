/**
 * « Mettre à jour » on a program's row, « Tout mettre à jour » above the list, and the plan the
 * owner reads before anything runs (what, the one admin prompt, no undo). While a program updates
 * its row shows a progress bar; then its result in plain words, and for critical business
 * software the test question of the journal (« Ça marche » / « Ça ne marche pas »).
 */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Lang } from '../../../shared/i18n';
import type { ProgramView } from '../../../shared/programs';
import { useAppStore } from '../../store';

const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
};

/** The critical business software names of the register (lower-case). */
function useCriticalNames(): Set<string> {
  const names = useAppStore(
    useShallow((s) =>
      (s.workspace?.software ?? []).filter((x) => x.critical).map((x) => x.name.trim().toLowerCase()),
    ),
  );
  return new Set(names);
}

/** « Tout mettre à jour » (when something can be updated) and the plan panel. */
export function UpdateAllBar({ programs }: { readonly programs: readonly ProgramView[] }) {
  const { t } = useTranslation('programUpdates');
  const lang = useLang();
  const plan = useAppStore((s) => s.updatePlan);
  const busy = useAppStore((s) => s.updating.length > 0);
  const message = useAppStore((s) => s.updateMessage);
  const planUpdate = useAppStore((s) => s.planProgramUpdate);
  const apply = useAppStore((s) => s.applyProgramUpdate);
  const cancel = useAppStore((s) => s.cancelProgramUpdate);
  const outdated = programs.filter((p) => p.status === 'outdated').length;
  return (
    <div className="program-updates">
      {outdated > 0 && (
        <Button className="button" isDisabled={busy} onPress={() => void planUpdate({ all: true }, lang)}>
          {t('button.all')}
        </Button>
      )}
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
      {plan && (
        <section className="card program-updates__plan" aria-labelledby="program-update-plan-title">
          <h3 id="program-update-plan-title">{t('plan.title')}</h3>
          {plan.empty && <p>{t('plan.empty')}</p>}
          <ul>
            {plan.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {plan.leftOut.map((p) => (
              <li key={p.programId}>{t('plan.leftOut', { name: p.name })}</li>
            ))}
            {plan.notHandled.map((n) => (
              <li key={n.name}>{n.reason}</li>
            ))}
          </ul>
          {!plan.empty && <p className="hint">{plan.noUndo}</p>}
          {plan.technical.length > 0 && (
            <details>
              <summary>{t('plan.technical')}</summary>
              <pre translate="no">{plan.technical.join('\n')}</pre>
            </details>
          )}
          <div className="button-row">
            {!plan.empty && (
              <Button className="button button--primary" onPress={() => void apply(lang)}>
                {t('button.confirm')}
              </Button>
            )}
            <Button className="button button--quiet" onPress={cancel}>
              {t('button.cancel')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

/** The row's button, its progress bar while it runs, and its result. */
export function ProgramUpdateControl({ program }: { readonly program: ProgramView }) {
  const { t } = useTranslation('programUpdates');
  const lang = useLang();
  const critical = useCriticalNames().has(program.name.trim().toLowerCase());
  const running = useAppStore((s) => s.updating.includes(program.id));
  const busy = useAppStore((s) => s.updating.length > 0);
  const result = useAppStore((s) => s.updateResults[program.id]);
  const planUpdate = useAppStore((s) => s.planProgramUpdate);
  const recordTest = useAppStore((s) => s.recordTest);
  const tested = useAppStore((s) => s.updateResults[program.id]?.testSoftwareId);
  if (running)
    return (
      <span className="program-update">
        <label>
          {t('outcome.running')}
          <progress className="program-update__bar" aria-label={t('outcome.running')} />
        </label>
      </span>
    );
  return (
    <span className="program-update">
      {result && (
        <span className="program-update__result" role="status">
          <strong>{t(`outcome.${result.outcome}`)}</strong> — {result.message}
        </span>
      )}
      {tested && (
        <span className="button-row">
          <Button
            className="button button--small"
            onPress={() => void recordTest({ id: tested, result: 'works' })}
          >
            {t('test.works')}
          </Button>
          <Button
            className="button button--small"
            onPress={() => void recordTest({ id: tested, result: 'broken' })}
          >
            {t('test.broken')}
          </Button>
        </span>
      )}
      {program.status === 'outdated' && (
        <Button
          className="button button--small"
          isDisabled={busy}
          aria-label={`${t(critical ? 'button.oneThenTest' : 'button.one')} — ${program.name}`}
          onPress={() => void planUpdate({ programIds: [program.id] }, lang)}
        >
          {t(critical ? 'button.oneThenTest' : 'button.one')}
        </Button>
      )}
    </span>
  );
}
