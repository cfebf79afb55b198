/** Dates in the report's language, with cached formatters. */
import type { Lang } from '../../../shared/i18n';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and style (creating them is slow: thousands of dates in a big carnet). */
function formatter(lang: Lang, style: 'long' | 'short' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    f = new Intl.DateTimeFormat(
      locale,
      style === 'time' ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: style },
    );
    formatters.set(key, f);
  }
  return f;
}

/** A date in the report's language (local time of the machine that writes the carnet). */
export function formatDate(
  iso: string | Date | null | undefined,
  lang: Lang,
  style: 'long' | 'short' = 'short',
): string {
  if (!iso) return '';
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) return typeof iso === 'string' ? iso : '';
  return formatter(lang, style).format(date);
}

/** A date and time, for the history. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, 'time').format(date);
}
