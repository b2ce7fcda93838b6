import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe } from 'vitest';
import { AuditFileStore } from '../../../../src-main/services/audit/audit-file-store';
import { auditStoreSuite } from '../../../helpers/audit-store-suite';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the audit log in day files', () => {
  auditStoreSuite(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-store-'));
    dirs.push(dir);
    return new AuditFileStore(join(dir, 'audit'));
  });
});
