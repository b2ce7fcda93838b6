import { chmodSync, existsSync } from 'node:fs';

/**
 * The settings file holds the sealed secrets, the admin PIN's hash and its lockout: owner-only, like
 * the visit ledger. (On Windows file modes do not apply; the user profile's ACLs protect it.)
 */
export const SETTINGS_FILE_MODE = 0o600;

/** A settings file written by an older version (0644) is narrowed at start-up. Never throws. */
export function restrictSettingsFile(path: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32' || !existsSync(path)) return;
  try {
    chmodSync(path, SETTINGS_FILE_MODE);
  } catch {
    // Not ours to change (another owner): the next write replaces it with an owner-only file.
  }
}
