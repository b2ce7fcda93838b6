/**
 * A photo that failed the face check: reception may register it with a reason, which main keeps on
 * the visit (and persists); the kiosk channel may not, and kiosk mode cannot claim reception's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, Visit } from '../../../../src-preload/contract';
import { createDispatcher } from '../../../../src-main/ipc/dispatch';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { createAppServices, type AppServices } from '../../../../src-main/services/app-services';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';
import { demoRegistration, residentId } from '../../../helpers/test-data';

const OVERRIDE = { failed: ['several-faces' as const], reason: 'Escorted by the host all day' };

let dir: string;
let services: AppServices | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'photo-override-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(store = mapStore()) {
  services = await createAppServices({
    dataDir: dir,
    store,
    secretBox: testSecretBox(),
    log: memoryLogger(),
    sweepIntervalMs: 3600_000,
    demoControlPlane: true,
  });
  await services.ready;
  return createDispatcher(services.handlers);
}

describe('reception override of a failing photo', () => {
  it('is kept on the visit with the failed checks and the reason, across a restart', async () => {
    const store = mapStore();
    const dispatch = await start(store);
    const result = (await dispatch(
      'registerVisit',
      demoRegistration({ phone: '13712340001', documentNo: residentId('44030519851224001'), deviceNos: [DEMO_DEVICES.campusGateIn], photoOverride: OVERRIDE }),
    )) as Result<Visit>;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.state).toBe('pushed');
    expect(result.value.photoOverride).toEqual(OVERRIDE);
    await services!.close();
    services = undefined;
    const again = await start(store);
    const visits = (await again('listVisits', undefined)) as Result<Visit[]>;
    if (!visits.ok) throw new Error(JSON.stringify(visits.error));
    expect(visits.value.find((v) => v.id === result.value.id)?.photoOverride).toEqual(OVERRIDE);
  });

  it('is refused from the kiosk channel, and an empty reason is refused: nothing is registered', async () => {
    const dispatch = await start();
    const kiosk = await dispatch('registerVisit', demoRegistration({ channel: 'kiosk', consent: { data: true, photo: true }, photoOverride: OVERRIDE }));
    expect(kiosk).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'photoOverride' } });
    const blank = await dispatch('registerVisit', demoRegistration({ photoOverride: { failed: ['no-face'], reason: '   ' } }));
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const none = await dispatch('registerVisit', demoRegistration({ photoOverride: { failed: [], reason: 'why' } }));
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(services!.ledger.all()).toHaveLength(0);
  });
});
