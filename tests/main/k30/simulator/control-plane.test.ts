/** The simulator's test control plane (/__sim/): bulk people, reset, and clear refusals. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_REGIONS, startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';
import { simControl, simOk } from '../../../helpers/sim-call';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('control plane', () => {
  // How fast bulk filling is belongs to bench/security-view.ts, not to a timed test.
  it('people/bulk fills a region; reset restores the seed', async () => {
    const { status, json } = await simControl(sim, 'POST', '/__sim/people/bulk', { regionNo: DEMO_REGIONS.buildingA, count: 5000 });
    expect(status).toBe(200);
    expect(json.created).toBe(5000);
    const page = await simOk(sim, 'region/getpeoplelist', { pageindex: 2, pagesize: 1000, no: DEMO_REGIONS.buildingA });
    expect(page.total).toBe(json.inside);
    expect(page.data).toHaveLength(1000);
    await simControl(sim, 'POST', '/__sim/reset');
    expect(sim.state.people.size).toBe(240);
  });

  it('reports bad control requests clearly', async () => {
    expect((await simControl(sim, 'POST', '/__sim/device', { no: 'D9999', online: true })).status).toBe(404);
    expect((await simControl(sim, 'POST', '/__sim/device', { no: 'D1001' })).status).toBe(400);
    expect((await simControl(sim, 'POST', '/__sim/pass', { personNo: 'x', deviceNo: 'D1001' })).status).toBe(404);
    expect((await simControl(sim, 'POST', '/__sim/faults', { http500: -1 })).status).toBe(400);
    expect((await simControl(sim, 'GET', '/__sim/nope')).status).toBe(404);
    const created = await simControl(sim, 'POST', '/__sim/device', { no: 'D2001', online: true, name: '新闸机', regionname: '总部园区' });
    expect(created.json).toMatchObject({ no: 'D2001', onlinestatus: 1 });
  });
});
