/**
 * Dev/test-only stand-ins for what Electron supplies in the real app (electron-store and
 * safeStorage), behind the services' own ports. Never part of the packaged app.
 */
import Conf from 'conf';
import type { KeyValueStore, SecretBox } from '../../src-main/services/ports';
import { restrictSettingsFile, SETTINGS_FILE_MODE } from '../../src-main/services/settings/settings-file';

/** A `conf`-backed store (conf is what electron-store wraps), one owner-only JSON file in `dir`, as in the app. */
export function confStore(dir: string, configName = 'kiosk-settings'): KeyValueStore & { path: string } {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName, accessPropertiesByDotNotation: false, configFileMode: SETTINGS_FILE_MODE });
  restrictSettingsFile(conf.path);
  return {
    path: conf.path,
    get: (key) => conf.get(key),
    set: (key, value) => {
      // conf refuses `undefined`; for a key-value store "set to undefined" means "forget it".
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
  };
}

/**
 * A SecretBox for the harness. Honest about what it is: like Electron's safeStorage on a Linux
 * machine without a keyring ('basic_text'), it only obfuscates; nothing is OS-protected.
 */
export function basicTextSecretBox(): SecretBox {
  const PREFIX = 'harness-basic-text:';
  return {
    protection: 'basic_text',
    seal: (plain) => PREFIX + Buffer.from(plain, 'utf8').toString('base64'),
    open: (sealed) => {
      if (!sealed.startsWith(PREFIX)) throw new Error('not sealed by this box');
      return Buffer.from(sealed.slice(PREFIX.length), 'base64').toString('utf8');
    },
  };
}
