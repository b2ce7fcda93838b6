import { describe, expect, it } from 'vitest';
import type { ExpectedVisit, ImportResult, Visit } from '../../../../src-preload/contract';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { guestCsv } from '../../../helpers/guest-list';
import { ok } from '../../../helpers/results';
import { expectedVisitInput, until } from '../../../helpers/test-data';
import { mapStore, memoryLogger } from '../../../helpers/test-ports';

/** Expected visits against the demo simulator over real HTTP: nothing on K30 until check-in. */

const app = appRig('expected-http-');

async function simVisitors(): Promise<{ name: string; phone: string; staffno: string; syncedDevices: string[]; photoBytes: number }[]> {
  const state = await app.demoSim<{ visitors: object }>('state');
  return Object.values(state.visitors);
}

describe('expected visits through the dispatcher', () => {
  it('pre-registers and imports without touching K30, then one check-in registers and pushes the visitor', async () => {
    const log = memoryLogger();
    const dispatch = await app.start({ log });
    const before = (await simVisitors()).length;

    const created = ok<ExpectedVisit>(
      await dispatch(
        'createExpectedVisit',
        expectedVisitInput(
          { name: '预约访客', phone: '13911112222', documentNo: 'E11112222', deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn] },
          7_200_000,
        ),
      ),
    );
    expect(ok<ImportResult>(await dispatch('importExpectedVisits', { format: 'csv', base64: Buffer.from(guestCsv(30)).toString('base64') }))).toMatchObject({
      imported: 30,
    });
    // An import naming a door K30 does not have is refused (the doors were listed from the server).
    const badDoor = guestCsv(2).replace(`,${DEMO_DEVICES.campusGateIn}\r\n`, ',NO-SUCH-DOOR\r\n');
    expect(ok<ImportResult>(await dispatch('importExpectedVisits', { format: 'csv', base64: Buffer.from(badDoor).toString('base64') })).errors).toEqual([
      { line: 2, column: 'doors', problem: 'unknown-door' },
    ]);
    expect(ok<ExpectedVisit[]>(await dispatch('listExpectedVisits', undefined))).toHaveLength(31);
    expect((await simVisitors()).length).toBe(before);

    const visit = ok<Visit>(await dispatch('checkInExpectedVisit', { expectedId: created.id, photo: TINY_JPEG.toString('base64') }));
    expect(visit.state).toBe('pushed');
    const onServer = (await simVisitors()).find((v) => v.name === '预约访客');
    expect(onServer).toMatchObject({ phone: '13911112222', staffno: DEMO_HOST_NO });
    expect([...onServer!.syncedDevices].sort()).toEqual([DEMO_DEVICES.buildingBIn, DEMO_DEVICES.campusGateIn].sort());
    expect(onServer!.photoBytes).toBeGreaterThan(0);
    const listed = ok<ExpectedVisit[]>(await dispatch('listExpectedVisits', undefined)).find((e) => e.id === created.id);
    expect(listed).toMatchObject({ state: 'checked-in', visitId: visit.id });
    // Nothing personal in the log.
    expect(log.lines.join('\n')).not.toMatch(/13911112222|E11112222|1390000000\d/);
  });

  it('a K30 5xx after acting leaves the check-in "outcome unknown", counted as checked in (never sent twice)', async () => {
    const dispatch = await app.start();
    const created = ok<ExpectedVisit>(
      await dispatch('createExpectedVisit', expectedVisitInput({ name: '未知结果', documentNo: 'E12345675', phone: '13911113333', hostName: '' })),
    );
    await app.demoSim('faults', { http5xxAfterCommit: 1, paths: ['visitor/Create'] });
    const result = await dispatch('checkInExpectedVisit', { expectedId: created.id, photo: TINY_JPEG.toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'outcome-unknown', visitId: expect.any(String) } });
    const listed = ok<ExpectedVisit[]>(await dispatch('listExpectedVisits', undefined))[0];
    expect(listed.state).toBe('checked-in');
    await until(() => app.services.ledger.all().some((v) => v.state === 'create-unknown'));
    expect(await dispatch('checkInExpectedVisit', { expectedId: created.id, photo: TINY_JPEG.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
  });

  it('a self-service kiosk may use none of the expected-visit or visit-log calls', async () => {
    const dispatch = await app.start({ store: mapStore({ selfServiceMode: true }), demoControlPlane: false }, { awaitReady: false });
    for (const [name, input] of [
      ['listExpectedVisits', undefined],
      ['importExpectedVisits', { format: 'csv', base64: 'YQ==' }],
      ['checkInExpectedVisit', { expectedId: 'x', photo: TINY_JPEG.toString('base64') }],
      ['queryVisitLog', { from: '2020-01-01', to: '2020-01-02' }],
      ['exportVisitLog', { from: '2020-01-01', to: '2020-01-02', format: 'csv', language: 'en', phones: 'masked' }],
      ['getVisitPhoto', { visitId: 'x' }],
    ] as const) {
      expect(await dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
  });
});
