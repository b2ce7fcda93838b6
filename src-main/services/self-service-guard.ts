import { CALL_NAMES, type AppStatus, type CallName, type PublicSettings } from '../../src-preload/contract';
import type { ApiHandlers } from './api-types';
import { AppError } from './app-error';
import { RateWindow } from './rate-window';
import { selfServiceSettingsView, selfServiceStatusView } from './self-service-session';

/**
 * What a self-service kiosk may ask for. In kiosk mode a visitor stands at the screen with nobody
 * watching, so main itself refuses every other call (lists, settings, doors, other visitors'
 * data): the renderer hiding them is not enough.
 */
export const SELF_SERVICE_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'getSettings',
  'getStatus',
  'searchHosts',
  'registerVisit',
  // Only the visitor's own full phone + document tail (the contract's shape); rate-limited below.
  'findMyProfile',
  /** "I'm leaving" by the visit code (main rate-limits wrong codes). */
  'signOutByCode',
  'resetSelfServiceSession',
  'verifyAdminPin',
  'leaveSelfServiceMode',
  'reportRendererError',
]);

/** Host searches a kiosk may make per minute: enough to type a few names, too few to walk the directory. */
export const SELF_SERVICE_SEARCHES_PER_MINUTE = 20;
/** Returning-visitor look-ups a kiosk may make per minute: a typo or two, never a walk through document tails. */
export const SELF_SERVICE_PROFILE_LOOKUPS_PER_MINUTE = 5;

export interface SelfServiceGuardDeps {
  isSelfServiceMode: () => boolean;
  /** The administrator's doors: a visitor registering themselves gets these and no others. */
  defaultDeviceNos: () => string[];
  /** Self-registrations allowed per minute (setting selfServiceRegistrationsPerMinute). */
  registrationsPerMinute?: () => number;
  /** The clock for the per-minute limits (tests move it). */
  now?: () => number;
}

export function guardSelfServiceMode(handlers: ApiHandlers, deps: SelfServiceGuardDeps): ApiHandlers {
  const now = deps.now ?? Date.now;
  const registrations = new RateWindow(deps.registrationsPerMinute ?? (() => 3), 60_000, now);
  const searches = new RateWindow(() => SELF_SERVICE_SEARCHES_PER_MINUTE, 60_000, now);
  const profileLookups = new RateWindow(() => SELF_SERVICE_PROFILE_LOOKUPS_PER_MINUTE, 60_000, now);
  const guarded = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    guarded[name] = async (input) => {
      if (!deps.isSelfServiceMode()) return handler(input);
      if (!SELF_SERVICE_CALLS.has(name)) throw new AppError('not-allowed', `${name} is not available in kiosk mode`);
      if (name === 'registerVisit') {
        checkSelfRegistration(input as Parameters<ApiHandlers['registerVisit']>[0], deps.defaultDeviceNos());
        if (!registrations.take()) {
          throw new AppError('too-many-registrations', `too many self-registrations; try again in ${registrations.waitSeconds()} s`);
        }
      }
      if (name === 'findMyProfile' && !profileLookups.take())
        throw new AppError('rate-limited', `too many look-ups; try again in ${profileLookups.waitSeconds()} s`);
      if (name === 'searchHosts' && !searches.take()) throw new AppError('rate-limited', `too many host searches; try again in ${searches.waitSeconds()} s`);
      const output = await handler(input);
      // Nothing about the connection reaches a kiosk page (the company number would let it sign),
      // nor another visitor's name.
      if (name === 'getSettings') return selfServiceSettingsView(output as PublicSettings);
      if (name === 'getStatus') return selfServiceStatusView(output as AppStatus);
      return output;
    };
  }
  return guarded as ApiHandlers;
}

function checkSelfRegistration(input: Parameters<ApiHandlers['registerVisit']>[0], defaults: string[]): void {
  if (input.channel !== 'kiosk') throw new AppError('not-allowed', 'kiosk mode registers self-service visits only', 'channel');
  // Nobody at a kiosk overrides the deny list: only reception, with an administrator's PIN.
  if (input.denyListOverride) throw new AppError('not-allowed', 'the deny list is overridden at reception only', 'denyListOverride');
  const same = input.deviceNos.length === defaults.length && input.deviceNos.every((no) => defaults.includes(no));
  if (!same) throw new AppError('not-allowed', 'a self-registered visit gets the default doors only', 'deviceNos');
}
