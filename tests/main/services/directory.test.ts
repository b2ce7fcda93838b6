/**
 * Issue #8 B6: a visitor at the kiosk can find their host, and nothing more: names only (at least
 * two characters), at most five people, department but no phone tail, no lookup by phone, and
 * only so many searches a minute. Against the simulator over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-preload/contract';
import { createDispatcher, type Dispatch } from '../../../src-main/ipc/dispatch';
import { startSimulator, type RunningSimulator } from '../../../src-main/k30/simulator';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../../src-main/k30/simulator/seed';
import { SELF_SERVICE_SEARCHES_PER_MINUTE } from '../../../src-main/services/self-service-guard';
import { appRig } from '../../helpers/app-rig';
import { ok as value } from '../../helpers/results';

const PIN = '2468';
/** Eight people whose names share "欧阳明": more than a kiosk may list. */
const NAMESAKES = [...'一二三四五六七八'].map((c, i) => ({ no: `17459900000000${10 + i}`, name: `欧阳明${c}`, phone: `1390000${String(1000 + i)}` }));

const app = appRig('kiosk-search-');
let sim: RunningSimulator;
let offsetMs = 0;

const search = async (dispatch: Dispatch, query: string) => value<Host[]>(await dispatch('searchHosts', { query }));

beforeEach(async () => {
  offsetMs = 0;
  sim = await startSimulator({ port: 0, seed: 'demo' });
  const template = sim.state.people.get(DEMO_HOST_NO)!;
  for (const p of NAMESAKES) sim.state.people.set(p.no, { ...template, ...p, jobnumber: p.no.slice(-6), idcard: '' });
  await app.start({ now: () => new Date(Date.now() + offsetMs) });
  await app.connect(sim);
});
afterEach(async () => {
  await app.stop();
  await sim.close();
});

async function selfServiceOn(dispatch: Dispatch): Promise<void> {
  value(await dispatch('setAdminPin', { next: PIN }));
  value(await dispatch('saveSettings', { defaultDeviceNos: [DEMO_DEVICES.campusGateIn], selfServiceMode: true }));
}

describe('host search at the self-service kiosk', () => {
  it('reception still finds by phone and sees phone tails (the comparison)', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    expect(await search(dispatch, '欧阳明')).toHaveLength(8);
    const byPhone = await search(dispatch, '13800138001');
    expect(byPhone.map((h) => h.no)).toContain(DEMO_HOST_NO);
    expect(byPhone.find((h) => h.no === DEMO_HOST_NO)!.phoneTail).toBe('8001');
  });

  it('needs two characters, lists at most 5, with department and no phone tail', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch);
    expect(await search(dispatch, '欧')).toEqual([]);
    const hosts = await search(dispatch, '欧阳明');
    expect(hosts).toHaveLength(5);
    for (const host of hosts) {
      expect(host.name).toContain('欧阳明');
      expect(host.phoneTail).toBe('');
      expect(host.deptname).not.toBe('');
    }
    const zhang = await search(dispatch, '张伟');
    expect(zhang.find((h) => h.no === DEMO_HOST_NO)).toMatchObject({ name: '张伟', phoneTail: '' });
    const answered = JSON.stringify([hosts, zhang]);
    for (const phone of ['13800138001', ...NAMESAKES.map((p) => p.phone)]) expect(answered).not.toContain(phone.slice(-4));
  });

  it('never finds anyone by phone: not the full number, not its tail, not digits mixed into a name', async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch);
    for (const query of ['13800138001', '8001', '138', '张伟8001', NAMESAKES[0].phone]) expect(await search(dispatch, query)).toEqual([]);
  });

  it(`allows ${SELF_SERVICE_SEARCHES_PER_MINUTE} searches a minute, then says rate-limited until the minute has passed`, async () => {
    const dispatch = createDispatcher(app.services.handlers);
    await selfServiceOn(dispatch);
    for (let i = 0; i < SELF_SERVICE_SEARCHES_PER_MINUTE; i++) expect((await dispatch('searchHosts', { query: '张伟' })).ok).toBe(true);
    expect(await dispatch('searchHosts', { query: '张伟' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    offsetMs += 60_000;
    expect((await dispatch('searchHosts', { query: '张伟' })).ok).toBe(true);
  });
});
