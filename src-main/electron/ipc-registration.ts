import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, callChannel, type Result } from '../../src-preload/contract';
import type { Dispatch } from '../ipc/dispatch';

/** The answer to a sender we do not serve: no handler runs. */
export const NOT_ALLOWED: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'not-allowed', message: 'sender not allowed' }),
}) as Result<never>;

/**
 * One `ipcMain.handle` per contract call: the sender is checked first (a refused sender gets a
 * 'not-allowed' Result and no handler runs), then the dispatcher validates and answers. A handler
 * never rejects, so no Electron error (with its stack) reaches the renderer. Returns the undo.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  onRefused: (channel: string) => void = () => {},
): () => void {
  for (const name of CALL_NAMES) {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event) === true;
      } catch {
        trusted = false;
      }
      if (!trusted) {
        onRefused(channel);
        return NOT_ALLOWED;
      }
      return dispatch(name, input);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}
