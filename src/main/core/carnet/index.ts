/**
 * The owner's register (issue 14): devices and business programs (removal kept 30 days and
 * undoable), who does each task by when, the test journal of step 4 and the vendors' answers of
 * step 3. Every change is written in the history under the name set in Paramètres.
 */
import type { z } from 'zod';
import {
  localDay,
  type CarnetOverview,
  type softwareScenarioSchema,
  type softwareTestSchema,
  type taskAssignSchema,
  type taskTickSchema,
  type vendorAnswerInputSchema,
} from '../../../shared/carnet';
import type { FindingState } from '../../../shared/checkup';
import type { ChannelArgs, ProviderEmail } from '../../../shared/ipc';
import type { Lang } from '../../../shared/i18n';
import type { Workspace } from '../../../shared/workspace';
import type { ServiceContext } from '../context';
import { assignTask, recordTest, recordVendorAnswer, setScenario, tickTask } from './journal';
import { brokenMessage, vendorQuestion } from './messages';
import { definedFields } from '../patch';
import * as register from './register';
import { listTasks } from './tasks';
import { currentVersion, programsToTest } from './to-test';

export { listTasks } from './tasks';
export { programsToTest, currentVersion } from './to-test';

/** The register part of the service. */
export interface CarnetApi {
  devicesAdd(input: ChannelArgs<'devices:add'>[0]): Promise<Workspace>;
  devicesUpdate(id: string, patch: ChannelArgs<'devices:update'>[1]): Promise<Workspace>;
  devicesRemove(id: string): Promise<Workspace>;
  devicesTickStep(args: ChannelArgs<'devices:tickStep'>[0]): Promise<Workspace>;
  missionsTick(args: ChannelArgs<'missions:tick'>[0]): Promise<Workspace>;
  softwareUpsert(input: ChannelArgs<'software:upsert'>[0]): Promise<Workspace>;
  softwareRemove(id: string): Promise<Workspace>;
  restore(removedId: string): Promise<Workspace>;
  assign(input: z.infer<typeof taskAssignSchema>): Promise<Workspace>;
  tick(input: z.infer<typeof taskTickSchema>): Promise<Workspace>;
  scenario(input: z.infer<typeof softwareScenarioSchema>): Promise<Workspace>;
  test(input: z.infer<typeof softwareTestSchema>): Promise<Workspace>;
  vendorAnswer(input: z.infer<typeof vendorAnswerInputSchema>): Promise<Workspace>;
  vendorQuestion(args: { id: string; lang?: Lang | undefined }): Promise<ProviderEmail>;
  brokenMessage(args: { id: string; lang?: Lang | undefined }): Promise<ProviderEmail>;
  overview(): Promise<CarnetOverview>;
}

/** Creates the register API over the service's context. */
export function createCarnetApi(context: ServiceContext): CarnetApi {
  const { store } = context;
  const stamp = (): register.Stamp => ({ at: context.now().toISOString(), by: context.user });
  const change = (fn: (ws: Workspace, s: register.Stamp) => void) => {
    const s = stamp();
    return store.update((ws) => fn(ws, s));
  };
  const program = (id: string) => {
    const sw = store.read().software.find((x) => x.id === id);
    if (!sw) throw new Error('Ce logiciel n’existe plus.');
    return sw;
  };

  return {
    devicesAdd: (input) => change((ws, s) => register.addDevice(ws, input, s)),
    devicesUpdate: (id, patch) =>
      change((ws) => {
        const device = ws.devices.find((d) => d.id === id);
        if (!device) throw new Error('Cet appareil n’existe plus.');
        Object.assign(device, definedFields(patch));
      }),
    devicesRemove: (id) => change((ws, s) => register.removeItem(ws, 'device', id, s)),
    devicesTickStep: (args) => change((ws, s) => register.tickStep(ws, args, s)),
    missionsTick: (args) => change((ws, s) => register.tickMission(ws, args, s)),
    softwareUpsert: (input) => change((ws) => register.upsertSoftware(ws, input)),
    softwareRemove: (id) => change((ws, s) => register.removeItem(ws, 'software', id, s)),
    restore: (removedId) => change((ws, s) => register.restoreItem(ws, removedId, s)),
    assign: (input) => change((ws, s) => assignTask(ws, input, s)),
    tick: (input) => change((ws, s) => tickTask(ws, input, s)),
    scenario: (input) => change((ws) => setScenario(ws, input.id, input.scenario)),
    async test(input) {
      const checkup = await context.latestCheckup();
      return change((ws, s) => recordTest(ws, input, checkup, s));
    },
    vendorAnswer: (input) => change((ws, s) => recordVendorAnswer(ws, input, s)),
    async vendorQuestion({ id, lang }) {
      const sw = program(id);
      const version = currentVersion(sw, await context.latestCheckup());
      return vendorQuestion(store.read(), sw, version, context.langOf(lang));
    },
    async brokenMessage({ id, lang }) {
      return brokenMessage(store.read(), program(id), context.langOf(lang));
    },
    async overview() {
      const ws = store.read();
      const checkup = await context.latestCheckup();
      const now = context.now();
      const today = localDay(now);
      const states: Record<string, FindingState> = {};
      for (const f of checkup?.findings ?? []) states[f.id] = f.state;
      const tasks = listTasks(ws, states, today);
      return {
        today,
        toTest: programsToTest(ws, checkup),
        tasks,
        overdue: tasks.filter((x) => x.overdue).length,
        restorable: register.restorableItems(ws, now),
      };
    },
  };
}
