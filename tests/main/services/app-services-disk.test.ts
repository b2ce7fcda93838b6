import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus, Result } from '../../../src-preload/contract';
import { createDispatcher } from '../../../src-main/ipc/dispatch';
import { createAppServices, type AppServices } from '../../../src-main/services/app-services';
import { VisitLedger } from '../../../src-main/services/visits/ledger';
import { failingDisk } from '../../helpers/failing-disk';
import { demoRegistration, intentRecord, until } from '../../helpers/test-data';
import { mapStore, memoryLogger, testSecretBox } from '../../helpers/test-ports';

/** Issue #8 C9 at start-up: a disk that refuses writes must not stop the app or its removals. */

let dir: string;
let services: AppServices | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'app-disk-'));
});
afterEach(async () => {
  await services?.close();
  services = undefined;
  await rm(dir, { recursive: true, force: true });
});

function status(result: Result<unknown>): AppStatus {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AppStatus;
}

describe('start-up with a failing disk', () => {
  it('the removal sweeper starts even when resume fails, and resume is tried again', async () => {
    // The last run left a registration cut short and an ended visit to remove.
    const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
    await ledger.add(intentRecord('cut-short', demoRegistration()));
    const ended = { ...intentRecord('ended', demoRegistration({ name: '已结束' }, 60_000)), state: 'pushed' as const, k30No: '9999', private: {} };
    ended.begin = new Date(Date.now() - 3 * 3600_000).toISOString();
    ended.end = new Date(Date.now() - 2 * 3600_000).toISOString();
    await ledger.add(ended);

    const log = memoryLogger();
    const disk = failingDisk();
    // The first write (resume marking 'cut-short') fails; the disk then works again.
    disk.failNextWrites(1, 'EIO');
    services = await createAppServices({
      dataDir: dir,
      store: mapStore(),
      secretBox: testSecretBox(),
      log,
      sweepIntervalMs: 3600_000,
      disk,
      resumeRetryMs: 20,
    });
    await services.ready;
    expect(log.lines.some((l) => l.includes('resume failed'))).toBe(true);
    // The sweeper ran: the ended visit (unknown to this demo server, so already gone) is removed.
    expect(services.ledger.get('ended')!.state).toBe('removed');
    // And resume was tried again, and marked the cut-short registration.
    await until(() => services!.ledger.get('cut-short')!.state === 'create-unknown');
  });

  it('a corrupt ledger on a read-only disk starts the app with a banner, and nothing is written over it', async () => {
    const file = join(dir, 'visits.json');
    await writeFile(file, '{"version":1,"visits":[{"id":');
    const disk = failingDisk();
    disk.failRenames('EROFS');
    disk.failWrites('EROFS');
    services = await createAppServices({ dataDir: dir, store: mapStore(), secretBox: testSecretBox(), log: memoryLogger(), sweepIntervalMs: 3600_000, disk });
    await services.ready;
    const dispatch = createDispatcher(services.handlers);
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
    services = await createAppServices({ dataDir: dir, store: mapStore(), secretBox: testSecretBox(), log: memoryLogger(), sweepIntervalMs: 3600_000, disk });
    await services.ready;
    const events: AppStatus[] = [];
    services.events.on('statusChanged', (s) => events.push(s));
    const dispatch = createDispatcher(services.handlers);
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
