/**
 * A register task's title in the owner's language, from the locale files (`guides` for mission
 * tasks and device steps, `carnet` for the rest): one rule for the screens, the calendar and the PDF.
 */
import type { TaskView } from './carnet';
import type { Translate } from './finding-text';

/** The task's title, e.g. « Demander au fournisseur si Sage 100 est à jour ». */
export function taskTitle(task: Pick<TaskView, 'kind' | 'ref'>, t: Translate): string {
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
}
