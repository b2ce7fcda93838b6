import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiHandlers } from '../../../../src-main/ipc/dispatch';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { ClientProvider } from '../../../../src-main/services/connection/client-provider';
import { settingsHandlers } from '../../../../src-main/services/settings/settings-handlers';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { startMitm, stripSign, type Mitm } from '../../../helpers/k30-mitm';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';

/** Issue #8 A2: "test connection" says whether this server's answers verify. */

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let mitm: Mitm;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  mitm = await startMitm(sim.url);
});
afterEach(async () => {
  await mitm.close();
  await sim.close();
});

function setup() {
  const log = memoryLogger();
  const settings = new SettingsService(mapStore(), testSecretBox(), log, { scryptN: 2 ** 10 });
  const clients = new ClientProvider(settings, { log, timeoutMs: 2_000, retries: { attempts: 1 } });
  const dispatch = createDispatcher(settingsHandlers({ settings, clients, isDemo: () => false }) as ApiHandlers);
  const c = sim.credentials;
  settings.save({ server: mitm.url, companyno: c.companyno, appSecret: c.appSecret, aesKey: c.aesKey, aesIv: c.aesIv, profile: c.profile });
  return { settings, dispatch };
}

describe('connection test and answer verification', () => {
  it('says the answers verify when they do', async () => {
    const { dispatch } = setup();
    expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: true, answersVerified: true } });
  });

  it('a server whose answers are unsigned fails under the default policy, named as such, not as a broken connection', async () => {
    const { settings, dispatch } = setup();
    expect(settings.values.responseSignPolicy).toBe('strict');
    mitm.setAnswer(stripSign);
    expect(await dispatch('testConnection', undefined)).toMatchObject({
      ok: true,
      value: { ok: false, failure: 'answers-unverified', answersVerified: false },
    });
  });

  it("with 'warn' chosen explicitly, the same server works and is reported unverified", async () => {
    const { settings, dispatch } = setup();
    settings.save({ responseSignPolicy: 'warn' });
    mitm.setAnswer(stripSign);
    expect(await dispatch('testConnection', undefined)).toMatchObject({ ok: true, value: { ok: true, answersVerified: false } });
  });
});
