/**
 * Issue #15 item 5: a door refuses the photo through `authstatus`; reception retakes it, and main
 * registers a new visitor (K30 has no update call) with the same details and doors, then removes
 * the old one. Over real HTTP against the demo simulator, through the dispatcher and the guards.
 */
import { describe, expect, it } from 'vitest';
import type { Result, RetakePhotoResult, Visit } from '../../../../src-preload/contract';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { ok as value } from '../../../helpers/results';
import { demoRegistration, residentId, until } from '../../../helpers/test-data';

const app = appRig('photo-retake-');

/** A JPEG too big for the limited door: the tiny one with padding after its end marker. */
const BIG_PHOTO = Buffer.concat([TINY_JPEG, Buffer.alloc(4096, 0)]).toString('base64');
const SMALL_PHOTO = TINY_JPEG.toString('base64');
const DOORS = [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn];

const sim = app.demoSim;
const simVisitorNos = async () => (await sim<{ visitors: { no: string }[] }>('state')).visitors.map((v) => v.no);

/** A visit one of whose doors (campus gate, limited to the tiny photo's size) refused the photo. */
async function refusedVisit() {
  const dispatch = await app.start();
  await sim('device', { no: DEMO_DEVICES.campusGateIn, online: true, photoMaxBytes: TINY_JPEG.length });
  const old = value<Visit>(await dispatch('registerVisit', demoRegistration({ photo: BIG_PHOTO, deviceNos: DOORS })));
  const device = (id: string, no: string) => app.services.ledger.get(id)!.devices.find((d) => d.no === no)!;
  await until(() => device(old.id, DEMO_DEVICES.campusGateIn).state === 'failed' && device(old.id, DEMO_DEVICES.buildingBIn).state === 'confirmed');
  expect(device(old.id, DEMO_DEVICES.campusGateIn).message).toMatch(/^照片过大/);
  return { dispatch, old, device };
}

describe('retaking a photo a door refused', () => {
  it('registers a new visitor with the new photo at the same doors, then deletes the old visitor on K30', async () => {
    const { dispatch, old, device } = await refusedVisit();
    expect(await simVisitorNos()).toContain(old.k30No);
    const { visit, replaced } = value<RetakePhotoResult>(await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO }));
    expect(visit.id).not.toBe(old.id);
    expect(visit.state).toBe('pushed');
    expect(visit.devices.map((d) => d.no)).toEqual(DOORS);
    expect({ name: visit.visitor.name, host: visit.host.no, end: visit.end, phone: visit.visitor.phoneMasked }).toEqual({
      name: old.visitor.name,
      host: old.host.no,
      end: old.end,
      phone: old.visitor.phoneMasked,
    });
    expect(replaced.state).toBe('removed');
    await until(() => DOORS.every((no) => device(visit.id, no).state === 'confirmed'));
    const onK30 = await simVisitorNos();
    expect(onK30).toContain(visit.k30No);
    expect(onK30).not.toContain(old.k30No);
    // On record: who replaced what, with its outcome.
    const audit = value<{ entries: { action: string; outcome: string; visitId?: string; detail?: string }[] }>(await dispatch('listAudit', {}));
    const retaken = audit.entries.filter((e) => e.action === 'photo-retaken');
    expect(retaken).toHaveLength(2);
    expect(retaken.map((e) => [e.visitId, e.outcome, e.detail])).toEqual(
      expect.arrayContaining([
        [old.id, 'ok', 'replaced; old removed'],
        [visit.id, 'ok', 'new pushed; old removed'],
      ]),
    );
  });

  it('a new photo accepted despite failed checks is on the new visit and in the audit log', async () => {
    const { dispatch, old } = await refusedVisit();
    const photoOverride = { failed: ['not-frontal' as const], reason: 'Neck brace' };
    const { visit } = value<RetakePhotoResult>(await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO, photoOverride }));
    expect(visit.photoOverride).toEqual(photoOverride);
    const audit = value<{ entries: { action: string; outcome: string; visitId?: string; detail?: string }[] }>(await dispatch('listAudit', {}));
    expect(audit.entries.filter((e) => e.action === 'photo-override')).toEqual([
      expect.objectContaining({ visitId: visit.id, outcome: 'ok', detail: 'failed: not-frontal; reason: Neck brace' }),
    ]);
  });

  it('keeps the old visit and removes nothing when the new create has an unknown outcome; a second retake is refused', async () => {
    const { dispatch, old } = await refusedVisit();
    await sim('faults', { dropAfterCommit: 1, paths: ['visitor/Create'] });
    const result = (await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO })) as Result<RetakePhotoResult>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('outcome-unknown');
    const newId = result.error.visitId!;
    expect(newId).not.toBe(old.id);
    expect(app.services.ledger.get(newId)!.state).toBe('create-unknown');
    expect(app.services.ledger.get(old.id)!.state).toBe('pushed');
    expect(await simVisitorNos()).toContain(old.k30No);
    // Never re-sent on our own: staff decide on the unknown one first.
    const again = (await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO })) as Result<RetakePhotoResult>;
    expect(again.ok ? 'ok' : [again.error.code, again.error.visitId]).toEqual(['not-allowed', newId]);
    expect(app.services.ledger.all().filter((v) => v.visitor.name === old.visitor.name)).toHaveLength(2);
    const audit = value<{ entries: { action: string; outcome: string; visitId?: string; detail?: string }[] }>(await dispatch('listAudit', {}));
    const unknownIds = audit.entries.filter((e) => e.action === 'photo-retaken' && e.outcome === 'unknown').map((e) => e.visitId);
    expect(unknownIds).toHaveLength(2);
    expect(unknownIds).toEqual(expect.arrayContaining([old.id, newId]));
  });

  it('keeps the old visitor pending and retried when its delete fails after the new one was pushed', async () => {
    const { dispatch, old } = await refusedVisit();
    await sim('faults', { http500: 1, paths: ['visitor/Delete'] });
    const { visit, replaced } = value<RetakePhotoResult>(await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO }));
    expect(visit.state).toBe('pushed');
    expect(replaced.state).toBe('removal-pending');
    expect(replaced.removal?.nextAttemptAt).toBeDefined();
    expect(await simVisitorNos()).toContain(old.k30No);
    const audit = value<{ entries: { action: string; outcome: string; detail?: string }[] }>(await dispatch('listAudit', {}));
    expect(audit.entries.find((e) => e.action === 'photo-retaken')).toMatchObject({ outcome: 'ok', detail: expect.stringContaining('old removal-pending') });
    await dispatch('removeExpired', undefined);
    expect(app.services.ledger.get(old.id)!.state).toBe('removed');
    expect(await simVisitorNos()).not.toContain(old.k30No);
  });

  it('is refused for a visit no door refused, and at a self-service kiosk', async () => {
    const { dispatch, old } = await refusedVisit();
    const fine = value<Visit>(
      await dispatch(
        'registerVisit',
        demoRegistration({ name: '照片合格', phone: '13700000009', documentNo: residentId('44030519851224002'), photo: SMALL_PHOTO, deviceNos: DOORS }),
      ),
    );
    const refused = (await dispatch('retakePhoto', { visitId: fine.id, photo: SMALL_PHOTO })) as Result<RetakePhotoResult>;
    expect(refused.ok ? 'ok' : refused.error.code).toBe('not-allowed');
    value(await dispatch('setAdminPin', { next: '24680' }));
    value(await dispatch('saveSettings', { defaultDeviceNos: DOORS, selfServiceMode: true }));
    const kiosk = (await dispatch('retakePhoto', { visitId: old.id, photo: SMALL_PHOTO })) as Result<RetakePhotoResult>;
    expect(kiosk.ok ? 'ok' : kiosk.error.code).toBe('not-allowed');
    expect(app.services.ledger.all()).toHaveLength(2);
    expect(app.services.ledger.get(old.id)!.state).toBe('pushed');
  });
});
