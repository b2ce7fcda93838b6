/**
 * Crypto profile names, for the select. Mirrors CRYPTO_PROFILES in src-main/k30/protocol/crypto-profiles.ts
 * (the renderer may not import main); the current and any found profile are always offered too.
 */
export const KNOWN_PROFILES = [
  'aes-cbc',
  'aes-cbc-zero-iv',
  'aes-cbc-iv-key',
  'aes-128-cbc',
  'aes-128-cbc-iv-key',
  'aes-cbc-md5',
  'aes-cbc-md5-iv',
  'aes-cbc-md5-iv-key',
  'aes-ecb',
  'aes-128-ecb',
  'aes-ecb-md5',
] as const;

export function profileOptions(...extra: (string | undefined)[]): string[] {
  const names: string[] = [...KNOWN_PROFILES];
  for (const name of extra) if (name && !names.includes(name)) names.push(name);
  return names;
}
