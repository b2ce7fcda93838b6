/**
 * Issue #8 B7: the settings file (sealed secrets, PIN hash, PIN lockout) is owner-only, like the
 * visit ledger. The harness's store is built from the same options as the app's electron-store.
 */
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { confStore } from '../../../harness/stores';
import { memoryLogger, testSecretBox } from '../../../helpers/test-ports';

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(posix)('the settings file', () => {
  it('is written 0600', () => {
    const store = confStore(dir);
    new SettingsService(store, testSecretBox(), memoryLogger(), { scryptN: 2 ** 10 }).save({ companyno: 'C001', appSecret: 'company-code-1' });
    expect(modeOf(store.path)).toBe(0o600);
  });

  it('written by an older version (0644) is narrowed to 0600 when the app starts', () => {
    const path = confStore(dir).path;
    writeFileSync(path, JSON.stringify({ companyno: 'C001' }));
    chmodSync(path, 0o644);
    const store = confStore(dir);
    expect(modeOf(path)).toBe(0o600);
    expect(store.get('companyno')).toBe('C001');
  });
});
