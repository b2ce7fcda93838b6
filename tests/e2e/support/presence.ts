/** The simulator's world as the security tests read it (`GET /__sim/state`). */
import type { PresenceEntry } from '../../../src-main/k30/simulator/state';
import type { Sim } from './fixtures';

export type { PresenceEntry };
export interface World {
  regions: { no: string; name: string; parentno: string }[];
  people: { no: string; name: string; deptno: string; phone: string }[];
  departments: { no: string; name: string }[];
  devices: { no: string; name: string }[];
  visitors: { no: string; name: string; phone: string }[];
  presence: Record<string, PresenceEntry[]>;
}

export async function world(sim: Sim): Promise<World> {
  return (await sim.state()) as unknown as World;
}

/** How many different people the simulator has inside anywhere (a person in two regions is one). */
export const distinctInside = (w: World) =>
  new Set(Object.values(w.presence).flatMap((list) => list.map((e) => (e.visitorNo ? `v:${e.visitorNo}` : `p:${e.personNo}`)))).size;
