/** What the preload exposes as window.kiosk: exactly the contract's calls and events. */
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_NAMES, type CallName, type EventName, type Result } from '../../src-preload/contract';
import { createKioskApi } from '../../src-preload/kiosk-api';

describe('createKioskApi (what the preload exposes)', () => {
  it('has exactly one method per call plus on, and passes name and input through', async () => {
    const invoke = vi.fn(async (name: CallName, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: [name, input] }));
    const api = createKioskApi(invoke, () => () => {});
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.searchHosts({ query: 'wang' })).toEqual({ ok: true, value: ['searchHosts', { query: 'wang' }] });
    expect(await api.getSettings()).toEqual({ ok: true, value: ['getSettings', undefined] });
  });

  it('never throws from a call: a failing transport is an internal error Result', async () => {
    const api = createKioskApi(
      async () => {
        throw new Error('Error invoking remote method: secret stack');
      },
      () => () => {},
    );
    const result = await api.listVisits();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret stack');
    const odd = createKioskApi(
      async () => 'not a result' as never,
      () => () => {},
    );
    expect(await odd.listVisits()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes to known events only, hands over the payload alone, and unsubscribes once', () => {
    const listeners = new Map<EventName, (payload: unknown) => void>();
    const unsubscribed: EventName[] = [];
    const api = createKioskApi(
      async () => ({ ok: true, value: null }),
      (event, listener) => {
        listeners.set(event, listener);
        return () => unsubscribed.push(event);
      },
    );
    const seen: unknown[] = [];
    const off = api.on('settingsChanged', (payload) => seen.push(payload));
    listeners.get('settingsChanged')!({ language: 'en' });
    expect(seen).toEqual([{ language: 'en' }]);
    off();
    off();
    expect(unsubscribed).toEqual(['settingsChanged']);
    listeners.get('settingsChanged')!({ language: 'zh-CN' });
    expect(seen).toHaveLength(1);
    expect(() => api.on('nope' as EventName, () => {})).toThrow(TypeError);
    expect(EVENT_NAMES.length).toBeGreaterThan(0);
  });
});
