/** Hooks that derive what screens need from the store and the locale files. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Finding, FindingState } from '../shared/checkup';
import type { Lang } from '../shared/i18n';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date as the owner reads it (same rule as the core's findings/localize.ts displayDate). */
export function displayDate(value: string, lang: Lang): string {
  if (!ISO_DATE.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(date);
}

/** A finding's texts in the current language, re-localised from its key and params (as the core's displayParams does). */
export function useFindingText(): (finding: Finding, part: 'title' | 'detail' | 'action') => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (finding, part) => {
    const raw = finding.params;
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(raw)) params[k] = typeof v === 'string' ? displayDate(v, lang) : v;
    params.what = raw.what !== undefined ? t(`findings:names.${raw.what}`, { defaultValue: String(raw.what) }) : '';
    const limits = typeof raw.limits === 'string' ? raw.limits.split('|').filter(Boolean) : [];
    params.limits = limits.map((k) => t(`findings:limits.${k}`)).join(' ');
    return t(`findings:${finding.key}.${part}`, { ...params, defaultValue: finding[part] });
  };
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
