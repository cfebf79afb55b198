/** The desktop app's view of the fleet it reports to (IPC `fleet:status`, `fleet:join`). */
import { z } from 'zod';

/** Whether this computer reports to a fleet server, where, and when its last report went. */
export interface FleetStatus {
  readonly joined: boolean;
  /** The server's address (origin), null when not joined. */
  readonly url: string | null;
  readonly site: string | null;
  /** ISO date-time of the last report the server accepted. */
  readonly lastSentAt: string | null;
  /** Reports waiting on this computer for the server. */
  readonly queued: number;
}

/** Arguments of `fleet:join`: the server's address and the site's enrolment code. */
export const fleetJoinSchema = z
  .object({ url: z.string().min(1).max(2000), code: z.string().min(4).max(40) })
  .strict();
