import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src-main/services/app-services';
import { SettingsService } from '../../../src-main/services/settings/settings-service';
import { mapStore, memoryLogger, testSecretBox } from '../../helpers/test-ports';
import { until } from '../../helpers/test-data';
import { describeWithPg } from '../../helpers/with-pg';

let services: AppServices | undefined;
let dir: string | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function siteStore(url: string) {
  const store = mapStore();
  const box = testSecretBox();
  new SettingsService(store, box, memoryLogger()).save({ ledgerMode: 'postgres', siteDatabaseUrl: url, siteKey: 'k', stationName: 'lobby' });
  dir = await mkdtemp(join(tmpdir(), 'site-mode-'));
  return { dataDir: dir, store, secretBox: box, log: memoryLogger(), sweepIntervalMs: 3600_000 };
}

it('site mode never starts the demo, and with its database out of reach says so', async () => {
  services = await createAppServices(await siteStore('postgres://kiosk@127.0.0.1:1/kiosk'));
  expect(services.demo).toBeUndefined();
  expect(services.ledger.backend.kind).toBe('postgres');
  await until(() => services!.ledger.writeProblem?.problem === 'site-unreachable', 5000);
});

describeWithPg('site mode with a database', (cluster) => {
  it('a station opens the site ledger from its settings', async () => {
    services = await createAppServices(await siteStore(await cluster().newDatabase()));
    expect(services.demo).toBeUndefined();
    expect(services.ledger.writeProblem).toBeUndefined();
    expect(services.ledger.backend.kind).toBe('postgres');
  });
});
