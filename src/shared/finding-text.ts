/**
 * A finding's texts in a language, from its i18n key and raw params. One function for the
 * core (checkup reports, CLI), the PDF and the renderer, so that a date or a limit reads the
 * same everywhere: ISO dates written out (« 11 juillet 2026 »), `what` as the finding's name,
 * `limits` ("timerUnknown|windowsHome") as the sentences under `findings:limits.*`.
 */
import type { FindingState, MessageParams } from './checkup';
import type { Lang } from './i18n';

/** The translate function shape shared by i18next and react-i18next. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date as the owner reads it: « 11 juillet 2026 » / "11 July 2026"; other text unchanged. */
export function displayDate(value: string, lang: Lang): string {
  if (!ISO_DATE.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(date);
}

/** The parameters as interpolated into texts (the finding keeps the raw ones for machines). */
export function displayParams(raw: MessageParams, lang: Lang, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'string' ? displayDate(v, lang) : v;
  // The updater's name as the owner knows it (« Windows Update »), not its technical id.
  if (typeof raw.mechanism === 'string') out.mechanism = t(`findings:mechanisms.${raw.mechanism}`, { defaultValue: raw.mechanism });
  out.what = raw.what !== undefined ? t(`findings:names.${raw.what}`, { defaultValue: String(raw.what) }) : '';
  const limits = typeof raw.limits === 'string' ? raw.limits.split('|').filter(Boolean) : [];
  out.limits = limits.map((k) => t(k.includes(':') ? k : `findings:limits.${k}`)).join(' ');
  return out;
}

/** The part of a finding that has a text. */
export type FindingTextPart = 'title' | 'detail' | 'action';

/** Something with a finding's key and params (and optionally its stored texts, used as fallback). */
export interface LocalizableFinding {
  readonly key: string;
  readonly params: MessageParams;
  readonly state?: FindingState;
  readonly title?: string;
  readonly detail?: string;
  readonly action?: string;
}

/** One text of a finding in the language of `t`; the stored text only when the key is missing. */
export function findingText(finding: LocalizableFinding, part: FindingTextPart, lang: Lang, t: Translate): string {
  const params = displayParams(finding.params, lang, t);
  const fallback = finding[part];
  // A key that names its namespace ("truth:autoUpdates.stopped") is looked up there; others under `findings:`.
  const key = finding.key.includes(':') ? finding.key : `findings:${finding.key}`;
  return t(`${key}.${part}`, fallback === undefined ? params : { ...params, defaultValue: fallback });
}
