import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createDispatcher, type Dispatch } from '../../src-main/ipc/dispatch';
import type { RunningSimulator } from '../../src-main/k30/simulator';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../src-main/services/app-services';
import { ok } from './results';
import { until } from './test-data';
import { mapStore, memoryLogger, testSecretBox } from './test-ports';

interface StartOptions {
  /** Return before `services.ready` (a test about what happens while starting, or when it cannot). */
  awaitReady?: boolean;
}

/**
 * The whole main process (`createAppServices`) for the tests of one file. Each test gets a fresh data
 * folder and key store; `start` builds the services on them, by default in demo mode with the
 * simulator's test-only control plane. What a test starts is closed, and its folders removed, after it.
 */
export function appRig(prefix: string) {
  let dir: string | undefined;
  let store = mapStore();
  let current: AppServices | undefined;
  const others: { services: AppServices; dir: string }[] = [];

  const optionsFor = (dataDir: string, over: Partial<AppServicesOptions>): AppServicesOptions => ({
    dataDir,
    store,
    secretBox: testSecretBox(),
    log: memoryLogger(),
    sweepIntervalMs: 3600_000,
    demoControlPlane: true,
    ...over,
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    store = mapStore();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
    for (const other of others.splice(0)) {
      await other.services.close();
      await rm(other.dir, { recursive: true, force: true });
    }
    await rm(dir!, { recursive: true, force: true });
  });

  const rig = {
    /** This test's data folder. */
    get dir(): string {
      return dir!;
    },
    /** This test's key store (what `start` uses unless told otherwise). */
    get store() {
      return store;
    },
    /** The services `start` built last. */
    get services(): AppServices {
      if (!current) throw new Error('the app services are not started');
      return current;
    },
    get started(): boolean {
      return current !== undefined;
    },
    /** Builds the services on this test's folder and store (closing any started before: a restart) and gives their dispatcher. */
    async start(over: Partial<AppServicesOptions> = {}, { awaitReady = true }: StartOptions = {}): Promise<Dispatch> {
      await rig.stop();
      current = await createAppServices(optionsFor(dir!, over));
      if (awaitReady) await current.ready;
      return createDispatcher(current.handlers);
    },
    /** Closes the started services (the folder and store stay for a restart). */
    async stop(): Promise<void> {
      await current?.close();
      current = undefined;
    },
    /** Another install beside the first: its own data folder, this test's store unless given one; not awaited ready. */
    async another(over: Partial<AppServicesOptions> = {}): Promise<AppServices> {
      const otherDir = await mkdtemp(join(tmpdir(), `${prefix}other-`));
      const services = await createAppServices(optionsFor(otherDir, over));
      others.push({ services, dir: otherDir });
      return services;
    },
    /**
     * Points the started services at a simulator of the test's own, as an administrator would (its
     * address and credentials). With `callbacks`, the callback receiver also moves off the demo's
     * port to a loopback one of its own, and the simulator is told to call it there.
     */
    async connect(sim: RunningSimulator, { callbacks = false } = {}): Promise<void> {
      const { companyno, appSecret, aesKey, aesIv } = sim.credentials;
      const demoReceiver = rig.services.callbackUrl;
      const address = callbacks ? { callbackAddress: '127.0.0.1:0' } : {};
      ok(await createDispatcher(rig.services.handlers)('saveSettings', { server: sim.url, companyno, appSecret, aesKey, aesIv, ...address }));
      if (!callbacks) return;
      await until(() => rig.services.callbackUrl !== undefined && rig.services.callbackUrl !== demoReceiver);
      sim.setCallbackUrl(rig.services.callbackUrl);
    },
    /** Calls the demo simulator's control plane (`/__sim/<path>`): POSTs `body` when given; expects a 200 and gives its JSON. */
    async demoSim<T = unknown>(path: string, body?: unknown): Promise<T> {
      const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      const response = await fetch(`${rig.services.demo!.url}/__sim/${path}`, init);
      expect(response.status, `/__sim/${path}`).toBe(200);
      return (await response.json()) as T;
    },
  };
  return rig;
}
