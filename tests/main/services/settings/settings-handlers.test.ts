import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type ApiHandlers } from '../../../../src-main/ipc/dispatch';
import { ClientProvider } from '../../../../src-main/services/connection/client-provider';
import { ADMIN_SESSION_MS, settingsHandlers } from '../../../../src-main/services/settings/settings-handlers';
import { SECRETS, settingsRig as setup } from '../../../helpers/settings-rig';

describe('settings handlers', () => {
  function handlersSetup(extra: { openDevTools?: () => boolean } = {}) {
    const ctx = setup();
    const setSelfServiceMode = vi.fn();
    const clock = { ms: Date.parse('2030-01-01T09:00:00Z') };
    const clients = new ClientProvider(ctx.settings, { log: ctx.log });
    const handlers = settingsHandlers({ settings: ctx.settings, clients, isDemo: () => false, setSelfServiceMode, now: () => clock.ms, ...extra });
    const dispatch = createDispatcher(handlers as ApiHandlers);
    return { ...ctx, handlers, dispatch, setSelfServiceMode, clock };
  }

  it('once a PIN is set, main wants it before settings change (the language excepted), for a 15-minute session', async () => {
    const { dispatch, settings, clock } = handlersSetup();
    expect(await dispatch('setAdminPin', { next: '8642' })).toMatchObject({ ok: true });
    clock.ms += ADMIN_SESSION_MS; // the admin who set it has walked away
    expect(await dispatch('saveSettings', { server: 'http://10.1.2.3:8030' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(await dispatch('findCryptoProfile', undefined)).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(settings.values.server).toBe('');
    expect(await dispatch('saveSettings', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });

    expect(await dispatch('verifyAdminPin', { pin: '0000' })).toEqual({ ok: true, value: false });
    expect(await dispatch('saveSettings', { server: 'http://10.1.2.3:8030' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(await dispatch('verifyAdminPin', { pin: '8642' })).toEqual({ ok: true, value: true });
    clock.ms += ADMIN_SESSION_MS - 1;
    expect(await dispatch('saveSettings', { server: 'http://10.1.2.3:8030' })).toMatchObject({ ok: true, value: { server: 'http://10.1.2.3:8030' } });
    clock.ms += ADMIN_SESSION_MS - 1; // each admin call renews the session
    expect(await dispatch('saveSettings', { companyno: 'C9' })).toMatchObject({ ok: true });
    clock.ms += ADMIN_SESSION_MS;
    expect(await dispatch('saveSettings', { companyno: 'C10' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(settings.values.companyno).toBe('C9');
  });

  it('the webcam is the desk’s choice, start at login and DevTools are the administrator’s', async () => {
    let opened = 0;
    const { dispatch, settings, clock } = handlersSetup({ openDevTools: () => (opened++, true) });
    expect(await dispatch('setAdminPin', { next: '8642' })).toMatchObject({ ok: true });
    clock.ms += ADMIN_SESSION_MS;
    expect(await dispatch('saveSettings', { cameraId: 'usb-cam-2' })).toMatchObject({ ok: true, value: { cameraId: 'usb-cam-2' } });
    expect(await dispatch('saveSettings', { startAtLogin: true })).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(await dispatch('openDevTools', undefined)).toMatchObject({ ok: false, error: { code: 'pin-required' } });
    expect(opened).toBe(0);
    expect(await dispatch('verifyAdminPin', { pin: '8642' })).toEqual({ ok: true, value: true });
    expect(await dispatch('saveSettings', { startAtLogin: true })).toMatchObject({ ok: true, value: { startAtLogin: true } });
    expect(await dispatch('openDevTools', undefined)).toEqual({ ok: true, value: true });
    expect(opened).toBe(1);
    expect(settings.values.startAtLogin).toBe(true);
  });

  it("refuses to enter kiosk mode with 'pin-required' while no PIN is set, changing nothing", async () => {
    const { dispatch, setSelfServiceMode, settings } = handlersSetup();
    expect(await dispatch('saveSettings', { selfServiceMode: true, language: 'en' })).toEqual({
      ok: false,
      error: { code: 'pin-required', message: expect.any(String), field: 'selfServiceMode' },
    });
    expect(settings.values.selfServiceMode).toBe(false);
    expect(settings.values.language).toBe('zh-CN');
    expect(setSelfServiceMode).not.toHaveBeenCalled();
    // Other changes, and kiosk mode "off", are still fine without a PIN.
    expect(await dispatch('saveSettings', { selfServiceMode: false, language: 'en' })).toMatchObject({
      ok: true,
      value: { selfServiceMode: false, language: 'en' },
    });
    expect(setSelfServiceMode).not.toHaveBeenCalled();

    // With a PIN set it can be turned on, and the window follows.
    await dispatch('setAdminPin', { next: '2468' });
    expect(await dispatch('saveSettings', { selfServiceMode: true })).toMatchObject({ ok: true, value: { selfServiceMode: true, adminPinSet: true } });
    expect(setSelfServiceMode).toHaveBeenLastCalledWith(true);
    expect(await dispatch('leaveSelfServiceMode', { pin: '2468' })).toMatchObject({ ok: true, value: { selfServiceMode: false } });
    expect(setSelfServiceMode).toHaveBeenLastCalledWith(false);
    expect(setSelfServiceMode).toHaveBeenCalledTimes(2);
  });

  it('keeps the PIN while kiosk mode is on: it can be changed but not removed', async () => {
    const { dispatch, settings } = handlersSetup();
    await dispatch('setAdminPin', { next: '1357' });
    await dispatch('saveSettings', { selfServiceMode: true });
    expect(await dispatch('setAdminPin', { current: '1357', next: '' })).toMatchObject({ ok: false, error: { code: 'pin-required', field: 'next' } });
    expect(settings.hasPin()).toBe(true);
    expect(await dispatch('setAdminPin', { current: '1357', next: '97531' })).toMatchObject({ ok: true, value: { adminPinSet: true, selfServiceMode: true } });
    expect(await dispatch('leaveSelfServiceMode', { pin: '97531' })).toMatchObject({ ok: true, value: { selfServiceMode: false } });
    expect(await dispatch('setAdminPin', { current: '97531', next: '' })).toMatchObject({ ok: true, value: { adminPinSet: false } });
  });

  it('refuses to turn kiosk mode off through saveSettings while a PIN is set; leaveSelfServiceMode takes the PIN', async () => {
    const { dispatch, setSelfServiceMode, settings } = handlersSetup();
    expect(await dispatch('setAdminPin', { next: '4321' })).toMatchObject({ ok: true, value: { adminPinSet: true } });
    await dispatch('saveSettings', { selfServiceMode: true });
    expect(await dispatch('saveSettings', { selfServiceMode: false })).toEqual({
      ok: false,
      error: { code: 'pin-required', message: expect.any(String), field: 'selfServiceMode' },
    });
    expect(settings.values.selfServiceMode).toBe(true);
    // Other changes are still allowed, and turning it "on" again is harmless.
    expect(await dispatch('saveSettings', { selfServiceMode: true, language: 'en' })).toMatchObject({ ok: true });

    expect(await dispatch('leaveSelfServiceMode', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(settings.values.selfServiceMode).toBe(true);
    setSelfServiceMode.mockClear();
    expect(await dispatch('leaveSelfServiceMode', { pin: '4321' })).toMatchObject({ ok: true, value: { selfServiceMode: false } });
    expect(setSelfServiceMode).toHaveBeenCalledWith(false);
  });

  it('verifies the PIN and reports a wrong current PIN', async () => {
    const { dispatch } = handlersSetup();
    expect(await dispatch('verifyAdminPin', { pin: '' })).toEqual({ ok: true, value: true });
    await dispatch('setAdminPin', { next: '123456' });
    expect(await dispatch('verifyAdminPin', { pin: '123456' })).toEqual({ ok: true, value: true });
    expect(await dispatch('verifyAdminPin', { pin: '654321' })).toEqual({ ok: true, value: false });
    expect(await dispatch('setAdminPin', { current: '000000', next: '' })).toMatchObject({ ok: false, error: { code: 'wrong-pin' } });
    expect(await dispatch('setAdminPin', { current: '123456', next: '' })).toMatchObject({ ok: true, value: { adminPinSet: false } });
  });

  it('gives public settings without secrets from getSettings and saveSettings', async () => {
    const { dispatch } = handlersSetup();
    const saved = await dispatch('saveSettings', { server: 'http://k30.local:8030', companyno: 'C001', ...SECRETS });
    const got = await dispatch('getSettings', undefined);
    expect(got).toEqual(saved);
    const text = JSON.stringify([saved, got]);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });

  it("reports 'not-configured' from testConnection when nothing is set", async () => {
    const { dispatch } = handlersSetup();
    expect(await dispatch('testConnection', undefined)).toEqual({
      ok: true,
      value: { ok: false, failure: 'not-configured', message: expect.any(String), profile: 'aes-cbc' },
    });
  });
});
