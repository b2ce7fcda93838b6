/**
 * A photo that failed the face check: reception may register it with a reason, which main keeps on
 * the visit (and persists); the kiosk channel may not, and kiosk mode cannot claim reception's.
 */
import { describe, expect, it } from 'vitest';
import type { Result, Visit } from '../../../../src-preload/contract';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appRig } from '../../../helpers/app-rig';
import { demoRegistration, residentId } from '../../../helpers/test-data';

const OVERRIDE = { failed: ['several-faces' as const], reason: 'Escorted by the host all day' };

const app = appRig('photo-override-');

describe('reception override of a failing photo', () => {
  it('is kept on the visit with the failed checks and the reason, across a restart', async () => {
    const dispatch = await app.start();
    const result = (await dispatch(
      'registerVisit',
      demoRegistration({ phone: '13712340001', documentNo: residentId('44030519851224001'), deviceNos: [DEMO_DEVICES.campusGateIn], photoOverride: OVERRIDE }),
    )) as Result<Visit>;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.state).toBe('pushed');
    expect(result.value.photoOverride).toEqual(OVERRIDE);
    await app.stop();
    // A restart on the same folder and store.
    const again = await app.start();
    const visits = (await again('listVisits', undefined)) as Result<Visit[]>;
    if (!visits.ok) throw new Error(JSON.stringify(visits.error));
    expect(visits.value.find((v) => v.id === result.value.id)?.photoOverride).toEqual(OVERRIDE);
  });

  it('is refused from the kiosk channel, and an empty reason is refused: nothing is registered', async () => {
    const dispatch = await app.start();
    const kiosk = await dispatch('registerVisit', demoRegistration({ channel: 'kiosk', consent: { data: true, photo: true }, photoOverride: OVERRIDE }));
    expect(kiosk).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'photoOverride' } });
    const blank = await dispatch('registerVisit', demoRegistration({ photoOverride: { failed: ['no-face'], reason: '   ' } }));
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const none = await dispatch('registerVisit', demoRegistration({ photoOverride: { failed: [], reason: 'why' } }));
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(app.services.ledger.all()).toHaveLength(0);
  });
});
