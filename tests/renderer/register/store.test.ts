/**
 * The registration store against a fake `window.kiosk`: what happens on success, on an unknown
 * outcome (never resent on its own), and on a field error (back to the field, nothing lost).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Registration, Result, Visit } from '../../../src-preload/contract';
import { installFakeKiosk } from '../../helpers/fake-kiosk';
import { publicSettings } from '../../helpers/public-settings';
import { visitFrom } from '../../helpers/visit-from';

let registerVisit: (input: Registration) => Promise<Result<Visit>>;
const retryRegistration = vi.fn();
const kiosk = installFakeKiosk({
  registerVisit: (input: Registration) => registerVisit(input),
  retryRegistration,
  listVisits: async () => ({ ok: true, value: [] }),
  getSettings: async () => ({ ok: false, error: { code: 'internal', message: '' } }),
});

const { useRegistrationStore } = await import('../../../src-renderer/src/register/store');
const { useVisitsStore } = await import('../../../src-renderer/src/visits/store');
const { startEventBridge } = await import('../../../src-renderer/src/app/event-bridge');
const { useSettingsStore } = await import('../../../src-renderer/src/settings/store');
startEventBridge();

const emit = (v: Visit) => kiosk.emit('visitUpdated', v);

function fillDraft() {
  const s = useRegistrationStore.getState();
  s.reset();
  s.update({ name: '王小明', phone: '13912345678', documentNo: '11010519491231002X' });
  s.setHost({ no: 'H1', name: '张伟', deptname: '研发部', phoneTail: '8001' });
  s.setWindow({ begin: '2030-01-01T09:00', end: '2030-01-01T11:00' });
  s.setPhoto({ base64: '/9j/4AAQSkZJRgABAQ', bytes: 10, width: 640, height: 480, quality: 0.92 });
  s.setDevices(['D1']);
}

describe('registration store', () => {
  beforeEach(() => {
    retryRegistration.mockReset();
    useVisitsStore.setState({ byId: {} });
  });

  it('submits and ends "done" with the visit', async () => {
    fillDraft();
    registerVisit = async (reg) => ({ ok: true, value: visitFrom(reg, 'pushed', 3) });
    await useRegistrationStore.getState().submit();
    const { step, submission } = useRegistrationStore.getState();
    expect(step).toBe('result');
    expect(submission.status).toBe('done');
    expect(useVisitsStore.getState().byId.v1.state).toBe('pushed');
  });

  it('an unknown outcome waits for staff on the visit the error names, never one guessed by name; nothing is resent', async () => {
    fillDraft();
    registerVisit = async (reg) => {
      // Another visit of the same name, registered a moment ago at another desk, arrives first.
      emit({ ...visitFrom(reg, 'create-unknown', 2), id: 'same-name-elsewhere' });
      emit(visitFrom(reg, 'intent'));
      emit(visitFrom(reg, 'create-unknown', 2));
      return { ok: false, error: { code: 'outcome-unknown', message: 'no answer', visitId: 'v1' } };
    };
    await useRegistrationStore.getState().submit();
    const { submission, error, draft } = useRegistrationStore.getState();
    expect(submission.status).toBe('unknown');
    expect(submission.visitId).toBe('v1');
    expect(error?.code).toBe('outcome-unknown');
    expect(retryRegistration).not.toHaveBeenCalled();
    expect(draft.name).toBe('王小明');
  });

  it('an unknown outcome without a visit id names no visit (it does not guess)', async () => {
    fillDraft();
    registerVisit = async (reg) => {
      emit(visitFrom(reg, 'create-unknown', 2));
      return { ok: false, error: { code: 'timeout', message: 'no answer' } };
    };
    await useRegistrationStore.getState().submit();
    expect(useRegistrationStore.getState().submission).toMatchObject({ status: 'unknown', visitId: undefined });
  });

  it('registered on K30 but not saved on this PC: stays on the result naming the visit, never back to the form', async () => {
    fillDraft();
    registerVisit = async () => ({ ok: false, error: { code: 'not-saved', message: 'disk', visitId: 'v1', k30No: '1001', k30State: 'created', disk: 'full' } });
    await useRegistrationStore.getState().submit();
    const s = useRegistrationStore.getState();
    expect(s.step).toBe('result');
    expect(s.submission).toMatchObject({ status: 'not-saved', visitId: 'v1' });
    expect(s.error).toMatchObject({ code: 'not-saved', k30No: '1001' });
    expect(retryRegistration).not.toHaveBeenCalled();
  });

  it('a field error goes back to that field, keeping everything typed', async () => {
    fillDraft();
    registerVisit = async () => ({ ok: false, error: { code: 'invalid-input', message: 'mobile', field: 'phone' } });
    await useRegistrationStore.getState().submit();
    const s = useRegistrationStore.getState();
    expect(s.step).toBe('visitor');
    expect(s.fieldErrors.phone?.key).toBe('validation.phone');
    expect(s.focusRequest?.target).toBe('phone');
    expect(s.returnToReview).toBe(true);
    expect(s.draft.phone).toBe('13912345678');
    expect(s.draft.photo).not.toBeNull();
    expect(s.submission.status).toBe('idle');
  });

  it('a refusal goes back to the review (the visit step) with the alert focused', async () => {
    fillDraft();
    registerVisit = async () => ({ ok: false, error: { code: 'server-refused', message: '手机号已存在' } });
    await useRegistrationStore.getState().submit();
    const s = useRegistrationStore.getState();
    expect(s.step).toBe('visit');
    expect(s.error?.code).toBe('server-refused');
    expect(s.focusRequest?.target).toBe('alert');
  });

  it("ticks the administrator's default doors that exist, and nothing else; a choice already made is kept", () => {
    const door = (no: string, online = true) => ({ no, name: no, area: '', regionname: '', direction: 'in' as const, online });
    useSettingsStore.setState({ settings: publicSettings({ defaultDeviceNos: ['D1', 'D3', 'GONE'] }) });
    const s = useRegistrationStore.getState();
    s.reset();
    s.initDevices([door('D1'), door('D2'), door('D3', false)]);
    expect(useRegistrationStore.getState().draft.deviceNos).toEqual(['D1', 'D3']);
    s.setDevices(['D2']);
    s.initDevices([door('D1'), door('D2')]);
    expect(useRegistrationStore.getState().draft.deviceNos).toEqual(['D2']);

    useSettingsStore.setState({ settings: publicSettings({ defaultDeviceNos: [] }) });
    s.reset();
    s.initDevices([door('D1'), door('D2')]);
    expect(useRegistrationStore.getState().draft.deviceNos).toEqual([]);
  });
});
