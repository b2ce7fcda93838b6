import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, Result } from '../../../src-preload/contract';
import { VisitLedger } from '../../../src-main/services/visits/ledger';
import { appRig } from '../../helpers/app-rig';
import { failingDisk } from '../../helpers/failing-disk';
import { ok } from '../../helpers/results';
import { demoRegistration, intentRecord, until } from '../../helpers/test-data';
import { memoryLogger } from '../../helpers/test-ports';

/** Issue #8 C9 at start-up: a disk that refuses writes must not stop the app or its removals. */

const app = appRig('app-disk-');
const status = (result: Result<unknown>) => ok<AppStatus>(result);

describe('start-up with a failing disk', () => {
  it('the removal sweeper starts even when resume fails, and resume is tried again', async () => {
    // The last run left a registration cut short and an ended visit to remove.
    const ledger = await VisitLedger.open({ dataDir: app.dir, log: memoryLogger() });
    await ledger.add(intentRecord('cut-short', demoRegistration()));
    const ended = { ...intentRecord('ended', demoRegistration({ name: '已结束' }, 60_000)), state: 'pushed' as const, k30No: '9999', private: {} };
    ended.begin = new Date(Date.now() - 3 * 3600_000).toISOString();
    ended.end = new Date(Date.now() - 2 * 3600_000).toISOString();
    await ledger.add(ended);

    const log = memoryLogger();
    const disk = failingDisk();
    // The first write (resume marking 'cut-short') fails; the disk then works again.
    disk.failNextWrites(1, 'EIO');
    await app.start({ log, disk, resumeRetryMs: 20 });
    expect(log.lines.some((l) => l.includes('resume failed'))).toBe(true);
    // The sweeper ran: the ended visit (unknown to this demo server, so already gone) is removed.
    expect(app.services.ledger.get('ended')!.state).toBe('removed');
    // And resume was tried again, and marked the cut-short registration.
    await until(() => app.services.ledger.get('cut-short')!.state === 'create-unknown');
  });

  it('a corrupt ledger on a read-only disk starts the app with a banner, and nothing is written over it', async () => {
    const file = join(app.dir, 'visits.json');
    await writeFile(file, '{"version":1,"visits":[{"id":');
    const disk = failingDisk();
    disk.failRenames('EROFS');
    disk.failWrites('EROFS');
    const dispatch = await app.start({ disk });
    const state = status(await dispatch('getStatus', undefined));
    expect(state.ledgerProblems).toMatchObject([{ kind: 'corrupt-kept', setAside: '' }]);
    expect(state.ledgerUnwritable).toBe('read-only');

    // Even once the disk could write again, the damaged file is never overwritten by an empty ledger.
    disk.failWrites(null);
    expect(await dispatch('registerVisit', demoRegistration())).toMatchObject({ ok: false, error: { code: 'disk-error', disk: 'read-only' } });
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"visits":[{"id":');
  });

  it('getStatus reports a ledger that cannot be written, and a statusChanged event says so', async () => {
    const disk = failingDisk();
    const dispatch = await app.start({ disk });
    const events: AppStatus[] = [];
    app.services.events.on('statusChanged', (s) => events.push(s));
    expect(status(await dispatch('getStatus', undefined)).ledgerUnwritable).toBeUndefined();
    disk.failWrites('ENOSPC');
    expect(await dispatch('registerVisit', demoRegistration())).toMatchObject({ ok: false, error: { code: 'disk-error', disk: 'full' } });
    expect(status(await dispatch('getStatus', undefined)).ledgerUnwritable).toBe('full');
    expect(events.at(-1)).toMatchObject({ ledgerUnwritable: 'full' });
    disk.failWrites(null);
    const visit = await dispatch('registerVisit', demoRegistration());
    expect(visit.ok).toBe(true);
    expect(status(await dispatch('getStatus', undefined)).ledgerUnwritable).toBeUndefined();
    expect(events.at(-1)!.ledgerUnwritable).toBeUndefined();
  });
});
