/**
 * Auto-updates plans: plan, apply, undo (issue 4).
 * PLACEHOLDER: replaced by the auto-updates work; every call says plainly it is not available yet.
 */
import type { ChannelArgs } from '../../../shared/ipc';
import type { ApplyResult, PlanView } from '../../../shared/plans';
import type { ServiceContext } from '../service';

/** The auto-updates part of the service. */
export interface AutoUpdatesApi {
  plan(args: ChannelArgs<'autoUpdates:plan'>[0]): Promise<PlanView>;
  apply(args: ChannelArgs<'autoUpdates:apply'>[0]): Promise<ApplyResult>;
  undo(args: ChannelArgs<'autoUpdates:undo'>[0]): Promise<ApplyResult>;
}

export function createAutoUpdatesApi(_context: ServiceContext): AutoUpdatesApi {
  const unavailable = async (): Promise<never> => {
    throw new Error('Cette fonction n’est pas encore disponible.');
  };
  return { plan: unavailable, apply: unavailable, undo: unavailable };
}
