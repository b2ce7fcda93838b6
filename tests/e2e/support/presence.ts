/** The simulator's world as the security tests read it (`GET /__sim/state`). */
import type { PresenceEntry } from '../../../src-main/k30/simulator/state';
import { VISITOR_ROLE, type PresenceRow } from '../../../src-main/services/presence/muster-model';
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

/** Who an entry is: the person's or the visitor's number. */
export const entryNo = (e: PresenceEntry) => e.personNo ?? e.visitorNo ?? '';

/** The simulator's presence as the rows the security view lists, by region. */
export function presenceRows(w: World): Map<string, PresenceRow[]> {
  return new Map(
    Object.entries(w.presence).map(([regionNo, list]) => [
      regionNo,
      list.map((e) => ({
        no: entryNo(e),
        name: e.name,
        deptname: '',
        rolename: e.visitorNo ? VISITOR_ROLE : '',
        phone: '',
        photoUrl: '',
        deviceno: e.deviceno,
        entertime: e.entertime,
      })),
    ]),
  );
}
