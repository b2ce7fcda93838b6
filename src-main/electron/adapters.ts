import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretProtection } from '../../src-preload/contract';
import type { KeyValueStore, Logger, SecretBox } from '../services/ports';
import { restrictSettingsFile, SETTINGS_FILE_MODE } from '../services/settings/settings-file';

/**
 * Settings on disk: electron-store's 'settings' file in userData, owner-only (0600), schema-less (SettingsService
 * validates on read), flat keys (a dot is not a path). A file that is not JSON at all is moved
 * aside (kept for a person to look at) and the app starts with defaults rather than not at all.
 * Must be made after app 'ready'.
 */
export function electronKeyValueStore(log?: Logger): KeyValueStore {
  const options = { name: 'settings', accessPropertiesByDotNotation: false, clearInvalidConfig: false, configFileMode: SETTINGS_FILE_MODE } as const;
  let store: Store<Record<string, unknown>>;
  try {
    store = new Store<Record<string, unknown>>(options);
  } catch (error) {
    const file = join(app.getPath('userData'), 'settings.json');
    if (!existsSync(file)) throw error;
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    log?.error(`settings: settings.json could not be read and was moved to ${aside}; starting with defaults`);
    store = new Store<Record<string, unknown>>(options);
  }
  restrictSettingsFile(store.path);
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
  };
}

const OS_PREFIX = 'safe:';
const PLAIN_PREFIX = 'b64:';

/** How well safeStorage protects secrets here; only meaningful after app 'ready'. */
export function safeStorageProtection(platform: NodeJS.Platform = process.platform): SecretProtection {
  if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basic_text';
  return 'os';
}

/**
 * Secrets sealed by Electron's safeStorage (DPAPI, Keychain, libsecret/kwallet). Where no
 * encryption is available they are kept Base64-encoded, and `protection` says 'unavailable' so the
 * settings screen can tell the installer. Each sealed value is tagged with how it was sealed, so one
 * sealed with the keyring still opens (or fails loudly) if the keyring later goes away.
 */
export function safeStorageSecretBox(): SecretBox {
  return {
    get protection() {
      return safeStorageProtection();
    },
    seal(plain: string): string {
      if (safeStorage.isEncryptionAvailable()) return OS_PREFIX + safeStorage.encryptString(plain).toString('base64');
      return PLAIN_PREFIX + Buffer.from(plain, 'utf8').toString('base64');
    },
    open(sealed: string): string {
      if (sealed.startsWith(OS_PREFIX)) return safeStorage.decryptString(Buffer.from(sealed.slice(OS_PREFIX.length), 'base64'));
      if (sealed.startsWith(PLAIN_PREFIX)) return Buffer.from(sealed.slice(PLAIN_PREFIX.length), 'base64').toString('utf8');
      throw new Error('not a sealed secret');
    },
  };
}
