import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiHandlers } from '../../../../src-main/ipc/dispatch';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { CRYPTO_PROFILES } from '../../../../src-main/k30/protocol/crypto-profiles';
import { ClientProvider, type DemoTarget } from '../../../../src-main/services/connection/client-provider';
import { findCryptoProfile, testConnection } from '../../../../src-main/services/connection/connection-test';
import { settingsHandlers } from '../../../../src-main/services/settings/settings-handlers';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function setup(opts: { demo?: () => DemoTarget | undefined; timeoutMs?: number } = {}) {
  const log = memoryLogger();
  const settings = new SettingsService(mapStore(), testSecretBox(), log, { scryptN: 2 ** 10 });
  const clients = new ClientProvider(settings, { log, demo: opts.demo, timeoutMs: opts.timeoutMs ?? 2_000, retries: { attempts: 1 } });
  const handlers = settingsHandlers({ settings, clients, isDemo: () => clients.isDemo() });
  const dispatch = createDispatcher(handlers as ApiHandlers);
  return { log, settings, clients, handlers, dispatch };
}

function configureFor(settings: SettingsService, sim: Simulator, overrides: { appSecret?: string; aesKey?: string; aesIv?: string; profile?: string } = {}) {
  const c = sim.credentials;
  settings.save({ server: sim.url, companyno: c.companyno, appSecret: c.appSecret, aesKey: c.aesKey, aesIv: c.aesIv, profile: c.profile, ...overrides });
}

describe('connection test against the simulator', () => {
  let sim: Simulator;
  let ecbSim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    ecbSim = await startSimulator({ port: 0, seed: 'demo', companyno: 'ECB001', secret: 'ecb-company-code-1', profile: 'aes-ecb' });
  });
  afterAll(async () => {
    await sim?.close();
    await ecbSim?.close();
  });

  it('reports ok with the right settings', async () => {
    const { settings, dispatch } = setup();
    configureFor(settings, sim);
    expect(await dispatch('testConnection', undefined)).toEqual({ ok: true, value: { ok: true, message: 'ok', profile: 'aes-cbc', answersVerified: true } });
  });

  it('names the signature when only the app secret is wrong', async () => {
    const { settings, dispatch, log } = setup();
    configureFor(settings, sim, { appSecret: 'wrong-app-secret-123' });
    const result = await dispatch('testConnection', undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const test = result.value as { ok: boolean; failure?: string; message: string };
    expect(test.ok).toBe(false);
    expect(['bad-signature', 'server']).toContain(test.failure);
    expect(test.message).toMatch(/签名|signature/i);
    expect(JSON.stringify(test) + log.lines.join('\n')).not.toContain('wrong-app-secret-123');
  });

  it('fails (without a wrong secret ever being accepted) when the whole secret is wrong', async () => {
    const { settings, dispatch } = setup();
    settings.save({ server: sim.url, companyno: sim.credentials.companyno, appSecret: 'not-the-company-code' });
    const result = await dispatch('testConnection', undefined);
    expect(result).toMatchObject({ ok: true, value: { ok: false } });
    if (result.ok) expect(['bad-signature', 'undecryptable', 'server']).toContain((result.value as { failure: string }).failure);
  });

  it('names decryption when the crypto profile is wrong', async () => {
    const { settings, dispatch } = setup();
    configureFor(settings, sim, { profile: 'aes-ecb' });
    const result = await dispatch('testConnection', undefined);
    expect(result).toMatchObject({ ok: true, value: { ok: false, failure: 'undecryptable', profile: 'aes-ecb' } });
    if (result.ok) expect((result.value as { message: string }).message).toMatch(/解密|decrypt/i);
  });

  it("reports 'unreachable' for a closed port", async () => {
    const { settings, dispatch } = setup();
    settings.save({ server: `http://127.0.0.1:${await closedPort()}`, companyno: 'C001', appSecret: 'company-code-1' });
    expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: false, failure: 'unreachable' } });
  });

  it("reports 'timeout', 'http-status' and 'not-json' from the server's faults", async () => {
    const { settings, dispatch } = setup({ timeoutMs: 300 });
    configureFor(settings, sim);
    try {
      sim.setFaults({ latencyMs: 1_000 });
      expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: false, failure: 'timeout' } });
      sim.setFaults({ http500: 5 });
      expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: false, failure: 'http-status', message: 'HTTP 500' } });
      sim.setFaults({ malformed: 5 });
      expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: false, failure: 'not-json' } });
    } finally {
      sim.setFaults({ reset: true });
    }
    expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: true } });
  });

  it("reports 'server' with the server's message for another refusal", async () => {
    const { settings, dispatch } = setup();
    configureFor(settings, sim);
    settings.save({ companyno: 'SOMEONE-ELSE' });
    const result = await dispatch('testConnection', undefined);
    expect(result).toMatchObject({ ok: true, value: { ok: false, failure: 'server' } });
    if (result.ok) expect((result.value as { message: string }).message).toContain('企业编号');
  });

  it("finds 'aes-ecb' on a server using it while settings say 'aes-cbc', and saves it", async () => {
    const { settings, dispatch } = setup();
    configureFor(settings, ecbSim, { profile: 'aes-cbc' });
    expect(settings.values.profile).toBe('aes-cbc');
    expect((await dispatch('testConnection', undefined)) as unknown).toMatchObject({ ok: true, value: { ok: false } });

    const result = await dispatch('findCryptoProfile', undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const search = result.value as { found?: string; tried: { profile: string; ok: boolean; failure?: string }[] };
    expect(search.found).toBe('aes-ecb');
    const names = CRYPTO_PROFILES.map((p) => p.name);
    expect(search.tried.map((t) => t.profile)).toEqual(names.slice(0, names.indexOf('aes-ecb') + 1));
    expect(search.tried.at(-1)).toEqual({ profile: 'aes-ecb', ok: true });
    for (const attempt of search.tried.slice(0, -1)) expect(attempt.ok).toBe(false);
    expect(settings.values.profile).toBe('aes-ecb');
    expect(await dispatch('testConnection', undefined)).toEqual({ ok: true, value: { ok: true, message: 'ok', profile: 'aes-ecb', answersVerified: true } });
  });

  it('finds nothing, and stops at once, when the server cannot be reached', async () => {
    const { settings, clients } = setup();
    settings.save({ server: `http://127.0.0.1:${await closedPort()}`, companyno: 'C001', appSecret: 'company-code-1' });
    const search = await findCryptoProfile(clients);
    expect(search).toEqual({ tried: [{ profile: 'aes-cbc', ok: false, failure: 'unreachable' }] });
    expect(settings.values.profile).toBe('aes-cbc');
  });

  it('points at the demo simulator while no server is set', async () => {
    let demo: DemoTarget | undefined;
    const { settings, clients, dispatch } = setup({ demo: () => demo });
    expect(clients.isDemo()).toBe(false);
    expect(() => clients.get()).toThrowError(expect.objectContaining({ code: 'not-configured' }));
    demo = { url: ecbSim.url, credentials: { ...ecbSim.credentials } };
    expect(clients.isDemo()).toBe(true);
    expect(await dispatch('testConnection', undefined)).toEqual({ ok: true, value: { ok: true, message: 'ok', profile: 'aes-ecb', answersVerified: true } });
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { demo: true, configured: false } });
    configureFor(settings, sim);
    expect(clients.isDemo()).toBe(false);
    expect(await dispatch('testConnection', undefined)).toEqual({ ok: true, value: { ok: true, message: 'ok', profile: 'aes-cbc', answersVerified: true } });
  });

  it('caches the client until a connection setting changes', () => {
    const { settings, clients } = setup();
    configureFor(settings, sim);
    const first = clients.get();
    expect(clients.get()).toBe(first);
    settings.save({ language: 'en', photoMaxKB: 400 });
    expect(clients.get()).toBe(first);
    settings.save({ aesIv: 'another-iv-value' });
    const second = clients.get();
    expect(second).not.toBe(first);
    expect(second.responseSignPolicy).toBe('strict');
    settings.save({ responseSignPolicy: 'warn' });
    expect(clients.get()).not.toBe(second);
    expect(clients.get().responseSignPolicy).toBe('warn');
    expect(clients.forProfile('aes-ecb').responseSignPolicy).toBe('strict');
    expect(() => clients.forProfile('rot13')).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('testConnection reports a non-K30 error without its detail', async () => {
    const result = await testConnection(
      {
        listDevices: async () => {
          throw new Error('secret detail at /x.ts:1');
        },
      },
      'aes-cbc',
    );
    expect(result).toEqual({ ok: false, failure: 'internal', message: 'unexpected error', profile: 'aes-cbc' });
  });
});
