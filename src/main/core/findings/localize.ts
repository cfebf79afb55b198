/** Writes findings' texts in a language, from the shared locale files. */
import type { Finding, FindingState } from '../../../shared/checkup';
import type { Lang } from '../../../shared/i18n';
import { findingText } from '../../../shared/finding-text';
import { getTranslate } from '../i18n';
import type { FindingSpec } from './evaluate';

export { displayDate, displayParams } from '../../../shared/finding-text';

/** Localises finding specs: title, detail and action from `findings:${key}.*`. */
export function localizeFindings(specs: readonly FindingSpec[], lang: Lang): Finding[] {
  const tr = getTranslate(lang);
  return specs.map((s) => {
    const finding: Finding = {
      id: s.id,
      state: s.state,
      title: findingText(s, 'title', lang, tr),
      detail: findingText(s, 'detail', lang, tr),
      action: findingText(s, 'action', lang, tr),
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
