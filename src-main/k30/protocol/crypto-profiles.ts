import { createCipheriv, createDecipheriv, createHash, type Decipheriv } from 'node:crypto';

/**
 * The vendor document lost its AES section, so the cipher is configurable. A crypto profile says
 * how the configured AES key and IV strings become bytes and which block mode is used. All
 * profiles use PKCS#7, Base64, then URL encoding with lower-case escapes. Profiles are data: a new
 * one is a line in CRYPTO_PROFILES, and its name is stable (it is stored in settings).
 */
export type KeyDerivation =
  /** UTF-8 bytes, zero-padded to the next of 16/24/32 bytes, cut at 32 (AES-128/192/256 by length). */
  | 'utf8'
  /** UTF-8 bytes zero-padded or cut to exactly 16 (always AES-128). */
  | 'utf8-16'
  /** The 16-byte MD5 digest of the UTF-8 key. */
  | 'md5';

export type IvDerivation =
  /** UTF-8 bytes of the IV string, zero-padded or cut to 16. */
  | 'utf8'
  /** Sixteen zero bytes. */
  | 'zeros'
  /** The first 16 bytes of the derived key. */
  | 'key'
  /** The MD5 digest of the UTF-8 IV string. */
  | 'md5';

export interface CryptoProfile {
  readonly name: string;
  readonly mode: 'cbc' | 'ecb';
  readonly key: KeyDerivation;
  /** Ignored in ECB mode. */
  readonly iv: IvDerivation;
  readonly description: string;
}

export const DEFAULT_PROFILE = 'aes-cbc';

export const CRYPTO_PROFILES: readonly CryptoProfile[] = [
  { name: 'aes-cbc', mode: 'cbc', key: 'utf8', iv: 'utf8', description: 'AES-CBC, UTF-8 key (128/192/256 by length) and IV' },
  { name: 'aes-cbc-zero-iv', mode: 'cbc', key: 'utf8', iv: 'zeros', description: 'AES-CBC, UTF-8 key, IV of zeros' },
  { name: 'aes-cbc-iv-key', mode: 'cbc', key: 'utf8', iv: 'key', description: 'AES-CBC, UTF-8 key, IV = key' },
  { name: 'aes-128-cbc', mode: 'cbc', key: 'utf8-16', iv: 'utf8', description: 'AES-128-CBC, key cut or padded to 16 bytes' },
  { name: 'aes-128-cbc-iv-key', mode: 'cbc', key: 'utf8-16', iv: 'key', description: 'AES-128-CBC, key cut to 16 bytes, IV = key' },
  { name: 'aes-cbc-md5', mode: 'cbc', key: 'md5', iv: 'utf8', description: 'AES-128-CBC, key = MD5(key), UTF-8 IV' },
  { name: 'aes-cbc-md5-iv', mode: 'cbc', key: 'md5', iv: 'md5', description: 'AES-128-CBC, key = MD5(key), IV = MD5(IV)' },
  { name: 'aes-cbc-md5-iv-key', mode: 'cbc', key: 'md5', iv: 'key', description: 'AES-128-CBC, key = MD5(key), IV = key' },
  { name: 'aes-ecb', mode: 'ecb', key: 'utf8', iv: 'zeros', description: 'AES-ECB, UTF-8 key (128/192/256 by length)' },
  { name: 'aes-128-ecb', mode: 'ecb', key: 'utf8-16', iv: 'zeros', description: 'AES-128-ECB, key cut or padded to 16 bytes' },
  { name: 'aes-ecb-md5', mode: 'ecb', key: 'md5', iv: 'zeros', description: 'AES-128-ECB, key = MD5(key)' },
];

export const PROFILE_NAMES = CRYPTO_PROFILES.map((p) => p.name);

export function findProfile(name: string): CryptoProfile | undefined {
  return CRYPTO_PROFILES.find((p) => p.name === name);
}

export function requireProfile(name: string): CryptoProfile {
  const profile = findProfile(name);
  if (!profile) throw new Error(`Unknown crypto profile "${name}". Known profiles: ${PROFILE_NAMES.join(', ')}`);
  return profile;
}

function fitTo(bytes: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  bytes.copy(out, 0, 0, Math.min(size, bytes.length));
  return out;
}

function deriveKey(profile: CryptoProfile, key: string): Buffer {
  const raw = Buffer.from(key, 'utf8');
  switch (profile.key) {
    case 'md5':
      return createHash('md5').update(raw).digest();
    case 'utf8-16':
      return fitTo(raw, 16);
    case 'utf8': {
      const size = raw.length <= 16 ? 16 : raw.length <= 24 ? 24 : 32;
      return fitTo(raw, size);
    }
  }
}

function deriveIv(profile: CryptoProfile, keyBytes: Buffer, iv: string): Buffer {
  switch (profile.iv) {
    case 'zeros':
      return Buffer.alloc(16);
    case 'key':
      return fitTo(keyBytes, 16);
    case 'md5':
      return createHash('md5').update(iv, 'utf8').digest();
    case 'utf8':
      return fitTo(Buffer.from(iv, 'utf8'), 16);
  }
}

export interface AesSecrets {
  aesKey: string;
  aesIv: string;
}

interface CipherParts {
  algorithm: string;
  key: Buffer;
  iv: Buffer | null;
  /** AES-ECB without padding under the same key, kept for every message (see decryptData). */
  blockDecipher: Decipheriv;
}

/**
 * Derived once per secrets object and profile, not per message: a client keeps its resolved
 * credentials, so every call after the first reuses the same key and IV bytes (never changed).
 */
const derived = new WeakMap<AesSecrets, { profile: CryptoProfile; aesKey: string; aesIv: string; parts: CipherParts }>();

function cipherParts(profile: CryptoProfile, secrets: AesSecrets): CipherParts {
  const cached = derived.get(secrets);
  if (cached && cached.profile === profile && cached.aesKey === secrets.aesKey && cached.aesIv === secrets.aesIv) return cached.parts;
  const key = deriveKey(profile, secrets.aesKey);
  const algorithm = `aes-${key.length * 8}-${profile.mode}`;
  const iv = profile.mode === 'ecb' ? null : deriveIv(profile, key, secrets.aesIv);
  const blockDecipher = createDecipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
  const parts = { algorithm, key, iv, blockDecipher };
  derived.set(secrets, { profile, aesKey: secrets.aesKey, aesIv: secrets.aesIv, parts });
  return parts;
}

/** URL encoding as the vendor's examples show it: escapes in lower case (`%2b`, `%2f`, `%3d`). */
export function urlEncodeLower(text: string): string {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/** urlEncodeLower for Base64, whose only characters to escape are + / and = (plain replaces: no callback per match). */
function urlEncodeBase64(base64: string): string {
  return base64.replaceAll('+', '%2b').replaceAll('/', '%2f').replaceAll('=', '%3d');
}

/** Stateless for whole buffers, so one decoder serves every message. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Plaintext → AES (PKCS#7) → Base64 → URL-encoded with lower-case escapes. */
export function encryptData(plaintext: string, profile: CryptoProfile, secrets: AesSecrets): string {
  const { algorithm, key, iv } = cipherParts(profile, secrets);
  const cipher = createCipheriv(algorithm, key, iv);
  const base64 = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
  return urlEncodeBase64(base64);
}

/**
 * The reverse of encryptData. Escapes of either case are accepted; a `+` is kept as `+` (it is a
 * Base64 digit from a sender that did not URL-encode, never a space). Throws on anything that does
 * not decrypt to UTF-8 text under this profile.
 *
 * One block decipher per key serves every message: making a decipher costs more than decrypting
 * an answer. CBC decryption is each block decrypted on its own, then XOR-ed with the ciphertext
 * block before it (the IV for the first), so all blocks go through the kept ECB decipher in one
 * call; the PKCS#7 padding is then checked as OpenSSL checks it.
 */
export function decryptData(encoded: string, profile: CryptoProfile, secrets: AesSecrets): string {
  const base64 = encoded.includes('%') ? decodeURIComponent(encoded) : encoded;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('data is not Base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length % 16 !== 0) throw new Error('data is not a whole number of AES blocks');
  const { iv, blockDecipher } = cipherParts(profile, secrets);
  const plain = blockDecipher.update(bytes);
  if (iv) {
    for (let i = 0; i < 16; i++) plain[i] ^= iv[i];
    for (let i = 16; i < plain.length; i++) plain[i] ^= bytes[i - 16];
  }
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > 16) throw new Error('bad decrypt (padding)');
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw new Error('bad decrypt (padding)');
  return UTF8.decode(plain.subarray(0, plain.length - pad));
}
