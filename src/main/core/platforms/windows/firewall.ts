/** Firewall facts from `Get-NetFirewallProfile` and SecurityCenter2. */
import type { FirewallFacts, FirewallProfile } from '../../../../shared/facts';
import { decodeProductState } from './antivirus';
import { arr, num, obj, str, type JsonObject } from './common';

/** Firewall facts from the `firewall` section, plus third-party firewalls registered in SecurityCenter2. */
export function windowsFirewallFacts(
  section: JsonObject,
  securityCenter: JsonObject | null = null,
): FirewallFacts {
  const profiles: FirewallProfile[] = arr(section.profiles).flatMap((raw) => {
    const p = obj(raw);
    const name = str(p?.name);
    if (!p || !name) return [];
    const e = str(p.enabled) ?? (typeof p.enabled === 'boolean' ? String(p.enabled) : null);
    const enabled = e && /^true$/i.test(e) ? true : e && /^false$/i.test(e) ? false : null;
    return [{ name, enabled }];
  });
  const thirdParty: FirewallProfile[] = arr(securityCenter?.firewall).flatMap((raw) => {
    const p = obj(raw);
    const name = str(p?.displayName);
    const state = num(p?.productState);
    if (!name || state === null) return [];
    const d = decodeProductState(state);
    if (d.microsoft) return [];
    return [{ name, enabled: d.state === 'on' ? true : d.state === 'unknown' ? null : false }];
  });
  let enabled: boolean | null;
  if (profiles.length === 0) enabled = null;
  else if (profiles.every((p) => p.enabled === true)) enabled = true;
  else if (profiles.some((p) => p.enabled === false)) enabled = false;
  else enabled = null;
  // A third-party firewall that Windows reports as on takes over from the Windows profiles.
  if (enabled !== true && thirdParty.some((p) => p.enabled === true)) enabled = true;
  return { enabled, profiles: [...profiles, ...thirdParty], tool: 'Windows Defender Firewall' };
}
