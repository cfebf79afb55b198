/** Helpers of the follow-up screens: a task's title and its assignee in words, and the overview loaded once. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../shared/carnet';
import { taskTitle } from '../../../shared/task-title';
import { useAppStore } from '../../store';

/** The task's title in the interface language (the same rule as the core's calendar and PDF). */
export function useTaskTitle(): (task: TaskView) => string {
  const { t } = useTranslation(['carnet', 'guides']);
  return (task) => taskTitle(task, (key, options) => String(t(key, options as never)));
}

/** Loads the register's overview when a screen that shows it appears (and when the workspace changes). */
export function useOverview() {
  const overview = useAppStore((s) => s.overview);
  const load = useAppStore((s) => s.loadOverview);
  const updatedAt = useAppStore((s) => s.workspace?.updatedAt);
  const reportAt = useAppStore((s) => s.report?.generatedAt);
  useEffect(() => {
    void load();
  }, [load, updatedAt, reportAt]);
  return overview;
}
