/**
 * The registration store against a fake `window.kiosk`: what happens on success, on an unknown
 * outcome (never resent on its own), and on a field error (back to the field, nothing lost).
 * Also the settings store's admin PIN and the status store's ledger problems.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus, KioskApi, PublicSettings, Registration, Result, Visit } from '../../src-preload/contract';

type Listener = (payload: Visit) => void;
const listeners = new Set<Listener>();
const settingsListeners = new Set<(payload: PublicSettings) => void>();
let registerVisit: (input: Registration) => Promise<Result<Visit>>;
let setAdminPin: (input: { current?: string; next: string }) => Promise<Result<PublicSettings>>;
let getStatus: () => Promise<Result<AppStatus>>;
const retryRegistration = vi.fn();

const fakeKiosk = {
  registerVisit: (input: Registration) => registerVisit(input),
  retryRegistration,
  setAdminPin: (input: { current?: string; next: string }) => setAdminPin(input),
  getStatus: () => getStatus(),
  listVisits: async () => ({ ok: true, value: [] }),
  getSettings: async () => ({ ok: false, error: { code: 'internal', message: '' } }),
  on: (event: string, listener: (payload: never) => void) => {
    const set = (event === 'visitUpdated' ? listeners : event === 'settingsChanged' ? settingsListeners : undefined) as Set<typeof listener> | undefined;
    set?.add(listener);
    return () => set?.delete(listener);
  },
} as unknown as KioskApi;
(globalThis as unknown as { kiosk: KioskApi }).kiosk = fakeKiosk; // what window.kiosk is in the browser

const { useRegistrationStore } = await import('../../src-renderer/src/register/store');
const { useVisitsStore } = await import('../../src-renderer/src/visits/store');
const { startEventBridge } = await import('../../src-renderer/src/app/event-bridge');
const { adminIn, useSettingsStore } = await import('../../src-renderer/src/settings/store');
const { useStatusStore } = await import('../../src-renderer/src/status/store');
const { translate } = await import('../../src-renderer/src/i18n/translate');
startEventBridge();

const emit = (v: Visit) => listeners.forEach((l) => l(v));

function visitFrom(reg: Registration, state: Visit['state'], history = 1): Visit {
  return {
    id: 'v1',
    state,
    k30No: state === 'pushed' ? '123' : undefined,
    channel: reg.channel,
    visitor: { name: reg.name, phoneMasked: '139****5678', documentType: reg.documentType, documentMasked: '', carno: '', reason: '' },
    host: { no: reg.hostNo, name: reg.hostName },
    begin: reg.begin,
    end: reg.end,
    devices: reg.deviceNos.map((no) => ({ no, state: 'waiting' as const })),
    history: Array.from({ length: history }, () => ({ at: new Date().toISOString(), event: state })),
    createdAt: new Date().toISOString(),
    photoKept: true,
  };
}

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

  it('a refusal goes back to the review with the alert focused', async () => {
    fillDraft();
    registerVisit = async () => ({ ok: false, error: { code: 'server-refused', message: '手机号已存在' } });
    await useRegistrationStore.getState().submit();
    const s = useRegistrationStore.getState();
    expect(s.step).toBe('review');
    expect(s.error?.code).toBe('server-refused');
    expect(s.focusRequest?.target).toBe('alert');
  });

  it('a late, older copy of a visit does not overwrite a newer one', () => {
    const reg = { name: 'x', documentType: 'id-card', hostNo: 'H', hostName: 'h', begin: '', end: '', deviceNos: [], channel: 'reception' } as unknown as Registration;
    useVisitsStore.getState().upsert(visitFrom(reg, 'pushed', 3));
    useVisitsStore.getState().upsert(visitFrom(reg, 'intent', 1));
    expect(useVisitsStore.getState().byId.v1.state).toBe('pushed');
  });
});

const SETTINGS = { adminPinSet: false, language: 'zh-CN', selfServiceMode: false } as PublicSettings;

describe('settings store: the admin PIN', () => {
  beforeEach(() => useSettingsStore.setState({ settings: SETTINGS, adminUnlocked: false }));

  it('setting the first PIN from the open page keeps it open, though main announces the PIN before it answers', async () => {
    const seen: boolean[] = [];
    const off = useSettingsStore.subscribe((s) => seen.push(adminIn(s)));
    setAdminPin = async () => {
      const next = { ...SETTINGS, adminPinSet: true };
      settingsListeners.forEach((l) => l(next)); // settingsChanged comes first, as from main
      return { ok: true, value: next };
    };
    const result = await useSettingsStore.getState().setAdminPin(undefined, '2468');
    off();
    expect(result.ok).toBe(true);
    expect(useSettingsStore.getState().settings?.adminPinSet).toBe(true);
    expect(adminIn(useSettingsStore.getState())).toBe(true);
    expect(seen, 'never locked on the way').not.toContain(false);
  });

  it('a refused change leaves a locked page locked', async () => {
    useSettingsStore.setState({ settings: { ...SETTINGS, adminPinSet: true }, adminUnlocked: false });
    setAdminPin = async () => ({ ok: false, error: { code: 'wrong-pin', message: 'The current PIN is wrong' } });
    await useSettingsStore.getState().setAdminPin('0000', '1357');
    expect(adminIn(useSettingsStore.getState())).toBe(false);
  });
});

describe('status store', () => {
  it('loads the ledger problems main found at start; a failed call shows nothing made up', async () => {
    getStatus = async () => ({ ok: false, error: { code: 'internal', message: 'no bridge' } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().ledgerProblems).toEqual([]);
    const problem = { kind: 'corrupt' as const, setAside: '/data/visits.json.corrupt-1', at: '2030-01-01T00:00:00.000Z' };
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [problem], unsaved: [] } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().ledgerProblems).toEqual([problem]);
  });

  it('takes the clock-skew report, which the renderer says in numbers in both languages', async () => {
    const clockSkew = { code: 'server-behind' as const, minutes: 20, rejected: 3, at: '2030-01-01T00:00:00.000Z' };
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [], unsaved: [], clockSkew } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().clockSkew).toEqual(clockSkew);
    const params = { minutes: clockSkew.minutes, count: clockSkew.rejected };
    expect(translate('zh-CN', `status.clockSkew.${clockSkew.code}`, params)).toMatch(/慢 20 分钟.*3 条/);
    expect(translate('en', `status.clockSkew.${clockSkew.code}`, params)).toMatch(/20 minutes behind.*3 door confirmations/);
    // Once main stops reporting it, so does the screen.
    getStatus = async () => ({ ok: true, value: { ledgerProblems: [], unsaved: [] } });
    await useStatusStore.getState().load();
    expect(useStatusStore.getState().clockSkew).toBeUndefined();
  });
});
