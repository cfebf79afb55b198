/** The Linux probes (Debian/Ubuntu with apt, Fedora/RHEL with dnf). */
import type { Probe } from '../../checkup/probe';
import { antivirusProbe } from './antivirus';
import { autoUpdatesProbe } from './auto-updates';
import { firewallProbe } from './firewall';
import { identityProbe } from './identity';
import { inventoryProbe } from './inventory';
import { lastUpdateProbe } from './last-update';
import { pendingUpdatesProbe } from './pending-updates';
import { rebootProbe } from './reboot';

/** Every Linux probe, in the order of the dashboard. */
export const linuxProbes: readonly Probe[] = [
  identityProbe,
  autoUpdatesProbe,
  lastUpdateProbe,
  pendingUpdatesProbe,
  rebootProbe,
  antivirusProbe,
  firewallProbe,
  inventoryProbe,
];
