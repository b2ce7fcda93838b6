import type { SecretProtection } from '../../src-preload/contract';
import type { KeyValueStore, SecretBox } from '../../src-main/services/ports';

export { memoryLogger } from '../../src-main/services/ports';

/** A KeyValueStore over a Map; `raw` is the map, for looking at what is at rest. */
export function mapStore(initial: Record<string, unknown> = {}): KeyValueStore & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>(Object.entries(initial));
  return {
    raw,
    get: (key) => {
      const value = raw.get(key);
      // Like a store on disk: callers get a copy, never the stored object itself.
      return value === undefined ? undefined : structuredClone(value);
    },
    set: (key, value) => {
      if (value === undefined) raw.delete(key);
      else raw.set(key, structuredClone(value));
    },
  };
}

export const TEST_SEAL_PREFIX = 'test-sealed:';

/**
 * A reversible test SecretBox: prefix + Base64 (no plain text at rest, though not secure).
 * `failOpen` simulates a keyring that changed since the secret was sealed.
 */
export function testSecretBox(protection: SecretProtection = 'os'): SecretBox & { failOpen: boolean } {
  return {
    protection,
    failOpen: false,
    seal(plain: string): string {
      return TEST_SEAL_PREFIX + Buffer.from(plain, 'utf8').toString('base64');
    },
    open(sealed: string): string {
      if (this.failOpen || !sealed.startsWith(TEST_SEAL_PREFIX)) throw new Error('cannot open');
      return Buffer.from(sealed.slice(TEST_SEAL_PREFIX.length), 'base64').toString('utf8');
    },
  };
}
