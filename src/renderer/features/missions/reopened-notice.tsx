/** Why a mission task is open again: its voyant was ok and the latest checkup says otherwise (honest missions). */
import { useTranslation } from 'react-i18next';
import { reopenedTasks, type MissionContext } from '../../../shared/missions';
import { Voyant } from '../../components/voyant';
import { useFindingText } from '../../hooks';
import { useAppStore } from '../../store';

/** One line per reopened task, with the voyant's own words; nothing when no task reopened. */
export function ReopenedNotice({ ctx, taskId }: { readonly ctx: MissionContext; readonly taskId?: string }) {
  const { t } = useTranslation(['truth', 'guides']);
  const findings = useAppStore((s) => s.report?.findings);
  const text = useFindingText();
  const reopened = reopenedTasks(ctx).filter((r) => !taskId || r.task.id === taskId);
  if (reopened.length === 0) return null;
  return (
    <div className="result result--failed reopened" role="status">
      {reopened.map((r) => {
        const finding = findings?.find((f) => f.id === r.findingId);
        return (
          <p key={r.task.id}>
            <Voyant
              state={r.state}
              label={t('truth:missions.reopened', {
                task: t(`guides:tasks.${r.task.id}.title`),
                finding: finding ? text(finding, 'title') : '',
              })}
            />
          </p>
        );
      })}
    </div>
  );
}
