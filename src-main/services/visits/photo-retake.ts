import { describeError } from '../../k30/protocol/describe-error';
import type { PhotoOverride, Registration, RetakePhotoResult, Visit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { Logger } from '../ports';
import { note, toPublic, type VisitLedger, type VisitRecord } from './ledger';
import { errorText, type RegistrationService } from './registration';
import type { RemovalSweeper } from './removal';
import { VisitError } from './visit-error';

export interface PhotoRetakeDeps {
  ledger: VisitLedger;
  registration: Pick<RegistrationService, 'register'>;
  removal: Pick<RemovalSweeper, 'removeVisit'>;
  log: Logger;
  now?: () => Date;
}

export interface RetakeRequest {
  visitId: string;
  photo: string;
  photoOverride?: PhotoOverride;
}

/** A replacement still on its way, or one whose create may have reached K30: no second one is made. */
const REPLACEMENT_OPEN = new Set<VisitRecord['state']>(['intent', 'create-unknown', 'created', 'created-without-no', 'pushed']);

/**
 * A door refused the visitor's photo (K30's `authstatus`), and K30 has no visitor update call: a
 * new photo means a new visitor. The old visit's sealed details, host, remaining window and doors
 * are registered again with the new photo through RegistrationService (intent on disk first, an
 * unknown create never re-sent on our own); only once the new visitor is pushed is the old one
 * removed through the removal path (a failed delete stays 'removal-pending' and is retried).
 */
export class PhotoRetakeService {
  private readonly now: () => Date;
  /** Visits being retaken right now: a second tap does not make a second visitor. */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: PhotoRetakeDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async retake(request: RetakeRequest): Promise<RetakePhotoResult> {
    const { ledger, registration, log } = this.deps;
    const old = ledger.require(request.visitId);
    this.refuseUnlessRetakable(old);
    if (this.busy.has(old.id)) throw new AppError('not-allowed', 'this visit is being retaken already');
    this.busy.add(old.id);
    try {
      let visit: Visit;
      try {
        visit = await registration.register(this.registrationOf(old, request));
      } catch (error) {
        // The new visit exists in the ledger (create failed or unknown): the old one is kept, linked to it.
        if (error instanceof VisitError) await this.noteOnOld(old.id, 'photo-retake', `new visit ${error.visitId}: ${errorText(error.cause)}`);
        throw error;
      }
      await this.noteOnOld(old.id, 'photo-retake', `new visit ${visit.id}: ${visit.state}`);
      if (visit.state !== 'pushed') {
        log.warn(`photo retake of visit ${old.id}: new visit ${visit.id} is ${visit.state}; the old visitor is kept`);
        return { visit, replaced: toPublic(ledger.require(old.id)) };
      }
      return { visit, replaced: await this.removeOld(old.id, visit.id) };
    } finally {
      this.busy.delete(old.id);
    }
  }

  private refuseUnlessRetakable(old: VisitRecord): void {
    if ((old.state !== 'created' && old.state !== 'pushed') || !old.k30No) {
      throw new AppError('not-allowed', `a visit in state ${old.state} has no photo to retake`);
    }
    if (Date.parse(old.end) <= this.now().getTime()) throw new AppError('not-allowed', 'the visit has ended');
    if (!old.devices.some((d) => d.state === 'failed')) throw new AppError('not-allowed', 'no door refused this visit');
    if (!old.private.phone || !old.private.documentNo) throw new AppError('not-allowed', 'the visit no longer holds the details to register it again');
    const open = this.openReplacement(old);
    if (open) throw new VisitError(open.id, new AppError('not-allowed', `visit ${open.id} already replaces this one (${open.state}): finish that one`));
  }

  /** A retake already made of this visit that is (or may be) on K30. */
  private openReplacement(old: VisitRecord): VisitRecord | undefined {
    const ids = old.history.filter((h) => h.event === 'photo-retake').map((h) => /^new visit (\S+?):/.exec(h.detail ?? '')?.[1]);
    return ids
      .map((id) => (id ? this.deps.ledger.get(id) : undefined))
      .find((v): v is VisitRecord => v !== undefined && REPLACEMENT_OPEN.has(v.state) && Date.parse(v.end) > this.now().getTime());
  }

  /** The old visit again, with the new photo: same person, host and doors; from now (or its begin) to its end. */
  private registrationOf(old: VisitRecord, request: RetakeRequest): Registration {
    const begin = new Date(Math.max(Date.parse(old.begin), this.now().getTime()));
    return {
      name: old.visitor.name,
      phone: old.private.phone!,
      documentType: old.visitor.documentType,
      documentNo: old.private.documentNo!,
      ...(old.visitor.carno ? { carno: old.visitor.carno } : {}),
      ...(old.visitor.reason ? { reason: old.visitor.reason } : {}),
      hostNo: old.host.no,
      hostName: old.host.name,
      ...(old.host.dept ? { hostDept: old.host.dept } : {}),
      begin: begin.toISOString(),
      end: old.end,
      photo: request.photo,
      ...(request.photoOverride ? { photoOverride: request.photoOverride } : {}),
      deviceNos: old.devices.map((d) => d.no),
      channel: 'reception',
      replacesVisitId: old.id,
    };
  }

  /** Through the removal path: a delete that fails leaves the old visit 'removal-pending', retried by the sweep. */
  private async removeOld(oldId: string, newId: string): Promise<Visit> {
    try {
      const replaced = await this.deps.removal.removeVisit(oldId);
      if (replaced.state !== 'removed') this.deps.log.warn(`photo retake: old visit ${oldId} is ${replaced.state} (its removal is retried)`);
      return replaced;
    } catch (error) {
      this.deps.log.error(`photo retake: old visit ${oldId} (replaced by ${newId}) could not be removed: ${describeError(error)}`);
      return toPublic(this.deps.ledger.require(oldId));
    }
  }

  private async noteOnOld(oldId: string, event: string, detail: string): Promise<void> {
    try {
      await this.deps.ledger.exclusive(oldId, () => this.deps.ledger.update(oldId, (r) => note(r, this.now(), event, detail)));
    } catch (error) {
      this.deps.log.error(`photo retake: could not note on visit ${oldId}: ${describeError(error)}`);
    }
  }
}
