/** Windows matching in the end-of-life data. Minimal placeholder: the Windows/macOS engineer replaces it. */
import type { OsFacts } from '../../../shared/facts';
import type { EolData } from './eol';
import type { SupportInfo } from './support';

/** Support status of a Windows release; 'unknown' until the Windows matching is written. */
export function lookupWindows(_os: OsFacts, _now: Date, _data: EolData): SupportInfo {
  return {
    product: 'windows',
    cycle: null,
    label: null,
    endOfSupport: null,
    endOfExtendedSupport: null,
    extendedAutomatic: false,
    status: 'unknown',
    latest: null,
  };
}
