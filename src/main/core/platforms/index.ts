/** The probes of each platform. Each OS has its own folder; all take the Host as an argument. */
import type { Platform } from '../../../shared/facts';
import type { Probe } from '../checkup/probe';
import { linuxProbes } from './linux';
import { windowsProbes } from './windows';
import { macosProbes } from './macos';

/** The probes to run for a platform. */
export function probesFor(platform: Platform): readonly Probe[] {
  switch (platform) {
    case 'linux':
      return linuxProbes;
    case 'win32':
      return windowsProbes;
    case 'darwin':
      return macosProbes;
  }
}
