/** macOS matching in the end-of-life data. Minimal placeholder: the Windows/macOS engineer replaces it. */
import type { OsFacts } from '../../../shared/facts';
import type { EolData } from './eol';
import type { SupportInfo } from './support';

/** Support status of a macOS release; 'unknown' until the macOS matching is written. */
export function lookupMacos(_os: OsFacts, _now: Date, _data: EolData): SupportInfo {
  return {
    product: 'macos',
    cycle: null,
    label: null,
    endOfSupport: null,
    endOfExtendedSupport: null,
    extendedAutomatic: false,
    status: 'unknown',
    latest: null,
  };
}
