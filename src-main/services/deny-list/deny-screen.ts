import { AppError } from '../app-error';
import { diskProblemOf } from '../visits/ledger-disk';
import type { ScreenInput } from '../visits/registration';
import type { AuditLog } from '../audit/audit-log';
import type { IdentityService } from '../identity/identity-service';
import type { MainEvents } from '../main-events';
import type { DenyList } from './deny-list';

export interface DenyScreenDeps {
  denyList: DenyList;
  identity: IdentityService;
  audit: AuditLog;
  events: MainEvents;
  isSelfServiceMode: () => boolean;
  now?: () => Date;
}

/**
 * The deny-list check every registration passes before anything is recorded or sent to K30.
 * Reception is told who matched and why (AppError 'deny-listed' with the entries) and may go ahead
 * only with an administrator's PIN, recorded in the audit log before anything is sent (a log that
 * cannot be written refuses the override). The kiosk says only "please see reception"
 * ('see-reception'), never why; no override there. Every hit is announced on `denyListHit`.
 */
export function denyScreen(deps: DenyScreenDeps) {
  const now = deps.now ?? (() => new Date());
  return async function screen(input: ScreenInput, visitId: string): Promise<void> {
    const entries = deps.denyList.check({ phone: input.phone, documentNo: input.documentNo });
    if (entries.length === 0) return;
    const selfService = deps.isSelfServiceMode() || input.channel === 'kiosk';
    const detail = `entries ${entries.map((e) => e.id).join(', ')}`;
    const hit = (outcome: 'blocked' | 'overridden') =>
      deps.events.emit('denyListHit', {
        at: now().toISOString(),
        station: deps.identity.station(),
        channel: selfService ? 'kiosk' : 'reception',
        visitorName: input.name,
        entries: entries.map(({ id, name, reason }) => ({ id, name, reason })),
        outcome,
        ...(outcome === 'overridden' ? { visitId } : {}),
      });

    if (selfService || !input.denyListOverride) {
      deps.audit.note({ actor: deps.identity.actor(selfService), action: 'deny-list-blocked', outcome: 'refused', detail });
      hit('blocked');
      if (selfService) throw new AppError('see-reception', 'Please see reception');
      throw new AppError('deny-listed', 'This visitor is on the deny list', undefined, { denyList: { entries } });
    }

    let admin;
    try {
      admin = deps.identity.actorByPin(input.denyListOverride.pin, ['admin']);
    } catch (error) {
      deps.audit.note({
        actor: deps.identity.actor(false),
        action: 'deny-list-override',
        outcome: 'refused',
        detail: `${detail}; ${(error as AppError).code ?? 'error'}`,
      });
      throw error;
    }
    // Written before anything is sent: an override that cannot be recorded does not happen.
    try {
      await deps.audit.record({ actor: admin, action: 'deny-list-override', outcome: 'ok', visitId, detail });
    } catch (error) {
      throw new AppError('disk-error', 'The override could not be recorded; nothing was sent to K30', undefined, { disk: diskProblemOf(error) });
    }
    hit('overridden');
  };
}
