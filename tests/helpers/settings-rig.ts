import { SettingsService, type SettingsServiceOptions } from '../../src-main/services/settings/settings-service';
import { mapStore, memoryLogger, testSecretBox } from './test-ports';

/** Secrets that cannot be mistaken for anything else when searched for at rest or in a log. */
export const SECRETS = { appSecret: 'APPSECRET-zq81-unmistakable', aesKey: 'AESKEY-k7w2-unmistakable', aesIv: 'AESIV-p3n9-unmistakable' };

/** A settings service on an in-memory store, with a clock the test moves. */
export function settingsRig(options: SettingsServiceOptions = {}, initial: Record<string, unknown> = {}) {
  const store = mapStore(initial);
  const box = testSecretBox();
  const log = memoryLogger();
  let clock = 1_000_000;
  const settings = new SettingsService(store, box, log, { scryptN: 2 ** 10, now: () => clock, ...options });
  return { store, box, log, settings, advance: (ms: number) => (clock += ms) };
}
