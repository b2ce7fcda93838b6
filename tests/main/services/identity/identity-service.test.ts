import { describe, expect, it } from 'vitest';
import { IdentityService, STAFF_SESSION_MS } from '../../../../src-main/services/identity/identity-service';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { STAFF_KEY } from '../../../../src-main/services/settings/settings-schema';
import { mapStore, memoryLogger, testSecretBox } from '../../../helpers/test-ports';

const ADMIN_PIN = '2468';

function setup(options: { adminPin?: boolean } = {}) {
  const store = mapStore();
  const log = memoryLogger();
  let clock = 1_000_000;
  const settings = new SettingsService(store, testSecretBox(), log, { scryptN: 2 ** 10, now: () => clock, hostName: () => 'PC-01' });
  if (options.adminPin !== false) settings.setPin(undefined, ADMIN_PIN);
  const identity = new IdentityService({ settings, store, log, now: () => clock });
  return { store, settings, identity, log, advance: (ms: number) => (clock += ms) };
}

describe('IdentityService: the station and its staff', () => {
  it('names the station by the setting, else the computer', () => {
    const { settings, identity } = setup();
    expect(identity.station()).toBe('PC-01');
    settings.save({ stationName: '一楼前台' });
    expect(identity.station()).toBe('一楼前台');
  });

  it('lists the admin PIN as the first administrator and keeps staff PINs only as scrypt hashes', () => {
    const { identity, store } = setup();
    const staff = identity.addStaff({ name: '王芳', role: 'reception', pin: '13579' });
    expect(staff).toEqual([
      { id: 'admin', name: '', role: 'admin', builtIn: true },
      { id: expect.any(String), name: '王芳', role: 'reception', builtIn: false },
    ]);
    const stored = JSON.stringify(store.raw.get(STAFF_KEY));
    expect(stored).not.toContain('13579');
    expect(stored).toMatch(/"pinHash":"scrypt\$/);
  });

  it('wants an admin PIN before staff, a PIN nobody else has, and never removes the built-in admin', () => {
    expect(() => setup({ adminPin: false }).identity.addStaff({ name: '甲', role: 'security', pin: '1111' })).toThrow(
      expect.objectContaining({ code: 'pin-required' }),
    );
    const { identity } = setup();
    identity.addStaff({ name: '甲', role: 'security', pin: '1111' });
    expect(() => identity.addStaff({ name: '乙', role: 'reception', pin: '1111' })).toThrow(expect.objectContaining({ code: 'invalid-input', field: 'pin' }));
    expect(() => identity.addStaff({ name: '乙', role: 'reception', pin: ADMIN_PIN })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => identity.removeStaff('admin')).toThrow(expect.objectContaining({ code: 'not-allowed' }));
  });
});

describe('IdentityService: who is acting', () => {
  it('with staff sign-in off the station acts; in kiosk mode, self-service', () => {
    const { identity, settings } = setup();
    expect(identity.requireActor()).toEqual({ station: 'PC-01', kind: 'station' });
    settings.save({ selfServiceMode: true });
    expect(identity.actor()).toEqual({ station: 'PC-01', kind: 'self-service' });
  });

  it('with sign-in on, changes want a member who gave their PIN, found by main from the PIN alone', () => {
    const { identity, settings, advance } = setup();
    identity.addStaff({ name: '王芳', role: 'reception', pin: '13579' });
    settings.save({ staffSignIn: true });
    expect(() => identity.requireActor()).toThrow(expect.objectContaining({ code: 'staff-required' }));
    expect(identity.signIn('13579')).toMatchObject({ staffSignIn: true, staff: { name: '王芳', role: 'reception' } });
    expect(identity.requireActor()).toMatchObject({ kind: 'staff', staffName: '王芳', role: 'reception', station: 'PC-01' });
    // A reception member cannot act as an administrator.
    expect(() => identity.requireActor(['admin'])).toThrow(expect.objectContaining({ code: 'not-allowed' }));
    // Each action renews the session; idle past it, the PIN is asked again.
    advance(STAFF_SESSION_MS - 1);
    identity.requireActor();
    advance(STAFF_SESSION_MS - 1);
    expect(identity.requireActor()).toMatchObject({ staffName: '王芳' });
    advance(STAFF_SESSION_MS);
    expect(() => identity.requireActor()).toThrow(expect.objectContaining({ code: 'staff-required' }));
  });

  it('a PIN given there and then (door, override) names its member and is checked against the roles', () => {
    const { identity } = setup();
    identity.addStaff({ name: '保安甲', role: 'security', pin: '97531' });
    expect(identity.actorByPin('97531')).toMatchObject({ kind: 'staff', staffName: '保安甲', role: 'security' });
    expect(() => identity.actorByPin('97531', ['admin'])).toThrow(expect.objectContaining({ code: 'not-allowed' }));
    expect(identity.actorByPin(ADMIN_PIN, ['admin'])).toMatchObject({ staffId: 'admin', staffName: 'admin', role: 'admin' });
    expect(() => identity.actorByPin('0000')).toThrow(expect.objectContaining({ code: 'wrong-pin' }));
  });

  it('the security role may see full numbers (signed in), reception may not', () => {
    const { identity } = setup();
    identity.addStaff({ name: '保安甲', role: 'security', pin: '97531' });
    identity.addStaff({ name: '王芳', role: 'reception', pin: '13579' });
    identity.signIn('13579');
    expect(identity.signedInAs(['admin', 'security'])).toBe(false);
    identity.signIn('97531');
    expect(identity.signedInAs(['admin', 'security'])).toBe(true);
    identity.signOut();
    expect(identity.signedInAs(['admin', 'security'])).toBe(false);
  });

  it('wrong staff PINs share the admin PIN lockout', () => {
    const { identity, settings } = setup();
    for (let i = 0; i < 5; i++) expect(() => identity.signIn('0000')).toThrow(expect.objectContaining({ code: 'wrong-pin' }));
    expect(() => identity.signIn(ADMIN_PIN)).toThrow(/Too many wrong PINs/);
    expect(() => settings.verifyPin(ADMIN_PIN)).toThrow(/Too many wrong PINs/);
  });

  it('an admin member of staff passes as administrator; reception does not', () => {
    const { identity } = setup();
    identity.addStaff({ name: '李主管', role: 'admin', pin: '86420' });
    identity.addStaff({ name: '王芳', role: 'reception', pin: '13579' });
    expect(identity.isAdminPin('86420')).toBe(true);
    expect(identity.acting().staff).toEqual({ name: '李主管', role: 'admin' });
    expect(identity.isAdminPin('13579')).toBe(false);
    expect(setup({ adminPin: false }).identity.isAdminPin('')).toBe(true);
  });
});
