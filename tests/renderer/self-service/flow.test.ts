/**
 * The self-service kiosk: the flow's rules, and the kiosk
 * store against a fake `window.kiosk` (what is sent, what is never sent, what is forgotten).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCodeSchema, RegistrationSchema, type KioskApi, type Registration, type Result, type Visit } from '../../../src-preload/contract';
import { buildSelfServiceRegistration, selfServiceErrorView, lockoutSeconds, outcomeOfVisit } from '../../../src-renderer/src/self-service/flow';
import { emptyDraft, type Draft } from '../../../src-renderer/src/register/draft';
import { en } from '../../../src-renderer/src/i18n/en';
import { zhCN } from '../../../src-renderer/src/i18n/zh-CN';
import { publicSettings } from '../../helpers/public-settings';

const HOST = { no: 'H1', name: '张伟', deptname: '研发部', phoneTail: '8001' };
const PHOTO = { base64: '/9j/4AAQSkZJRgABAQ', bytes: 10, width: 640, height: 480, quality: 0.92 };

function filledDraft(): Draft {
  return { ...emptyDraft(), name: ' 王小明 ', phone: '139 1234 5678', documentNo: '11010519491231002x', carno: '', reason: '面试', host: HOST, photo: PHOTO };
}

function visit(state: Visit['state'], devices: Visit['devices'] = [{ no: 'D1', state: 'pushed' }], k30No?: string): Visit {
  return {
    id: 'v1',
    state,
    k30No,
    channel: 'kiosk',
    visitor: { name: '王小明', phoneMasked: '139****5678', documentType: 'id-card', documentMasked: '', carno: '', reason: '' },
    host: { no: 'H1', name: '张伟' },
    begin: new Date().toISOString(),
    end: new Date().toISOString(),
    devices,
    history: [],
    createdAt: new Date().toISOString(),
    photoKept: false,
  };
}

describe('kiosk flow rules', () => {
  it('builds a kiosk registration: consent, default doors, from now for the default length', () => {
    const now = new Date(2030, 0, 2, 9, 30, 41);
    const reg = buildSelfServiceRegistration(filledDraft(), ['D1', 'D2'], 90, now);
    expect(RegistrationSchema.safeParse(reg).success).toBe(true);
    expect(reg).toMatchObject({
      name: '王小明',
      phone: '13912345678',
      documentType: 'id-card',
      documentNo: '11010519491231002X',
      reason: '面试',
      hostNo: 'H1',
      hostName: '张伟',
      photo: PHOTO.base64,
      deviceNos: ['D1', 'D2'],
      channel: 'kiosk',
      consent: { data: true, photo: true },
    });
    expect(reg.carno).toBeUndefined();
    expect(new Date(reg.begin).getTime()).toBe(new Date(2030, 0, 2, 9, 30, 0).getTime());
    expect(Date.parse(reg.end) - Date.parse(reg.begin)).toBe(90 * 60_000);
  });

  it('reads a returned visit as done, failed or "see reception"', () => {
    expect(outcomeOfVisit(visit('pushed', undefined, '123'))).toEqual({ kind: 'done', number: '123', doorsPending: false });
    expect(outcomeOfVisit(visit('created', [{ no: 'D1', state: 'failed' }], '124'))).toEqual({ kind: 'done', number: '124', doorsPending: true });
    expect(outcomeOfVisit({ ...visit('create-failed'), lastError: '手机号已存在' })).toEqual({
      kind: 'failed',
      error: { code: 'server-refused', message: '手机号已存在' },
    });
    expect(outcomeOfVisit(visit('create-unknown'))).toEqual({ kind: 'reception', reason: 'unknown' });
    expect(outcomeOfVisit(visit('created-without-no'))).toEqual({ kind: 'reception', reason: 'no-number' });
  });

  it('has a visitor-facing message for every error code, never a retry of an unknown outcome', () => {
    // Every code the contract has, so a new one without a visitor-facing message fails here.
    for (const code of ErrorCodeSchema.options) {
      const view = selfServiceErrorView({ code, message: '' });
      expect(zhCN[view.key], code).toBeTruthy();
      expect(en[view.key], code).toBeTruthy();
    }
    expect(selfServiceErrorView({ code: 'timeout', message: '' }).retry).toBe(false);
    expect(selfServiceErrorView({ code: 'outcome-unknown', message: '' }).retry).toBe(false);
    expect(selfServiceErrorView({ code: 'unreachable', message: '' }).retry).toBe(true);
  });

  it("reads the PIN lockout from main's message", () => {
    expect(lockoutSeconds({ code: 'wrong-pin', message: 'Too many wrong PINs; try again in 30 s' })).toBe(30);
    expect(lockoutSeconds({ code: 'wrong-pin', message: 'Wrong PIN' })).toBeUndefined();
    expect(lockoutSeconds({ code: 'internal', message: 'try again in 5 s' })).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// The kiosk store against a fake window.kiosk.

const calls: { name: string; input: unknown }[] = [];
let registerVisit: (input: Registration) => Promise<Result<Visit>> = async () => ({ ok: false, error: { code: 'internal', message: 'not set' } });
const record = (name: string, answer: (input: never) => Promise<unknown>) => (input: never) => {
  calls.push({ name, input });
  return answer(input);
};
const fakeKiosk = {
  registerVisit: record('registerVisit', (input: Registration) => registerVisit(input)),
  searchHosts: record('searchHosts', async () => ({ ok: true, value: [HOST] })),
  saveSettings: record('saveSettings', async () => ({ ok: false, error: { code: 'internal', message: 'must not be called' } })),
  leaveSelfServiceMode: record('leaveSelfServiceMode', async (input: { pin: string }) =>
    input.pin === '2468' ? { ok: true, value: { ...SETTINGS, selfServiceMode: false } } : { ok: false, error: { code: 'wrong-pin', message: 'Wrong PIN' } },
  ),
  on: () => () => {},
} as unknown as KioskApi;
(globalThis as unknown as { kiosk: KioskApi }).kiosk = fakeKiosk;

const SETTINGS = publicSettings({
  demo: true,
  server: '',
  companyno: '',
  photoEncoding: 'data-url',
  secretsSet: { appSecret: false, aesKey: false, aesIv: false },
  secretSource: 'hidden',
  defaultDeviceNos: ['D1', 'D2'],
  defaultVisitMinutes: 60,
  language: 'en',
  selfServiceMode: true,
  selfServiceIdleSeconds: 15,
  adminPinSet: true,
});

const { useSelfServiceStore, useSelfServiceHostSearch } = await import('../../../src-renderer/src/self-service/store');
const { useSettingsStore } = await import('../../../src-renderer/src/settings/store');
const { useLanguageStore } = await import('../../../src-renderer/src/i18n/language-store');

function fillToPhoto() {
  const s = useSelfServiceStore.getState();
  s.start();
  s.setConsent('data', true);
  s.setConsent('photo', true);
  s.next();
  s.update({ name: '王小明', phone: '13912345678', documentNo: '11010519491231002X' });
  s.next();
  s.setHost(HOST);
  s.next();
  s.setPhoto(PHOTO);
}

describe('kiosk store', () => {
  beforeEach(() => {
    calls.length = 0;
    useSettingsStore.getState().apply(SETTINGS);
    useSelfServiceStore.getState().wipe();
  });

  it('starts in Chinese whatever the saved language, and switches for one visitor without saving', () => {
    expect(useLanguageStore.getState().language).toBe('zh-CN');
    useSelfServiceStore.getState().setLanguage('en');
    expect(useLanguageStore.getState().language).toBe('en');
    useSelfServiceStore.getState().wipe();
    expect(useLanguageStore.getState().language).toBe('zh-CN');
    expect(calls.map((c) => c.name)).not.toContain('saveSettings');
  });

  it('walks consent → details → host → photo, checking each screen: nothing is typed before consent', () => {
    const s = useSelfServiceStore.getState();
    s.start();
    expect(useSelfServiceStore.getState().screen).toBe('consent');
    s.setConsent('data', true);
    s.next();
    expect(useSelfServiceStore.getState().screen).toBe('consent');
    expect(useSelfServiceStore.getState().consentReminder).toBe(true);
    s.setConsent('photo', true);
    s.next();
    expect(useSelfServiceStore.getState().screen).toBe('details');
    s.next();
    expect(useSelfServiceStore.getState().screen).toBe('details');
    expect(Object.keys(useSelfServiceStore.getState().fieldErrors).sort()).toEqual(['documentNo', 'name', 'phone']);
    s.update({ name: '王小明', phone: '13912345678', documentNo: '110105194912310021' });
    s.next();
    expect(useSelfServiceStore.getState().fieldErrors.documentNo).toEqual({ key: 'validation.idChecksum' });
    s.update({ documentNo: '11010519491231002X' });
    s.next();
    expect(useSelfServiceStore.getState().screen).toBe('host');
    s.next();
    expect(useSelfServiceStore.getState().fieldErrors.host).toBeDefined();
    s.setHost(HOST);
    s.next();
    expect(useSelfServiceStore.getState().screen).toBe('photo');
    s.back();
    s.back();
    s.back();
    expect(useSelfServiceStore.getState().screen, 'back from details: the consent, still given').toBe('consent');
    expect(useSelfServiceStore.getState().consent).toEqual({ data: true, photo: true });
  });

  it('declining the photo on the first screen sends the visitor to reception before anything is typed', () => {
    const s = useSelfServiceStore.getState();
    s.start();
    s.setConsent('data', true);
    s.declinePhoto();
    const state = useSelfServiceStore.getState();
    expect(state.screen).toBe('reception');
    expect(state.reception).toBe('no-photo');
    expect(state.consent).toEqual({ data: false, photo: false });
    expect(calls.map((c) => c.name)).not.toContain('registerVisit');
  });

  it('a declined consent sends nothing and forgets everything', () => {
    const s = useSelfServiceStore.getState();
    s.start();
    useSelfServiceHostSearch.getState().showText('张');
    s.setConsent('data', true);
    s.decline();
    const state = useSelfServiceStore.getState();
    expect(state.screen).toBe('reception');
    expect(state.reception).toBe('declined');
    expect(state.draft).toEqual(emptyDraft());
    expect(state.consent).toEqual({ data: false, photo: false });
    expect(useSelfServiceHostSearch.getState().text).toBe('');
    expect(calls).toEqual([]);
  });

  it('submits with channel kiosk, both consents and the default doors; done keeps only what the screen shows', async () => {
    registerVisit = async () => ({
      ok: true,
      value: visit(
        'pushed',
        [
          { no: 'D1', state: 'pushed' },
          { no: 'D2', state: 'pushed' },
        ],
        '4321',
      ),
    });
    fillToPhoto();
    useSelfServiceStore.getState().next();
    expect(useSelfServiceStore.getState().screen).toBe('submitting');
    await vi.waitFor(() => expect(useSelfServiceStore.getState().screen).toBe('done'));
    const sent = calls.find((c) => c.name === 'registerVisit')?.input as Registration;
    expect(sent).toMatchObject({ channel: 'kiosk', consent: { data: true, photo: true }, deviceNos: ['D1', 'D2'], hostNo: 'H1', name: '王小明' });
    expect(Date.parse(sent.end) - Date.parse(sent.begin)).toBe(60 * 60_000);
    const state = useSelfServiceStore.getState();
    expect(state.done).toEqual({ hostName: '张伟', number: '4321', doorsPending: false });
    expect(state.draft).toEqual(emptyDraft());
  });

  it('keeps everything typed after a failed call, and offers the same call again', async () => {
    let answer: Result<Visit> = { ok: false, error: { code: 'unreachable', message: 'ECONNREFUSED' } };
    registerVisit = async () => answer;
    fillToPhoto();
    await useSelfServiceStore.getState().submit();
    let state = useSelfServiceStore.getState();
    expect(state.screen).toBe('failed');
    expect(state.error?.code).toBe('unreachable');
    expect(state.draft.name).toBe('王小明');
    expect(state.draft.photo).toEqual(PHOTO);
    answer = { ok: true, value: visit('pushed', undefined, '77') };
    await state.submit();
    state = useSelfServiceStore.getState();
    expect(state.screen).toBe('done');
    expect(calls.filter((c) => c.name === 'registerVisit')).toHaveLength(2);
  });

  it('goes back to the field main refused, with its message', async () => {
    registerVisit = async () => ({ ok: false, error: { code: 'invalid-input', message: 'mobile', field: 'phone' } });
    fillToPhoto();
    await useSelfServiceStore.getState().submit();
    const state = useSelfServiceStore.getState();
    expect(state.screen).toBe('details');
    expect(state.fieldErrors.phone).toEqual({ key: 'validation.phone' });
    expect(state.draft.photo).toEqual(PHOTO);
  });

  it('never resends an unknown outcome: reception, and the data forgotten', async () => {
    registerVisit = async () => ({ ok: false, error: { code: 'outcome-unknown', message: 'socket hang up' } });
    fillToPhoto();
    await useSelfServiceStore.getState().submit();
    const state = useSelfServiceStore.getState();
    expect(state.screen).toBe('reception');
    expect(state.reception).toBe('unknown');
    expect(state.draft).toEqual(emptyDraft());
  });

  it('without default doors sends the visitor to reception before anything is typed', async () => {
    useSettingsStore.getState().apply({ ...SETTINGS, defaultDeviceNos: [] });
    useSelfServiceStore.getState().start();
    expect(useSelfServiceStore.getState()).toMatchObject({ screen: 'reception', reception: 'no-devices' });
    expect(calls).toEqual([]);
  });

  it('the idle wipe forgets the draft, the photo, the consent and the host search', () => {
    fillToPhoto();
    useSelfServiceHostSearch.getState().showText('张伟');
    const session = useSelfServiceStore.getState().session;
    useSelfServiceStore.getState().wipe();
    const state = useSelfServiceStore.getState();
    expect(state.screen).toBe('welcome');
    expect(state.draft).toEqual(emptyDraft());
    expect(state.consent).toEqual({ data: false, photo: false });
    expect(state.session).toBeGreaterThan(session);
    expect(useSelfServiceHostSearch.getState().text).toBe('');
  });

  it('leaves kiosk mode only with the right PIN', async () => {
    const wrong = await useSelfServiceStore.getState().leave('0000');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(useSettingsStore.getState().settings?.selfServiceMode).toBe(true);
    const right = await useSelfServiceStore.getState().leave('2468');
    expect(right.ok).toBe(true);
    expect(useSettingsStore.getState().settings?.selfServiceMode).toBe(false);
    // The staff's saved language is back.
    expect(useLanguageStore.getState().language).toBe('en');
  });
});
