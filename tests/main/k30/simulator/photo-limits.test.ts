/**
 * The simulator's door terminals with photo limits (set through the control plane): a push of a
 * photo they refuse is reported failed through `authstatus`, with the terminal's reason, and the
 * app's visit shows that door failed with it. Over real HTTP, in demo mode.
 */
import { describe, expect, it } from 'vitest';
import type { Result, Visit } from '../../../../src-preload/contract';
import { jpegSize } from '../../../../src-main/k30/simulator/jpeg-size';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { demoRegistration, residentId, until } from '../../../helpers/test-data';

const app = appRig('photo-limits-');

async function setDevice(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${app.services.demo!.url}/__sim/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('simulated terminals with photo limits', () => {
  it('refuse a photo with a short side under their minimum, through authstatus; other doors take it', async () => {
    const dispatch = await app.start();
    const size = jpegSize(TINY_JPEG)!;
    expect(Math.min(size.width, size.height)).toBeLessThan(480);
    expect(await (await setDevice({ no: DEMO_DEVICES.campusGateIn, online: true, photoMinShortSide: 480 })).json()).toMatchObject({
      photoLimits: { minShortSide: 480 },
    });
    const result = (await dispatch('registerVisit', demoRegistration({ deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn] }))) as Result<Visit>;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const visitId = result.value.id;
    const device = (no: string) => app.services.ledger.get(visitId)!.devices.find((d) => d.no === no)!;
    await until(() => device(DEMO_DEVICES.campusGateIn).state === 'failed' && device(DEMO_DEVICES.buildingBIn).state === 'confirmed');
    expect(device(DEMO_DEVICES.campusGateIn).message).toBe(`照片分辨率过低（${size.width}x${size.height}，短边至少 480）`);
  });

  it('refuse a photo over their byte limit; limits are cleared with null and refused when not whole positive numbers', async () => {
    const dispatch = await app.start();
    expect((await setDevice({ no: DEMO_DEVICES.buildingBIn, online: true, photoMaxBytes: -1 })).status).toBe(400);
    await setDevice({ no: DEMO_DEVICES.buildingBIn, online: true, photoMaxBytes: 100 });
    const first = (await dispatch('registerVisit', demoRegistration({ deviceNos: [DEMO_DEVICES.buildingBIn] }))) as Result<Visit>;
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    await until(() => app.services.ledger.get(first.value.id)!.devices[0].state === 'failed');
    expect(app.services.ledger.get(first.value.id)!.devices[0].message).toMatch(/^照片过大/);
    expect(await (await setDevice({ no: DEMO_DEVICES.buildingBIn, online: true, photoMaxBytes: null })).json()).toMatchObject({ photoLimits: null });
    const second = (await dispatch(
      'registerVisit',
      demoRegistration({ phone: '13700000002', documentNo: residentId('44030519851224002'), deviceNos: [DEMO_DEVICES.buildingBIn] }),
    )) as Result<Visit>;
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    await until(() => app.services.ledger.get(second.value.id)!.devices[0].state === 'confirmed');
  });
});
