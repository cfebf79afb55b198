/** A register task's title in the owner's language (calendar, PDF, CLI). */
import type { Assignee, TaskView } from '../../../shared/carnet';
import type { Lang } from '../../../shared/i18n';
import { getT } from '../i18n';

/** The task's title, e.g. « Demander à l'éditeur si Sage 100 est à jour ». */
export function taskTitle(task: TaskView, lang: Lang): string {
  const t = getT(lang);
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

/** Who, in words: « moi » (the owner's name when given), the prestataire's name, the colleague. */
export function assigneeLabel(
  a: Assignee | null | undefined,
  ws: { settings: { ownerName: string }; provider: { name: string } },
  lang: Lang,
): string {
  const t = getT(lang);
  if (!a) return '';
  if (a.kind === 'me') return ws.settings.ownerName.trim() || t('carnet:assignee.me');
  if (a.kind === 'provider') return ws.provider.name.trim() || t('carnet:assignee.provider');
  return a.name ?? '';
}
