/** Helpers of the follow-up screens: a task's title and its assignee in words, and the overview loaded once. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../shared/carnet';
import { useAppStore } from '../../store';

/** The task's title in the interface language (same keys as the core's calendar and PDF). */
export function useTaskTitle(): (task: TaskView) => string {
  const { t } = useTranslation(['carnet', 'guides']);
  return (task) => {
    const r = task.ref;
    switch (task.kind) {
      case 'mission':
        return t(`guides:tasks.${r.taskId}.title`, { defaultValue: r.taskId ?? '' });
      case 'step':
        return `${r.deviceName ?? ''} — ${t(`guides:steps.${r.stepId}.title`, { defaultValue: r.stepId ?? '' })}`;
      case 'vendor':
        return t('carnet:task.vendor', { name: r.softwareName });
      case 'update':
        return t('carnet:task.update', { name: r.softwareName, version: r.version ?? '' });
      case 'site':
        return t('carnet:task.site', { id: r.taskId });
    }
  };
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
