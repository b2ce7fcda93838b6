import type { Actor, AuditAction, AuditOutcome, Visit } from '../../../src-preload/contract';
import { K30TransportError } from '../../k30/client/errors';
import type { ApiHandlers } from '../api-types';
import { AppError } from '../app-error';
import type { IdentityService } from '../identity/identity-service';
import type { SettingsService } from '../settings/settings-service';
import { VisitError } from '../visits/visit-error';
import type { AuditLog, AuditRecord } from './audit-log';

export interface AuditedCallsDeps {
  audit: AuditLog;
  identity: IdentityService;
  settings: SettingsService;
}

/** Refusals that are recorded where they happen (the deny list) or that mean nothing was tried. */
const NOT_TRIED = new Set(['staff-required', 'invalid-input', 'deny-listed', 'see-reception', 'pin-required', 'not-configured', 'app-secret-required']);
const UNKNOWN = new Set(['outcome-unknown', 'timeout', 'not-saved']);
const REFUSED = new Set(['wrong-pin', 'not-allowed', 'deny-list-unavailable', 'too-many-registrations', 'visit-too-long']);

function codeOf(error: unknown): string {
  const cause = error instanceof VisitError ? error.cause : error;
  if (cause instanceof AppError) return cause.code;
  if (cause instanceof K30TransportError) return cause.outcomeUnknown ? 'outcome-unknown' : 'unreachable';
  return (cause as Error)?.name ?? 'error';
}

export function outcomeOfError(error: unknown): AuditOutcome {
  const code = codeOf(error);
  return UNKNOWN.has(code) ? 'unknown' : REFUSED.has(code) ? 'refused' : 'failed';
}

/** Reception accepted a photo that failed a check (issue #15): which checks, and the reason given. */
function photoOverrideEntry(actor: Actor, visit: Visit): AuditRecord[] {
  if (!visit.photoOverride) return [];
  const { failed, reason } = visit.photoOverride;
  return [{ actor, action: 'photo-override', outcome: 'ok', visitId: visit.id, detail: `failed: ${failed.join(', ')}; reason: ${reason}` }];
}

/** What a registration came to: a photo override, the create, then the push to doors. */
function registrationEntries(actor: Actor, visit: Visit, retried: boolean): AuditRecord[] {
  const created = ['created', 'pushed', 'removal-pending', 'removed', 'created-without-no'].includes(visit.state);
  const outcome: AuditOutcome = created ? 'ok' : visit.state === 'create-failed' ? 'failed' : 'unknown';
  const entries: AuditRecord[] = [
    // A retry re-sends the same visit: its override was recorded when it was first registered.
    ...(retried ? [] : photoOverrideEntry(actor, visit)),
    { actor, action: retried ? 'registration-retried' : 'registered', outcome, visitId: visit.id, detail: `${visit.channel}; ${visit.state}` },
  ];
  const tried = visit.devices.filter((d) => d.state !== 'waiting');
  if (created && tried.length > 0) {
    const failed = tried.filter((d) => d.state === 'failed');
    entries.push({
      actor,
      action: 'pushed',
      outcome: failed.length ? 'failed' : 'ok',
      visitId: visit.id,
      detail: `${tried.length - failed.length}/${visit.devices.length} doors`,
    });
  }
  return entries;
}

/**
 * The calls that change data or reveal full numbers, wrapped so that main decides who is acting
 * (asking for a member of staff when sign-in is on) and the audit log records each with its
 * outcome. Results the app already acted on are recorded with `note` (a log that cannot be
 * written does not undo a K30 action); a refused write is in main's log.
 */
export function auditCalls(handlers: ApiHandlers, deps: AuditedCallsDeps): ApiHandlers {
  const { audit, identity, settings } = deps;
  const selfService = () => settings.values.selfServiceMode;

  /** Runs a call as `actor`, recording it as `action` (ok, or the error's outcome). */
  async function recorded<T>(
    actor: Actor,
    action: AuditAction,
    visitId: string | undefined,
    run: () => Promise<T>,
    detail?: (value: T) => string | undefined,
  ): Promise<T> {
    try {
      const value = await run();
      audit.note({ actor, action, outcome: 'ok', visitId, detail: detail?.(value) });
      return value;
    } catch (error) {
      const code = codeOf(error);
      if (!NOT_TRIED.has(code))
        audit.note({
          actor,
          action,
          outcome: outcomeOfError(error),
          visitId: visitId ?? (error instanceof VisitError ? error.visitId : undefined),
          detail: code,
        });
      throw error;
    }
  }

  const wrapped: Partial<ApiHandlers> = {
    async registerVisit(input) {
      const actor = selfService() ? identity.actor(true) : identity.requireActor();
      try {
        const visit = await handlers.registerVisit(input);
        for (const entry of registrationEntries(actor, visit, false)) audit.note(entry);
        return visit;
      } catch (error) {
        const code = codeOf(error);
        // A refused override is recorded by the deny-list screen itself.
        const refusedOverride = input.denyListOverride !== undefined && (code === 'wrong-pin' || code === 'not-allowed');
        if (!NOT_TRIED.has(code) && !refusedOverride) {
          audit.note({
            actor,
            action: 'registered',
            outcome: outcomeOfError(error),
            visitId: error instanceof VisitError ? error.visitId : undefined,
            detail: `${input.channel}; ${code}`,
          });
        }
        throw error;
      }
    },
    async retryRegistration(input) {
      const actor = identity.requireActor();
      try {
        const visit = await handlers.retryRegistration(input);
        for (const entry of registrationEntries(actor, visit, true)) audit.note(entry);
        return visit;
      } catch (error) {
        if (!NOT_TRIED.has(codeOf(error)))
          audit.note({ actor, action: 'registration-retried', outcome: outcomeOfError(error), visitId: input.visitId, detail: codeOf(error) });
        throw error;
      }
    },
    repushVisit: (input) =>
      recorded(
        identity.requireActor(),
        're-pushed',
        input.visitId,
        () => handlers.repushVisit(input),
        (v) => v.devices.map((d) => `${d.no}:${d.state}`).join(', '),
      ),
    async retakePhoto(input) {
      const actor = identity.requireActor();
      try {
        const result = await handlers.retakePhoto(input);
        // Done once the new visitor is at the doors; an old visitor still to delete is in the detail (and retried).
        const outcome: AuditOutcome = result.visit.state === 'pushed' ? 'ok' : 'failed';
        // One entry per visit: ids are kept whole only in visitId (details mask long digit runs).
        for (const entry of photoOverrideEntry(actor, result.visit)) audit.note(entry);
        audit.note({ actor, action: 'photo-retaken', outcome, visitId: input.visitId, detail: `replaced; old ${result.replaced.state}` });
        audit.note({ actor, action: 'photo-retaken', outcome, visitId: result.visit.id, detail: `new ${result.visit.state}; old ${result.replaced.state}` });
        return result;
      } catch (error) {
        const visitId = error instanceof VisitError ? error.visitId : undefined;
        if (!NOT_TRIED.has(codeOf(error))) {
          audit.note({ actor, action: 'photo-retaken', outcome: outcomeOfError(error), visitId: input.visitId, detail: `kept; ${codeOf(error)}` });
          // A new visit was recorded (its create failed or may have happened); a refusal names the blocking one instead.
          if (visitId && visitId !== input.visitId && outcomeOfError(error) !== 'refused')
            audit.note({ actor, action: 'photo-retaken', outcome: outcomeOfError(error), visitId, detail: `new; ${codeOf(error)}` });
        }
        throw error;
      }
    },
    cancelVisit: (input) =>
      recorded(
        identity.requireActor(),
        'registration-cancelled',
        input.visitId,
        () => handlers.cancelVisit(input),
        (v) => v.state,
      ),
    removeVisit: (input) =>
      recorded(
        identity.requireActor(),
        'removed',
        input.visitId,
        () => handlers.removeVisit(input),
        (v) => v.state,
      ),
    signOutVisit: (input) =>
      recorded(
        identity.requireActor(),
        'signed-out',
        input.visitId,
        () => handlers.signOutVisit(input),
        (v) => v.state,
      ),
    // The kiosk's "I'm leaving" by visit code: the visitor acts; which visit stays main's (the kiosk is told nothing).
    signOutByCode: (input) =>
      recorded(
        identity.actor(true),
        'signed-out',
        undefined,
        () => handlers.signOutByCode(input),
        (r) => `kiosk, by visit code; doors ${r.removal}`,
      ),
    // Erasing a returning visitor's profile (PIPL Art. 47): an administrator's act; the detail names the profile id, never the person.
    forgetVisitor: (input) =>
      recorded(
        identity.requireActor(['admin']),
        'visitor-forgotten',
        undefined,
        () => handlers.forgetVisitor(input),
        () => `returning-visitor profile ${input.profileId}`,
      ),
    removeExpired: () =>
      recorded(
        identity.requireActor(),
        'removed',
        undefined,
        () => handlers.removeExpired(undefined),
        (r) => `expired visits: ${r.removed} removed, ${r.pending} pending`,
      ),

    async openDoor(input) {
      let actor: Actor;
      if (settings.values.staffSignIn) {
        if (!input.pin) throw new AppError('staff-required', 'Give your PIN to open a door');
        try {
          actor = identity.actorByPin(input.pin);
        } catch (error) {
          audit.note({ actor: identity.actor(), action: 'door-opened', outcome: 'refused', detail: `${input.deviceNo}; ${codeOf(error)}` });
          throw error;
        }
      } else actor = identity.actor();
      return recorded(
        actor,
        'door-opened',
        undefined,
        () => handlers.openDoor(input),
        () => input.deviceNo,
      );
    },

    async getMuster(input) {
      if (input.phones !== 'full') return handlers.getMuster(input);
      const actor = settings.values.staffSignIn ? identity.requireActor(['admin', 'security']) : identity.actor();
      const muster = await handlers.getMuster(input);
      audit.note({ actor, action: 'full-numbers-shown', outcome: 'ok', detail: `muster ${input.scope}: ${muster.people.length} people` });
      return muster;
    },

    async saveSettings(patch) {
      const before = settings.values.selfServiceMode;
      const keys = Object.keys(patch).join(', ');
      const actor = identity.actor(false);
      const result = await recorded(
        actor,
        'settings-changed',
        undefined,
        () => handlers.saveSettings(patch),
        () => keys,
      );
      if (!before && result.selfServiceMode) audit.note({ actor, action: 'kiosk-mode-entered', outcome: 'ok' });
      if (before && !result.selfServiceMode) audit.note({ actor, action: 'kiosk-mode-left', outcome: 'ok' });
      return result;
    },
    setAdminPin: (input) =>
      recorded(
        identity.actor(false),
        'admin-pin-changed',
        undefined,
        () => handlers.setAdminPin(input),
        () => (input.next === '' ? 'cleared' : 'set'),
      ),
    async leaveSelfServiceMode(input) {
      try {
        const result = await handlers.leaveSelfServiceMode(input);
        audit.note({ actor: identity.actor(false), action: 'kiosk-mode-left', outcome: 'ok' });
        return result;
      } catch (error) {
        audit.note({ actor: identity.actor(true), action: 'kiosk-mode-left', outcome: outcomeOfError(error), detail: codeOf(error) });
        throw error;
      }
    },
  };
  return { ...handlers, ...wrapped };
}
