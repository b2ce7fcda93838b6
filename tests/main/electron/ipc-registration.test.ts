/** Registering the contract's calls on ipcMain: every call, sender checked, schema checked. */
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel, type Result } from '../../../src-preload/contract';
import { registerIpc } from '../../../src-main/electron/ipc-registration';

describe('registerIpc', () => {
  function fakeIpcMain() {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    return {
      handlers,
      handle: (channel: string, listener: (event: never, ...args: never[]) => unknown) => {
        handlers.set(channel, listener as never);
      },
      removeHandler: (channel: string) => {
        handlers.delete(channel);
      },
    };
  }

  it('registers one handler per call; refuses an untrusted sender before dispatching', async () => {
    const ipc = fakeIpcMain();
    const dispatch = vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { name, input } }));
    const refused: string[] = [];
    const trustedEvent = { trusted: true };
    const undo = registerIpc(
      ipc,
      dispatch,
      (event) => (event as unknown as typeof trustedEvent).trusted === true,
      (channel) => refused.push(channel),
    );
    expect([...ipc.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());

    expect(await ipc.handlers.get(callChannel('searchHosts'))!(trustedEvent, { query: 'li' })).toEqual({
      ok: true,
      value: { name: 'searchHosts', input: { query: 'li' } },
    });
    expect(await ipc.handlers.get(callChannel('searchHosts'))!({ trusted: false }, { query: 'li' })).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: 'sender not allowed' },
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(refused).toEqual([callChannel('searchHosts')]);

    // A sender check that throws counts as a refusal.
    const ipc2 = fakeIpcMain();
    registerIpc(ipc2, dispatch, () => {
      throw new Error('frame gone');
    });
    expect(await ipc2.handlers.get(callChannel('getSettings'))!({}, undefined)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(dispatch).toHaveBeenCalledTimes(1);

    undo();
    expect(ipc.handlers.size).toBe(0);
  });
});
