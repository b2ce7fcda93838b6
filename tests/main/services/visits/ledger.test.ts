import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { maskDocument, maskPhone, toPublic, VisitLedger } from '../../../../src-main/services/visits/ledger';
import { ledgerRecord as record, PHOTO } from '../../../helpers/ledger-suite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('visit ledger: persistence', () => {
  it('keeps every change across a reopen, even when changes race', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => ledger.add(record(id))));
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id, i) =>
        ledger.update(id, (r) => {
          r.lastError = `change ${i}`;
        }),
      ),
    );
    const again = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    expect(again.all().map((r) => [r.id, r.lastError])).toEqual([
      ['a', 'change 0'],
      ['b', 'change 1'],
      ['c', 'change 2'],
      ['d', 'change 3'],
    ]);
  });

  it('writes a new file and renames it over the old one (never rewrites in place), leaving no temp files', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await ledger.add(record('a'));
    const before = await stat(join(dir, 'visits.json'));
    await ledger.update('a', (r) => {
      r.lastError = 'x';
    });
    const after = await stat(join(dir, 'visits.json'));
    expect(after.ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual(['visits.json']);
    expect((after.mode & 0o777).toString(8)).toBe('600');
  });

  it('a temp file left by a crash mid-write is discarded and the real file is intact', async () => {
    const first = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await first.add(record('a'));
    await writeFile(join(dir, 'visits.json.tmp-999-deadbeef'), '{"version":1,"visits":[{"id":"half');
    const again = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    expect(again.all().map((r) => r.id)).toEqual(['a']);
    expect(again.problems).toEqual([]);
    expect(await readdir(dir)).toEqual(['visits.json']);
  });

  it('a record that cannot be written is not kept', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await rm(dir, { recursive: true, force: true });
    await expect(ledger.add(record('a'))).rejects.toThrow();
    expect(ledger.get('a')).toBeUndefined();
  });

  it('exclusive() runs tasks for one visit one at a time', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`${name} start`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`${name} end`);
    };
    await Promise.all([ledger.exclusive('v', task('one', 30)), ledger.exclusive('v', task('two', 1))]);
    expect(order).toEqual(['one start', 'one end', 'two start', 'two end']);
  });
});

describe('visit ledger: a corrupt file', () => {
  it('is moved aside, reported and logged, never silently emptied', async () => {
    const garbage = '{"version":1,"visits":[{"id":"a","name":"王五 13900001111"';
    await writeFile(join(dir, 'visits.json'), garbage);
    const log = memoryLogger();
    const ledger = await VisitLedger.open({ dataDir: dir, log, now: () => new Date('2030-02-03T04:05:06.789Z') });
    expect(ledger.all()).toEqual([]);
    expect(ledger.hasProblems).toBe(true);
    expect(ledger.problems[0]).toMatchObject({ kind: 'corrupt', setAside: join(dir, 'visits.json.corrupt-20300203T040506789Z') });
    expect(await readFile(ledger.problems[0].setAside, 'utf8')).toBe(garbage);
    expect(log.lines.some((l) => l.startsWith('warn') && l.includes('corrupt'))).toBe(true);
    // The log says where, not what: the file's text may be personal data.
    expect(log.lines.join('\n')).not.toContain('13900001111');
    // A new ledger starts beside it; the set-aside file stays for a person to look at.
    await ledger.add(record('b'));
    expect((await readdir(dir)).sort()).toEqual(['visits.json', 'visits.json.corrupt-20300203T040506789Z']);
  });

  it('with some unreadable records keeps the readable ones and sets a copy of the whole aside', async () => {
    await writeFile(join(dir, 'visits.json'), JSON.stringify({ version: 1, visits: [record('good'), { id: 'bad', state: 'nonsense' }] }));
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    expect(ledger.all().map((r) => r.id)).toEqual(['good']);
    expect(ledger.problems).toHaveLength(1);
    expect(ledger.problems[0].kind).toBe('invalid-records');
    expect(await readFile(ledger.problems[0].setAside, 'utf8')).toContain('"nonsense"');
  });

  it('of the wrong shape is treated as corrupt too', async () => {
    await writeFile(join(dir, 'visits.json'), '[1,2,3]');
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    expect(ledger.problems[0].kind).toBe('corrupt');
  });
});

describe('visit ledger: personal data', () => {
  it('masks phone and document numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskDocument('11010119900307123X')).toBe('1101**********123X');
    expect(maskDocument('E12345678')).toBe('E1*****78');
    expect(maskDocument('AB')).toBe('**');
  });

  it('toPublic strips every private field', () => {
    const visit = toPublic(record('a'));
    const text = JSON.stringify(visit);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('11010119900307123X');
    expect(text).not.toContain(PHOTO);
    expect(visit).not.toHaveProperty('private');
    expect(visit.photoKept).toBe(true);
  });

  it('keeps phone, ID and photo while a create may be re-sent, and drops them when that ends', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await ledger.add(record('a', { state: 'create-unknown' }));
    expect(ledger.get('a')!.private).toEqual({ phone: '13812345678', documentNo: '11010119900307123X', photo: PHOTO });
    const cancelled = await ledger.update('a', (r) => {
      r.state = 'cancelled';
    });
    expect(cancelled.private).toEqual({});
  });
});
