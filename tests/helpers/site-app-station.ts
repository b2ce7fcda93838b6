import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../src-main/services/app-services';
import { SettingsService } from '../../src-main/services/settings/settings-service';
import { mapStore, memoryLogger, testSecretBox } from './test-ports';

/**
 * Whole stations of one site, each its own install (own key store and data folder) on the site's
 * database and key, as `createAppServices` builds them. `closeAll` after each test.
 */
export function siteStations() {
  const opened: AppServices[] = [];
  const dirs: string[] = [];
  return {
    async open(url: string, stationName: string, siteKey = 'our site'): Promise<AppServices> {
      const store = mapStore();
      const box = testSecretBox();
      new SettingsService(store, box, memoryLogger()).save({ ledgerMode: 'postgres', siteDatabaseUrl: url, siteKey, stationName });
      const dataDir = await mkdtemp(join(tmpdir(), `site-${stationName}-`));
      dirs.push(dataDir);
      const services = await createAppServices({ dataDir, store, secretBox: box, log: memoryLogger(), sweepIntervalMs: 3600_000 });
      opened.push(services);
      return services;
    },
    async closeAll(): Promise<void> {
      for (const services of opened.splice(0)) await services.close();
      for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}
