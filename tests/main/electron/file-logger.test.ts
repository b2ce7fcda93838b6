/** main's log file: secrets masked, blobs shortened. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redactLine } from '../../../src-main/electron/file-logger';

describe('file logger', () => {
  it('masks registered secrets and secret-looking pairs, shortens blobs', () => {
    const line = redactLine('sign=abc123&key=k30-demo-code appSecret: "s3cr3t-value" data:image/jpeg;base64,' + 'A'.repeat(500) + ' code MY-SECRET-9', [
      'MY-SECRET-9',
    ]);
    for (const secret of ['abc123', 'k30-demo-code', 's3cr3t-value', 'MY-SECRET-9', 'A'.repeat(200)]) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
    expect(line).toContain('[523 chars]');
  });

  it('writes lines to logs/main.log without secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k30-log-'));
    try {
      const log = createFileLogger(dir);
      log.setSecrets(['hunter2-secret']);
      log.info('connected with hunter2-secret');
      log.warn('multi\nline');
      await log.close();
      const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
      expect(text).toMatch(/ info connected with \[redacted\]\n/);
      expect(text).toMatch(/ warn multi line\n/);
      expect(text).not.toContain('hunter2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
