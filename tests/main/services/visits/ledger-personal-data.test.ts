import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../../src-main/services/ports';
import { toPublic, VisitLedger } from '../../../../src-main/services/visits/ledger';
import { testSecretBox } from '../../../helpers/test-ports';
import { demoRegistration, intentRecord } from '../../../helpers/test-data';

const PHONE = '13812345678';
const ID = '11010119900307123X';
const PHOTO = '/9j/' + 'B'.repeat(400);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-pd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (id: string) => {
  const r = intentRecord(id, demoRegistration());
  r.private = { phone: PHONE, documentNo: ID, photo: PHOTO };
  r.devices = [
    { no: 'D1', state: 'waiting' },
    { no: 'D2', state: 'waiting' },
  ];
  r.match = { phone: 'k-phone', document: 'k-doc' };
  return r;
};
const onDisk = () => readFile(join(dir, 'visits.json'), 'utf8');

describe('visit ledger: the personal data policy', () => {
  it('seals phone, ID and photo at rest and opens them again after a restart', async () => {
    const box = testSecretBox();
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box });
    await ledger.add(record('a'));
    const disk = await onDisk();
    for (const clear of [PHONE, ID, PHOTO]) expect(disk).not.toContain(clear);
    expect(JSON.parse(disk).visits[0].private).toEqual({ sealed: expect.any(String) });

    const again = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box });
    expect(again.get('a')!.private).toEqual({ phone: PHONE, documentNo: ID, photo: PHOTO });
  });

  it('keeps phone and ID while the visit is live (a retake may create it anew), the photo until every door has it, and purges them when it ends', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box: testSecretBox() });
    await ledger.add(record('a'));
    const pushed = await ledger.update('a', (r) => {
      r.state = 'pushed';
      r.k30No = '42';
      r.devices = [
        { no: 'D1', state: 'confirmed' },
        { no: 'D2', state: 'pushed' },
      ];
    });
    expect(pushed.private).toEqual({ phone: PHONE, documentNo: ID });
    expect(toPublic(pushed).photoKept).toBe(false);

    const ended = await ledger.update('a', (r) => {
      r.state = 'removal-pending';
    });
    expect(ended.private).toEqual({});
    const disk = await onDisk();
    expect(JSON.parse(disk).visits[0].private).toEqual({});
    // The match keys stay (duplicates and the visit log match by them), and never reach the renderer.
    expect(ended.match).toEqual({ phone: 'k-phone', document: 'k-doc' });
    expect(toPublic(ended)).not.toHaveProperty('match');
  });

  it('finds visits by their match keys', async () => {
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box: testSecretBox() });
    await ledger.add(record('a'));
    await ledger.add({ ...record('b'), match: { phone: 'other', document: 'k-doc' } });
    await ledger.add({ ...record('c'), match: { phone: 'other' } });
    expect(ledger.findByMatch({ phone: 'k-phone' }).map((r) => r.id)).toEqual(['a']);
    expect(
      ledger
        .findByMatch({ document: 'k-doc' })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(ledger.findByMatch({})).toEqual([]);
  });

  it('an older ledger with clear numbers loads, and is sealed at its next write', async () => {
    await writeFile(join(dir, 'visits.json'), JSON.stringify({ version: 1, visits: [record('a')] }));
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box: testSecretBox() });
    expect(ledger.get('a')!.private.phone).toBe(PHONE);
    await ledger.update('a', (r) => void (r.lastError = 'x'));
    expect(await onDisk()).not.toContain(PHONE);
  });

  it('sealed data that cannot be opened is dropped (logged by visit id only); the visit stays', async () => {
    const box = testSecretBox();
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger(), box });
    await ledger.add(record('a'));
    box.failOpen = true;
    const log = memoryLogger();
    const again = await VisitLedger.open({ dataDir: dir, log, box });
    expect(again.get('a')!.private).toEqual({});
    expect(log.lines.join('\n')).toContain('visit a');
    expect(log.lines.join('\n')).not.toContain(PHONE);
  });

  it('a box that cannot seal writes nothing open: the change is refused', async () => {
    const box = testSecretBox();
    const ledger = await VisitLedger.open({
      dataDir: dir,
      log: memoryLogger(),
      box: {
        ...box,
        protection: 'os',
        seal: () => {
          throw new Error('keyring locked');
        },
        open: (sealed: string) => box.open(sealed),
      },
    });
    await expect(ledger.add(record('a'))).rejects.toThrow(/could not be written/);
    expect(ledger.get('a')).toBeUndefined();
  });
});
