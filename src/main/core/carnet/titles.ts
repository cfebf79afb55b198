/** A register task's title in the owner's language (calendar, PDF, CLI). */
import type { Assignee, TaskView } from '../../../shared/carnet';
import type { Lang } from '../../../shared/i18n';
import { taskTitle as sharedTaskTitle } from '../../../shared/task-title';
import { getT } from '../i18n';

/** The task's title in a language (see shared/task-title.ts). */
export function taskTitle(task: TaskView, lang: Lang): string {
  const t = getT(lang);
  return sharedTaskTitle(task, (key, options) => String(t(key, options as never)));
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
