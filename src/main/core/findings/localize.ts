/** Writes findings' texts in a language, from the shared locale files. */
import type { Finding, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import { getT } from '../i18n';
import type { FindingSpec } from './evaluate';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date as the owner reads it: « 11 juillet 2026 » / "11 July 2026"; other text unchanged. */
export function displayDate(value: string, lang: Lang): string {
  if (!ISO_DATE.test(value)) return value;
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(date);
}

/**
 * The parameters as interpolated into texts: ISO dates written out, `what` as the finding's
 * name, `limits` ("timerUnknown|windowsHome") as the sentences under `findings:limits.*`.
 * The finding keeps the raw params for machines.
 */
export function displayParams(raw: FindingSpec['params'], lang: Lang, t: ReturnType<typeof getT>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'string' ? displayDate(v, lang) : v;
  out.what = raw.what !== undefined ? t(`findings:names.${raw.what}`) : '';
  const limits = typeof raw.limits === 'string' ? raw.limits.split('|').filter(Boolean) : [];
  out.limits = limits.map((k) => t(`findings:limits.${k}`)).join(' ');
  return out;
}

/** Localises finding specs: title, detail and action from `findings:${key}.*`. */
export function localizeFindings(specs: readonly FindingSpec[], lang: Lang): Finding[] {
  const t = getT(lang);
  return specs.map((s) => {
    const params = displayParams(s.params, lang, t);
    const finding: Finding = {
      id: s.id,
      state: s.state,
      title: t(`findings:${s.key}.title`, params),
      detail: t(`findings:${s.key}.detail`, params),
      action: t(`findings:${s.key}.action`, params),
      key: s.key,
      params: s.params,
      fix: s.fix,
    };
    if (s.reason !== undefined) finding.reason = s.reason;
    return finding;
  });
}

/** Counts findings per state. */
export function summarize(findings: readonly { state: FindingState }[]): Record<FindingState, number> {
  const summary: Record<FindingState, number> = { ok: 0, attention: 0, danger: 0, unknown: 0 };
  for (const f of findings) summary[f.state] += 1;
  return summary;
}
