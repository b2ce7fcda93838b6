import { afterEach, describe, expect, it } from 'vitest';
import { call, setStaffPrompt } from '../../src-renderer/src/api';
import { describeError, translator } from '../../src-renderer/src/i18n/translate';

const calls: { name: string; input: unknown }[] = [];
const staffRequired = { ok: false, error: { code: 'staff-required', message: 'Staff sign-in is on: give your PIN first' } };

function bridge(answers: Record<string, unknown[]>) {
  (globalThis as { kiosk?: unknown }).kiosk = new Proxy(
    {},
    { get: (_t, name: string) => async (input: unknown) => (calls.push({ name, input }), answers[name]?.shift() ?? { ok: true, value: true }) },
  );
}

afterEach(() => {
  calls.length = 0;
  delete (globalThis as { kiosk?: unknown }).kiosk;
});

describe('call: who is acting', () => {
  it('asks for a PIN when main wants one, then sends the same call again', async () => {
    bridge({ removeVisit: [staffRequired, { ok: true, value: 'removed' }] });
    const asked: string[] = [];
    const off = setStaffPrompt(async (name) => (asked.push(name), '13579'));
    expect(await call('removeVisit', { visitId: 'v1' })).toEqual({ ok: true, value: 'removed' });
    off();
    expect(asked).toEqual(['removeVisit']);
    expect(calls).toEqual([
      { name: 'removeVisit', input: { visitId: 'v1' } },
      { name: 'removeVisit', input: { visitId: 'v1' } },
    ]);
  });

  it("a door gets the PIN with the call itself; a cancelled prompt returns main's refusal", async () => {
    bridge({ openDoor: [staffRequired, { ok: true, value: true }], removeVisit: [staffRequired] });
    const off = setStaffPrompt(async (name) => (name === 'openDoor' ? '97531' : null));
    expect(await call('openDoor', { deviceNo: 'D1001' })).toEqual({ ok: true, value: true });
    expect(calls[1]).toEqual({ name: 'openDoor', input: { deviceNo: 'D1001', pin: '97531' } });
    expect(await call('removeVisit', { visitId: 'v1' })).toMatchObject({ ok: false, error: { code: 'staff-required' } });
    off();
  });
});

describe('describeError: our words for PIN, staff and deny-list refusals', () => {
  it("never shows main's English message for them, and says how long a lockout lasts", () => {
    const t = translator('zh-CN');
    expect(describeError(t, { code: 'wrong-pin', message: 'Wrong PIN' })).toEqual({ message: t('error.wrong-pin') });
    expect(describeError(t, { code: 'wrong-pin', message: 'Too many wrong PINs; try again in 30 s' })).toEqual({ message: 'PIN 错误次数过多：请 30 秒后再试' });
    expect(describeError(t, { code: 'deny-listed', message: 'This visitor is on the deny list' })).toEqual({ message: t('error.deny-listed') });
    expect(describeError(t, { code: 'staff-required', message: 'Staff sign-in is on' }).detail).toBeUndefined();
  });
});
