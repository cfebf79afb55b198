/** Hooks that derive what screens need from the store and the locale files. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Finding, FindingState } from '../shared/checkup';
import type { Lang } from '../shared/i18n';
import { findingText, type FindingTextPart, type Translate } from '../shared/finding-text';
import type { MissionContext } from '../shared/missions';
import { useAppStore } from './store';

/** The interface language, from the workspace (French until it is read). */
export function useLang(): Lang {
  return useAppStore((s) => s.workspace?.settings.lang ?? 'fr');
}

/** What the mission rules need: the workspace parts and the latest finding states. */
export function useMissionContext(): MissionContext | null {
  const workspace = useAppStore((s) => s.workspace);
  const findingStates = useAppStore(
    useShallow((s) => Object.fromEntries((s.report?.findings ?? []).map((f) => [f.id, f.state])) as Record<string, FindingState>),
  );
  return useMemo(() => (workspace ? { workspace, findingStates } : null), [workspace, findingStates]);
}

/** A finding's texts in the current language, re-localised from its key and params (shared rule with the core and the PDF). */
export function useFindingText(): (finding: Finding, part: FindingTextPart) => string {
  const { t } = useTranslation();
  const lang = useLang();
  const tr: Translate = (key, options) => String(t(key, options as never));
  return (finding, part) => findingText(finding, part, lang, tr);
}

/** Formats an ISO date for the owner (« 22 novembre 2026 à 10:04 »). */
export function useFormatDate(): (iso: string | null | undefined, withTime?: boolean) => string {
  const lang = useLang();
  return (iso, withTime = false) => {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(d);
  };
}
