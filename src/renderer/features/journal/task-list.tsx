/** « Qui fait quoi, pour quand »: each task with its assignee and due day; late ones marked. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AssigneeKind, TaskView } from '../../../shared/carnet';
import { useFormatDate } from '../../hooks';
import { useAppStore } from '../../store';
import { InputField, SelectField } from './input-field';
import { useTaskTitle } from './use-journal';

type Choice = AssigneeKind | 'nobody';

/** One task and its editor. */
function TaskItem({ task }: { readonly task: TaskView }) {
  const { t } = useTranslation('carnet');
  const title = useTaskTitle()(task);
  const formatDate = useFormatDate();
  const assign = useAppStore((s) => s.assignTask);
  const tick = useAppStore((s) => s.tickRegisterTask);
  const notify = useAppStore((s) => s.notify);
  const [who, setWho] = useState<Choice>(task.assignee?.kind ?? 'nobody');
  const [name, setName] = useState(task.assignee?.name ?? '');
  const [due, setDue] = useState(task.due ?? '');
  const id = `task-${task.key.replace(/[^\w-]/g, '-')}`;

  const save = async () => {
    const ok = await assign({
      key: task.key,
      assignee:
        who === 'nobody' ? null : { kind: who, ...(who === 'colleague' ? { name: name.trim() } : {}) },
      due: due || null,
    });
    if (ok) notify({ kind: 'success', message: t('assignee.saved') });
  };

  return (
    <li
      className={`journal-item${task.overdue ? ' journal-item--late' : ''}`}
      aria-labelledby={`${id}-title`}
      data-task={task.key}
    >
      <h3 id={`${id}-title`}>
        {title} {task.overdue && <span className="journal-badge">— {t('assignee.overdue')}</span>}
      </h3>
      {task.done && task.doneAt && <p>{t('assignee.doneOn', { date: formatDate(task.doneAt) })}</p>}
      <div className="journal-row">
        <SelectField<Choice>
          id={`${id}-who`}
          label={t('assignee.label')}
          value={who}
          onChange={setWho}
          options={(['nobody', 'me', 'provider', 'colleague'] as const).map((value) => ({
            value,
            label: t(`assignee.${value}`),
          }))}
        />
        {who === 'colleague' && (
          <InputField id={`${id}-name`} label={t('assignee.colleagueName')} value={name} onChange={setName} />
        )}
        <InputField id={`${id}-due`} label={t('assignee.due')} value={due} onChange={setDue} type="date" />
        <Button className="button" onPress={() => void save()}>
          {t('assignee.save')}
        </Button>
        {(task.kind === 'update' || task.kind === 'site') && (
          <Button className="button" onPress={() => void tick(task.key, !task.done)}>
            {task.done ? t('history.registerUndone') : t('history.registerDone')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** The task list: open tasks (late first), done ones on request. */
export function TaskList({ tasks }: { readonly tasks: readonly TaskView[] }) {
  const { t } = useTranslation('carnet');
  const [all, setAll] = useState(false);
  const shown = [...tasks.filter((x) => all || !x.done)].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue),
  );
  const overdue = tasks.filter((x) => x.overdue).length;
  return (
    <>
      {overdue > 0 && <p className="journal-badge">{t('journal.overdueCount', { count: overdue })}</p>}
      <label className="journal-switch">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <span>{t('journal.showAll')}</span>
      </label>
      {shown.length === 0 ? (
        <p>{t('journal.noTasks')}</p>
      ) : (
        <ul className="journal-list">
          {shown.map((task) => (
            <TaskItem key={`${task.key}:${task.assignee?.kind ?? ''}:${task.due ?? ''}`} task={task} />
          ))}
        </ul>
      )}
    </>
  );
}
