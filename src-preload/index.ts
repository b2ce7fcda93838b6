/**
 * The preload: exposes exactly the contract's calls and events as `window.kiosk`. The page gets
 * no ipcRenderer, no IpcRendererEvent, no channel it could choose itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannel, eventChannel } from './channels';
import type { Result } from './contract';
import { createKioskApi } from './kiosk-api';

const api = createKioskApi(
  async (name, input) => {
    try {
      return (await ipcRenderer.invoke(callChannel(name), input)) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'the call did not reach the app' } };
    }
  },
  (event, listener) => {
    const channel = eventChannel(event);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('kiosk', api);
