import { CALL_NAMES, type CallName } from '../../src-preload/contract';
import type { ApiHandlers } from './api-types';
import { AppError } from './app-error';

/**
 * What a self-service kiosk may ask for. In kiosk mode a visitor stands at the screen with nobody
 * watching, so main itself refuses every other call (lists, settings, doors, other visitors'
 * data): the renderer hiding them is not enough.
 */
export const SELF_SERVICE_CALLS: ReadonlySet<CallName> = new Set<CallName>(['getSettings', 'getStatus', 'searchHosts', 'registerVisit', 'verifyAdminPin', 'leaveSelfServiceMode', 'reportRendererError']);

export interface SelfServiceGuardDeps {
  isSelfServiceMode: () => boolean;
  /** The administrator's doors: a visitor registering themselves gets these and no others. */
  defaultDeviceNos: () => string[];
}

export function guardSelfServiceMode(handlers: ApiHandlers, deps: SelfServiceGuardDeps): ApiHandlers {
  const guarded = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    guarded[name] = async (input) => {
      if (deps.isSelfServiceMode()) {
        if (!SELF_SERVICE_CALLS.has(name)) throw new AppError('not-allowed', `${name} is not available in kiosk mode`);
        if (name === 'registerVisit') checkSelfRegistration(input as Parameters<ApiHandlers['registerVisit']>[0], deps.defaultDeviceNos());
      }
      return handler(input);
    };
  }
  return guarded as ApiHandlers;
}

function checkSelfRegistration(input: Parameters<ApiHandlers['registerVisit']>[0], defaults: string[]): void {
  if (input.channel !== 'kiosk') throw new AppError('not-allowed', 'kiosk mode registers self-service visits only', 'channel');
  const same = input.deviceNos.length === defaults.length && input.deviceNos.every((no) => defaults.includes(no));
  if (!same) throw new AppError('not-allowed', 'a self-registered visit gets the default doors only', 'deviceNos');
}
