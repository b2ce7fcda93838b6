/**
 * Issue #8 B4: the company number is sent in clear with every request, so it must never sign them
 * unless an administrator chose that explicitly. With a server and company number but no app
 * secret, the app sends nothing at all (registration paused) and says so.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicSettings, Visit } from '../../../../src-preload/contract';
import { createDispatcher } from '../../../../src-main/ipc/dispatch';
import { resolveCredentials, sealCallback } from '../../../../src-main/k30/protocol';
import { startSimulator, type RunningSimulator } from '../../../../src-main/k30/simulator';
import { appRig } from '../../../helpers/app-rig';
import { ok as value } from '../../../helpers/results';
import { demoRegistration, until } from '../../../helpers/test-data';

/** A site whose K30 really uses the company number as its company code. */
const COMPANY = 'CO-PLAIN-7731';

const app = appRig('app-secret-');
let sim: RunningSimulator | undefined;
let counter: { url: string; hits: () => number; server: Server } | undefined;

/** An HTTP server that only counts what reaches it: proof that nothing was sent. */
async function countingServer(): Promise<NonNullable<typeof counter>> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, server };
}

beforeEach(async () => {
  await app.start();
});
afterEach(async () => {
  await app.stop();
  await sim?.close();
  await new Promise((resolve) => counter?.server.close(resolve) ?? resolve(undefined));
  sim = counter = undefined;
});

describe('the app secret is required', () => {
  it('with only server and company number set, sends nothing (registration paused) and says so', async () => {
    counter = await countingServer();
    const dispatch = createDispatcher(app.services.handlers);
    value(await dispatch('saveSettings', { server: counter.url, companyno: COMPANY }));

    expect(value<PublicSettings>(await dispatch('getSettings', undefined))).toMatchObject({
      configured: true,
      registrationPaused: true,
      secretSource: 'missing',
      useCompanyNoAsSecret: false,
    });
    expect(await dispatch('registerVisit', demoRegistration())).toMatchObject({ ok: false, error: { code: 'app-secret-required' } });
    expect(await dispatch('searchHosts', { query: '张伟' })).toMatchObject({ ok: false, error: { code: 'app-secret-required' } });
    expect(await dispatch('listDevices', undefined)).toMatchObject({ ok: false, error: { code: 'app-secret-required' } });
    expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: false, failure: 'app-secret-required' } });
    expect(await dispatch('findCryptoProfile', undefined)).toMatchObject({ ok: true, value: { tried: [{ ok: false, failure: 'app-secret-required' }] } });

    expect(counter.hits()).toBe(0);
    expect(app.services.ledger.all()).toEqual([]);
  });

  it('an existing install with an empty secret is paused against a real server until one of the two is chosen', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo', companyno: COMPANY, secret: COMPANY });
    const dispatch = createDispatcher(app.services.handlers);
    value(await dispatch('saveSettings', { server: sim.url, companyno: COMPANY }));
    const seeded = sim.state.visitors.size;

    expect(await dispatch('registerVisit', demoRegistration())).toMatchObject({ ok: false, error: { code: 'app-secret-required' } });
    expect(sim.state.visitors.size).toBe(seeded);

    // The administrator says, explicitly, that this K30 signs with the company number.
    const chosen = value<PublicSettings>(await dispatch('saveSettings', { useCompanyNoAsSecret: true }));
    expect(chosen).toMatchObject({ registrationPaused: false, secretSource: 'company-number', useCompanyNoAsSecret: true });
    expect(value<Visit>(await dispatch('registerVisit', demoRegistration())).state).toBe('pushed');
    expect(sim.state.visitors.size).toBe(seeded + 1);

    // An app secret, once entered, is what signs (the choice no longer applies).
    const withSecret = value<PublicSettings>(await dispatch('saveSettings', { appSecret: COMPANY, useCompanyNoAsSecret: false }));
    expect(withSecret).toMatchObject({ registrationPaused: false, secretSource: 'app-secret' });
    expect(value<{ ok: boolean }>(await dispatch('testConnection', undefined)).ok).toBe(true);
  });

  it('accepts no callback signed with the company number (a page that read it could forge one)', async () => {
    counter = await countingServer();
    const dispatch = createDispatcher(app.services.handlers);
    const demoReceiver = app.services.callbackUrl;
    value(await dispatch('saveSettings', { server: counter.url, companyno: COMPANY, callbackAddress: '127.0.0.1:0' }));
    await until(() => app.services.callbackUrl !== undefined && app.services.callbackUrl !== demoReceiver);
    // What someone who knows only the company number can make: signed and encrypted with it.
    const forged = sealCallback(resolveCredentials({ companyno: COMPANY }), 'UploadRecord', { peopleNo: '1', deviceNo: 'D1', addTime: '2030-01-01 09:00:00' });
    const answer = await fetch(app.services.callbackUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(answer.status).toBe(401);
    expect(counter.hits()).toBe(0);
  });

  it('a wrong app secret is not quietly replaced by the company number', async () => {
    sim = await startSimulator({ port: 0, seed: 'demo', companyno: COMPANY, secret: COMPANY });
    const dispatch = createDispatcher(app.services.handlers);
    value(await dispatch('saveSettings', { server: sim.url, companyno: COMPANY, appSecret: 'not-the-code', useCompanyNoAsSecret: true }));
    expect(value<{ ok: boolean; failure?: string }>(await dispatch('testConnection', undefined)).ok).toBe(false);
  });
});
