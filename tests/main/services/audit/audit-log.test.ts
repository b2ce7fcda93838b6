import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src-preload/contract';
import { auditCsv } from '../../../../src-main/services/audit/audit-csv';
import { AuditFileStore } from '../../../../src-main/services/audit/audit-file-store';
import { AuditLog, maskNumbers } from '../../../../src-main/services/audit/audit-log';
import { memoryLogger } from '../../../helpers/test-ports';

const STATION: Actor = { station: '一楼前台', kind: 'station' };
const SELF: Actor = { station: '一楼前台', kind: 'self-service' };

let dir: string;
let clock: Date;
const setup = () => new AuditLog({ store: new AuditFileStore(join(dir, 'audit')), log: memoryLogger(), now: () => clock });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'audit-'));
  clock = new Date('2026-12-01T09:00:00Z');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('AuditLog', () => {
  it('appends one JSON line per action to the file of its UTC day, owner-only', async () => {
    const audit = setup();
    await audit.record({ actor: STATION, action: 'registered', outcome: 'ok', visitId: 'v1', detail: 'reception' });
    clock = new Date('2026-12-01T23:59:59Z');
    await audit.record({ actor: SELF, action: 'registered', outcome: 'unknown', visitId: 'v2' });
    clock = new Date('2026-12-02T00:00:01Z');
    await audit.record({ actor: STATION, action: 'removed', outcome: 'ok', visitId: 'v1' });

    expect((await readdir(join(dir, 'audit'))).sort()).toEqual(['2026-12-01.jsonl', '2026-12-02.jsonl']);
    const lines = (await readFile(join(dir, 'audit', '2026-12-01.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { at: '2026-12-01T09:00:00.000Z', actor: STATION, action: 'registered', outcome: 'ok', visitId: 'v1', detail: 'reception' },
      { at: '2026-12-01T23:59:59.000Z', actor: SELF, action: 'registered', outcome: 'unknown', visitId: 'v2' },
    ]);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'audit', '2026-12-01.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('never keeps a full phone or ID number in a detail', async () => {
    const audit = setup();
    await audit.record({ actor: STATION, action: 'settings-changed', outcome: 'ok', detail: 'phone 13912345678, id 44030519900307123X, door 1001' });
    const text = await readFile(join(dir, 'audit', '2026-12-01.jsonl'), 'utf8');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('44030519900307123');
    expect(text).toContain('***5678');
    expect(text).toContain('door 1001');
    expect(maskNumbers('K30 123456')).toBe('K30 ***3456');
  });

  it('skips a line torn by a crash and starts the next entry on a line of its own', async () => {
    const audit = setup();
    await audit.record({ actor: STATION, action: 'registered', outcome: 'ok', visitId: 'v1' });
    await appendFile(join(dir, 'audit', '2026-12-01.jsonl'), '{"at":"2026-12-01T09:00:01Z","act');
    const after = setup();
    await after.record({ actor: STATION, action: 'pushed', outcome: 'ok', visitId: 'v1' });
    expect((await after.list({})).entries.map((e) => e.action)).toEqual(['pushed', 'registered']);
  });

  it('rejects record when the disk refuses, and note only logs it', async () => {
    await writeFile(join(dir, 'audit'), 'a file where the folder should be');
    const log = memoryLogger();
    const audit = new AuditLog({ store: new AuditFileStore(join(dir, 'audit')), log, now: () => clock });
    await expect(audit.record({ actor: STATION, action: 'door-opened', outcome: 'ok' })).rejects.toThrow();
    audit.note({ actor: STATION, action: 'door-opened', outcome: 'ok' });
    await audit.idle();
    expect(log.lines.some((l) => l.startsWith('error audit: could not record door-opened'))).toBe(true);
  });

  it('exports CSV with formula-looking cells defused', () => {
    const csv = auditCsv([
      {
        at: '2026-12-01T09:00:00.000Z',
        actor: { station: '=cmd|calc', kind: 'staff', staffName: '@王', role: 'reception' },
        action: 'registered',
        outcome: 'ok',
        detail: '+1',
      },
    ]);
    expect(csv.startsWith('\uFEFFat,station,actor,staff,role,action,outcome,visitId,detail\r\n')).toBe(true);
    expect(csv).toContain("'=cmd|calc,staff,'@王,reception,registered,ok,,'+1");
  });
});
