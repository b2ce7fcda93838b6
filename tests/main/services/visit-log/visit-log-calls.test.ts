import { describe, expect, it } from 'vitest';
import type { FileOut, VisitLog } from '../../../../src-preload/contract';
import { appRig } from '../../../helpers/app-rig';
import { ok } from '../../../helpers/results';
import { demoRegistration, residentId } from '../../../helpers/test-data';

/** The visit log's calls against the real services and the demo simulator. */

const app = appRig('visit-log-calls-');

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('the visit log through the dispatcher', () => {
  it('finds a registered visit by its full phone and document (registration keeps their keyed hashes); full numbers need the PIN session', async () => {
    const dispatch = await app.start();
    const documentNo = residentId('11010519850101123');
    const first = ok<{ id: string }>(await dispatch('registerVisit', demoRegistration({ name: '日志甲', phone: '13966660001', documentNo })));
    // It ends (signed out): its numbers are purged, its keyed hashes stay for the log.
    ok(await dispatch('signOutVisit', { visitId: first.id }));
    // The second one's outcome is unknown (the answer is lost after K30 acted): its numbers are still held.
    await app.demoSim('faults', { dropAfterCommit: 1, paths: ['visitor/Create'] });
    const unknown = await dispatch('registerVisit', demoRegistration({ name: '日志乙', phone: '13966660002' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'outcome-unknown' } });

    const range = { from: day(new Date(Date.now() - 86_400_000)), to: day(new Date(Date.now() + 86_400_000)) };
    const find = async (search: string) => ok<VisitLog>(await dispatch('queryVisitLog', { ...range, search })).rows.map((r) => r.visitor.name);
    expect(await find('13966660001')).toEqual(['日志甲']);
    expect(await find(documentNo.toLowerCase())).toEqual(['日志甲']);
    expect(await find('日志')).toEqual(['日志乙', '日志甲']);
    // The ledger holds hashes, not numbers, for the ended visit.
    const stored = app.services.ledger.all().find((v) => v.visitor.name === '日志甲')!;
    expect(stored.private.phone).toBeUndefined();
    expect(stored.match?.phone).toMatch(/^[0-9a-f]{64}$/);

    expect(await dispatch('exportVisitLog', { ...range, format: 'csv', language: 'zh-CN', phones: 'full' })).toMatchObject({
      ok: false,
      error: { code: 'pin-required', message: 'pin-required' },
    });
    ok(await dispatch('setAdminPin', { next: '2468' }));
    ok(await dispatch('verifyAdminPin', { pin: '2468' }));
    const full = Buffer.from(
      ok<FileOut>(await dispatch('exportVisitLog', { ...range, format: 'csv', language: 'zh-CN', phones: 'full' })).base64,
      'base64',
    ).toString('utf8');
    // In full where still held (the unknown one), masked where already purged.
    expect(full).toContain('13966660002');
    expect(full).toContain('139****0001');
    expect(full).not.toContain('13966660001');
  });

  it('gives a visit’s photo only while this PC holds it, and refuses a bad range', async () => {
    const dispatch = await app.start();
    const pushed = ok<{ id: string }>(await dispatch('registerVisit', demoRegistration({ name: '照片' })));
    expect(ok<string>(await dispatch('getVisitPhoto', { visitId: pushed.id }))).toBe('');
    expect(await dispatch('getVisitPhoto', { visitId: 'no-such-visit' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('queryVisitLog', { from: '2026-12-02', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('queryVisitLog', { from: '2026-12-01', to: '2026-12-02', search: 'x'.repeat(51) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
