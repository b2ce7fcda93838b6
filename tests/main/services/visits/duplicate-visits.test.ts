/**
 * Issue #10 item 4: registering someone who already has an active or upcoming visit (same document
 * or phone, compared by keyed hash) is refused with 'duplicate-visit' naming that visit, until
 * staff register anyway; the visit a retake or extension replaces is not a duplicate of itself.
 * Also item 3's consent path: a profile exists only after "remember me". Real services, demo simulator over HTTP.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Registration, Visit } from '../../../../src-preload/contract';
import type { Dispatch } from '../../../../src-main/ipc/dispatch';
import { appRig } from '../../../helpers/app-rig';
import { ok as value } from '../../../helpers/results';
import { demoRegistration, residentId } from '../../../helpers/test-data';

const HOUR = 3600_000;
const app = appRig('duplicates-');
let dispatch: Dispatch;

const simVisitors = async () => (await app.demoSim<{ visitors: unknown[] }>('state')).visitors.length;
const register = (over: Partial<Registration> = {}) => dispatch('registerVisit', demoRegistration(over));

beforeEach(async () => {
  dispatch = await app.start();
});

describe('duplicate visits', () => {
  it('the same document (typed differently) is refused, naming the live visit; nothing reaches K30', async () => {
    const first = value<Visit>(await register({ documentType: 'passport', documentNo: 'E12345678', phone: '+442079460958' }));
    const before = await simVisitors();
    const second = await register({ name: '另一人', documentType: 'passport', documentNo: 'e1234 5678', phone: '13900000000' });
    expect(second).toMatchObject({ ok: false, error: { code: 'duplicate-visit', visitId: first.id, field: 'documentNo' } });
    expect(await simVisitors()).toBe(before);
    expect(app.services.ledger.all()).toHaveLength(1);
  });

  it('the same phone too; an upcoming visit counts; staff may register anyway', async () => {
    const later = new Date(Date.now() + 5 * HOUR);
    const upcoming = value<Visit>(await register({ begin: later.toISOString(), end: new Date(later.getTime() + HOUR).toISOString() }));
    const again = await register({ documentNo: residentId('11010519491231002') });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-visit', visitId: upcoming.id, field: 'phone' } });
    expect(value<Visit>(await register({ documentNo: residentId('11010519491231002'), duplicateAccepted: true })).state).toBe('pushed');
  });

  it('a retake or extension names the visit it replaces: no warning for that one', async () => {
    const first = value<Visit>(await register());
    expect(value<Visit>(await register({ replacesVisitId: first.id })).state).toBe('pushed');
    // …but a third visit still meets both.
    expect(await register({ replacesVisitId: first.id })).toMatchObject({ ok: false, error: { code: 'duplicate-visit' } });
  });

  it('an ended visit is no duplicate', async () => {
    const first = value<Visit>(await register());
    value(await dispatch('removeVisit', { visitId: first.id }));
    expect(value<Visit>(await register()).state).toBe('pushed');
  });

  it('the kiosk is never told (it would say whether a stranger has a visit)', async () => {
    value(await register());
    const kiosk = await register({ channel: 'kiosk', consent: { data: true, photo: true } });
    expect(kiosk.ok).toBe(true);
  });
});

describe('returning visitors through the calls', () => {
  it('a profile exists only after the visitor consented; lookup, pre-fill and the kiosk shape', async () => {
    const reg = { name: 'Jane Smith', documentType: 'passport' as const, documentNo: 'E12345678', phone: '+44 20 7946 0958', hostDept: '研发部' };
    value(await register(reg));
    expect(value(await dispatch('findReturningVisitor', { phone: '+442079460958' }))).toBeNull();

    value(await register({ ...reg, remember: { photo: true }, duplicateAccepted: true }));
    const offer = value<{ profileId: string; name: string; hostName: string }>(await dispatch('findReturningVisitor', { documentNo: 'E12345678' }));
    expect(offer).toMatchObject({ name: 'Jane Smith', hostName: '张伟' });
    const filled = value<{ documentNo: string; photo?: string; phone: string }>(await dispatch('useReturningVisitor', { profileId: offer.profileId }));
    expect(filled).toMatchObject({ documentNo: 'E12345678', phone: '+44 20 7946 0958', photo: demoRegistration().photo });

    expect(value(await dispatch('findMyProfile', { phone: '+442079460958', documentTail: '5678' }))).toEqual({
      name: 'Jane Smith',
      host: { no: demoRegistration().hostNo, name: '张伟', deptname: '研发部', phoneTail: '' },
    });
    value(await dispatch('forgetVisitor', { profileId: offer.profileId }));
    expect(value(await dispatch('findReturningVisitor', { documentNo: 'E12345678' }))).toBeNull();
  });
});
