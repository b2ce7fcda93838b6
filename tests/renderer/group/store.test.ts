/**
 * The group visit store against a fake `window.kiosk`: each person is its own registration with
 * the shared host, window and doors; a person whose registration was recorded (done, or its
 * outcome unknown) is never sent again; a person with a field error is sent once it is fixed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KioskApi, Registration, Result, Visit } from '../../../src-preload/contract';
import { TINY_JPEG } from '../../../src-main/k30/simulator/photos';
import { residentId } from '../../helpers/test-data';

const sent: Registration[] = [];
let answer: (input: Registration) => Result<Visit>;
(globalThis as unknown as { kiosk: Partial<KioskApi> }).kiosk = {
  registerVisit: async (input: Registration) => {
    sent.push(input);
    return answer(input);
  },
};

const { useGroupStore } = await import('../../../src-renderer/src/group/store');

const PHOTO = { base64: TINY_JPEG.toString('base64'), bytes: TINY_JPEG.length, width: 480, height: 640, quality: 0.8 };
const HOST = { no: '1001', name: '张伟', deptname: '研发部', phoneTail: '8001' };
const pushed = (input: Registration): Visit => ({ id: `v-${input.name}`, state: 'pushed' }) as Visit;

function fill(index: number, name: string, phone: string, documentNo: string) {
  const key = useGroupStore.getState().members[index].key;
  useGroupStore.getState().editMember(key, { name, phone, documentNo, photo: PHOTO });
}

beforeEach(() => {
  sent.length = 0;
  useGroupStore.getState().reset(120);
  useGroupStore.getState().setShared({ host: HOST, deviceNos: ['D1001', 'D1005'] });
});

describe('a group visit', () => {
  it('registers each person with the shared host, window and doors', async () => {
    answer = (input) => ({ ok: true, value: pushed(input) });
    fill(0, '甲', '13900000001', residentId('11010119900307001'));
    fill(1, '乙', '13900000002', residentId('11010119900307002'));
    await useGroupStore.getState().registerAll([]);
    expect(sent.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(new Set(sent.map((r) => `${r.hostNo} ${r.begin} ${r.end} ${r.deviceNos.join(',')}`)).size).toBe(1);
    expect(sent[0]).toMatchObject({ hostNo: '1001', deviceNos: ['D1001', 'D1005'], channel: 'reception' });
  });

  it('never sends again a person whose outcome is unknown; sends a fixed one', async () => {
    answer = (input) =>
      input.name === '甲' ? { ok: false, error: { code: 'outcome-unknown', message: 'timeout', visitId: 'v-unknown' } } : { ok: true, value: pushed(input) };
    fill(0, '甲', '13900000001', residentId('11010119900307001'));
    fill(1, '乙', '1390000', residentId('11010119900307002'));
    await useGroupStore.getState().registerAll([]);
    expect(sent.map((r) => r.name)).toEqual(['甲']);
    expect(useGroupStore.getState().members[1].errors.phone).toEqual({ key: 'validation.phoneMainland' });

    fill(1, '乙', '13900000002', residentId('11010119900307002'));
    await useGroupStore.getState().registerAll([]);
    expect(sent.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(useGroupStore.getState().members.map((m) => m.visit?.state ?? m.error?.code)).toEqual(['outcome-unknown', 'pushed']);
  });

  it('needs a host and doors before sending anything', async () => {
    useGroupStore.getState().setShared({ host: null });
    fill(0, '甲', '13900000001', residentId('11010119900307001'));
    await useGroupStore.getState().registerAll([]);
    expect(sent).toEqual([]);
    expect(useGroupStore.getState().sharedError).toEqual({ key: 'validation.hostRequired' });
    useGroupStore.getState().setShared({ host: HOST, deviceNos: null });
    await useGroupStore.getState().registerAll([]);
    expect(useGroupStore.getState().sharedError).toEqual({ key: 'validation.devicesRequired' });
    expect(sent).toEqual([]);
  });
});
