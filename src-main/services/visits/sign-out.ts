import type { Visit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Logger } from '../ports';
import { RateWindow } from '../rate-window';
import { note, toPublic, type VisitLedger, type VisitRecord } from './ledger';
import { normaliseVisitCode } from './visit-code';

/** What sign-out needs of removal (structurally RemovalSweeper): the existing removal path. */
export interface VisitRemover {
  removeVisit(visitId: string): Promise<Visit>;
}

export interface SignOutDeps {
  ledger: VisitLedger;
  removal: VisitRemover;
  events: EventBus;
  log: Logger;
  now?: () => Date;
  /** Wrong codes allowed per window before every code attempt waits (default 5 per 10 minutes). */
  wrongCodes?: { limit: number; windowMs: number };
}

/** A visit whose visitor exists on K30 under a number we can delete: the only kind one signs out. */
const SIGNABLE = new Set<VisitRecord['state']>(['created', 'pushed', 'removal-pending']);

/** The one answer for every code that does not lead to a visit (a stranger learns nothing). */
const NO_SUCH_CODE = 'this code does not match a visit that can be signed out here';

/**
 * Sign-out (签离): the visit ends now and the visitor is taken off K30 and the doors through the
 * removal path (a failure stays "removal pending" and is retried there). Staff sign a visit out by
 * its id; the kiosk's "I'm leaving" only by the visit code on the slip or done screen — never by
 * phone number, which would let anyone sign a stranger out. Wrong codes are rate-limited here.
 */
export class SignOutService {
  private readonly now: () => Date;
  private readonly wrongCodes: RateWindow;

  constructor(private readonly deps: SignOutDeps) {
    this.now = deps.now ?? (() => new Date());
    const { limit, windowMs } = deps.wrongCodes ?? { limit: 5, windowMs: 10 * 60_000 };
    this.wrongCodes = new RateWindow(
      () => limit,
      windowMs,
      () => this.now().getTime(),
    );
  }

  /** Staff (or a verified code) sign a visit out. Already removed: returned as it is. */
  async signOut(visitId: string, by: 'staff' | 'visitor'): Promise<Visit> {
    const { ledger } = this.deps;
    const visit = ledger.require(visitId);
    if (visit.state === 'removed') return toPublic(visit);
    if (!SIGNABLE.has(visit.state) || !visit.k30No) {
      throw new AppError('not-allowed', `a visit in state ${visit.state} cannot be signed out (retry or cancel a registration that never reached K30)`);
    }
    await ledger.exclusive(visitId, async () => {
      const updated = await ledger.update(visitId, (r) => {
        if (!SIGNABLE.has(r.state) || r.signedOutAt) return false;
        const at = this.now();
        r.signedOutAt = at.toISOString();
        // The visit ends now: the sweeper treats it as ended from here on, whatever happens below.
        if (Date.parse(r.end) > at.getTime()) r.end = at.toISOString();
        note(r, at, 'signed-out', by === 'staff' ? 'by staff' : 'by the visitor with the visit code');
      });
      this.deps.events.emit('visitUpdated', toPublic(updated));
    });
    this.deps.log.info(`visit ${visitId}: signed out by ${by}`);
    return this.deps.removal.removeVisit(visitId);
  }

  /**
   * The kiosk's "I'm leaving". Every code that leads nowhere (malformed, unknown, finished, or a
   * visit that cannot be removed from here) gets the same 'not-found' and counts as a wrong code;
   * after too many, every attempt waits ('rate-limited'), right codes included.
   */
  async signOutByCode(input: string): Promise<{ removal: 'done' | 'pending' }> {
    const wait = this.wrongCodes.waitSeconds();
    if (wait > 0) throw new AppError('rate-limited', `too many wrong visit codes; try again in ${wait} s`);
    const code = normaliseVisitCode(input);
    const visit = code === undefined ? undefined : this.deps.ledger.findByVisitCode(code);
    if (!visit || !SIGNABLE.has(visit.state) || !visit.k30No) {
      this.wrongCodes.take();
      this.deps.log.warn('sign-out: a visit code did not match');
      throw new AppError('not-found', NO_SUCH_CODE, 'code');
    }
    const after = await this.signOut(visit.id, 'visitor');
    return { removal: after.state === 'removed' ? 'done' : 'pending' };
  }
}
