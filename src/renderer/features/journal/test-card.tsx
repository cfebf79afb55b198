/** Step 4 for one critical program: the scenario, « ça marche / ça ne marche pas », the note, who tested. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Named } from '../../components/named';
import type { ToTestItem } from '../../../shared/carnet';
import type { BusinessSoftware } from '../../../shared/workspace';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { InputField } from './input-field';

type Props = { readonly software: BusinessSoftware; readonly toTest: ToTestItem | undefined };

/** Why it should be tested now, and how the last test went. */
function TestStatus({ software, toTest }: Props) {
  const { t } = useTranslation('carnet');
  const formatDate = useFormatDate();
  const last = software.tests?.at(-1);
  const result = last
    ? t(
        `journal.result${last.result === 'works' ? 'Works' : last.result === 'broken' ? 'Broken' : 'Unknown'}`,
      )
    : '';
  return (
    <>
      {toTest?.reason === 'never' && <p>{t('journal.reasonNever')}</p>}
      {toTest?.reason === 'version' && (
        <p>
          {t('journal.reasonVersion', {
            before: toTest.versionBefore ?? '?',
            after: toTest.versionNow ?? '?',
          })}
        </p>
      )}
      {toTest?.reason === 'system' && (
        <p>{t('journal.reasonSystem', { date: formatDate(toTest.updatedAt) })}</p>
      )}
      {last ? (
        <p data-testid="last-test">
          {last.by && last.by !== 'app'
            ? t('journal.lastTest', { date: formatDate(last.at), result, by: last.by })
            : t('journal.lastTestNoBy', { date: formatDate(last.at), result })}
        </p>
      ) : (
        !toTest && <p>{t('journal.neverTested')}</p>
      )}
    </>
  );
}

/** The scenario, written once and kept. */
function ScenarioEditor({ software, id }: { readonly software: BusinessSoftware; readonly id: string }) {
  const { t } = useTranslation('carnet');
  const setScenario = useAppStore((s) => s.setScenario);
  const [scenario, setText] = useState(software.scenario ?? '');
  return (
    <div className="journal-row">
      <InputField
        id={`${id}-scenario`}
        label={t('journal.scenario')}
        value={scenario}
        onChange={setText}
        maxLength={2000}
        multiline
        help={t('journal.scenarioHelp', { example: t('journal.scenarioExample') })}
      />
      <Button
        className="button"
        isDisabled={scenario.trim() === (software.scenario ?? '')}
        onPress={() => void setScenario(software.id, scenario)}
      >
        {t('journal.scenarioSave')}
      </Button>
    </div>
  );
}

/** One critical program's test block. */
export function TestCard({ software, toTest }: Props) {
  const { t } = useTranslation('carnet');
  const ownerName = useAppStore((s) => s.workspace?.settings.ownerName ?? '');
  const recordTest = useAppStore((s) => s.recordTest);
  const openMessage = useAppStore((s) => s.openMessage);
  const notify = useAppStore((s) => s.notify);
  const [note, setNote] = useState('');
  const [by, setBy] = useState(ownerName);
  const id = `test-${software.id}`;

  const answer = async (value: 'works' | 'broken') => {
    const ok = await recordTest({
      id: software.id,
      result: value,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(by.trim() ? { by: by.trim() } : {}),
    });
    if (!ok) return;
    setNote('');
    notify({ kind: 'success', message: t('journal.recorded') });
  };
  const prepare = () =>
    void openMessage('brokenMessage', software.id).then(
      (ok) => ok && notify({ kind: 'success', message: t('broken.ready') }),
    );

  return (
    <li className={`journal-item${toTest ? ' journal-item--totest' : ''}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {toTest ? (
          <Named text={(n) => t('journal.testAsk', { name: n })} name={software.name} />
        ) : (
          <bdi>{software.name}</bdi>
        )}
      </h3>
      <TestStatus software={software} toTest={toTest} />
      <ScenarioEditor software={software} id={id} />
      <div className="journal-row">
        <InputField
          id={`${id}-note`}
          label={t('journal.note')}
          value={note}
          onChange={setNote}
          maxLength={5000}
        />
        <InputField
          id={`${id}-by`}
          label={t('journal.testedBy')}
          value={by}
          onChange={setBy}
          autoComplete="name"
        />
      </div>
      <div className="actions">
        <Button className="button button--primary" onPress={() => void answer('works')}>
          {t('journal.works')}
        </Button>
        <Button className="button" onPress={() => void answer('broken')}>
          {t('journal.broken')}
        </Button>
        {software.tests?.at(-1)?.result === 'broken' && (
          <Button className="button" onPress={prepare}>
            {t('broken.prepare')}
          </Button>
        )}
      </div>
    </li>
  );
}
