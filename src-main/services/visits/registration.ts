import { randomUUID } from 'node:crypto';
import type { Registration, Visit } from '../../../src-preload/contract';
import { describeError } from '../../k30/protocol/describe-error';
import { AppError } from '../app-error';
import { K30CreatedWithoutNumberError, K30Error, K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../k30/client/errors';
import type { EventBus } from '../event-bus';
import type { Logger } from '../ports';
import type { MatchKeys } from '../personal-data/match-key';
import { matchOf, refuseDuplicate } from './duplicate-visits';
import { forVisit } from './visit-error';
import { UnsavedFacts } from './unsaved-facts';
import { maskDocument, maskPhone, note, toPublic, type VisitLedger, type VisitRecord } from './ledger';
import { DEFAULT_VISIT_WINDOW, type VisitWindowPolicy } from './visit-window';
import { newVisitCode } from './visit-code';

/** What registration needs of the K30 client (structurally the real K30Client). */
export interface VisitorCreate {
  name: string;
  phone: string;
  /** Bare Base64; the client adds a data-URL prefix when the server wants one. */
  photo?: string;
  staffno: string;
  reason?: string;
  begintime: Date;
  endtime: Date;
  idcard: string;
  carno?: string;
}
export type CreateOutcome = { outcome: 'created'; no: string } | { outcome: 'created-without-no' };
export interface RegistrationClient {
  createVisitor(visitor: VisitorCreate): Promise<CreateOutcome>;
  syncVisitor(no: string, deviceNos: string[]): Promise<unknown>;
}

export interface RegistrationDeps {
  ledger: VisitLedger;
  /** Asked afresh for every operation, so a settings change takes effect; throws 'not-configured'. */
  client: () => RegistrationClient;
  events: EventBus;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
  /** K30 results the disk has not taken yet (shared with removal). */
  facts?: UnsavedFacts;
  /** Decides each visit's begin and end (visit-window.ts); by default the page's, at most 24 h. */
  visitWindow?: VisitWindowPolicy;
  /** Keyed hashes of phone and document, kept on the visit for matching (duplicates, deny list). */
  matchKeys?: MatchKeys;
  /** Told once a visitor exists on K30 (created, pushed or not): the host's notification is queued. Never throws into registration. */
  onRegistered?: (visit: Visit) => void;
  /**
   * Checked before anything is recorded or sent (the deny list): throws to refuse. Given the
   * visit's id-to-be, so an override can name it.
   */
  screen?: (input: ScreenInput, visitId: string) => Promise<void>;
}

/** What the screening before a registration sees of it. */
export type ScreenInput = Pick<Registration, 'name' | 'phone' | 'documentNo' | 'channel' | 'denyListOverride'>;

/** The text kept on a visit for a failed step (shown to staff): the server's own words, never a stack or a secret. Log lines use describeError. */
export function errorText(error: unknown): string {
  if (error instanceof K30ServerError) return error.msg || error.message;
  if (error instanceof K30Error || error instanceof AppError) return error.message;
  return 'unexpected error';
}

/**
 * Could visitor/Create have taken effect? Only a clear "no" (the server refused, or nothing was
 * sent) says it did not. A timeout, a broken connection, an answer we cannot read, or anything
 * we do not recognise leaves the outcome unknown.
 */
function mayHaveBeenCreated(error: unknown): boolean {
  if (error instanceof K30ServerError || error instanceof K30ValidationError || error instanceof AppError) return false;
  if (error instanceof K30TransportError) return error.outcomeUnknown;
  if (error instanceof K30ProtocolError) return true;
  return true;
}

/** Main's fixed notes in a visit's lastError; the renderer shows each in the app's language (visits/service-text.ts). */
export const APP_STOPPED = 'The app stopped while registering: the server may or may not have this visitor.';
export const MAY_REMAIN = 'Abandoned with its outcome unknown: K30 may hold an unpushed visitor for it, to be deleted in the K30 software.';

export const NO_NUMBER =
  'The server created the visitor but returned no visitor number: it cannot be pushed to devices or removed from here. Finish it in the K30 software.';

/**
 * Registers visitors: intent on disk → visitor/Create → visitor/SyncVisitor, each step recorded
 * before the next. A create whose outcome is unknown is never sent again without a person
 * deciding, because a second create would make a second visitor.
 */
export class RegistrationService {
  private readonly ledger: VisitLedger;
  private readonly client: () => RegistrationClient;
  private readonly events: EventBus;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly facts: UnsavedFacts;
  private readonly visitWindow: VisitWindowPolicy;
  private readonly matchKeys: MatchKeys | undefined;
  private readonly onRegistered?: (visit: Visit) => void;
  private readonly screen: RegistrationDeps['screen'];

  constructor(deps: RegistrationDeps) {
    this.ledger = deps.ledger;
    this.client = deps.client;
    this.events = deps.events;
    this.log = deps.log;
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
    this.facts = deps.facts ?? new UnsavedFacts({ ledger: deps.ledger, log: deps.log, now: deps.now });
    this.visitWindow = deps.visitWindow ?? DEFAULT_VISIT_WINDOW;
    this.matchKeys = deps.matchKeys;
    this.onRegistered = deps.onRegistered;
    this.screen = deps.screen;
  }

  /** `onRecorded` learns the new visit's id before any event about it is emitted. */
  async register(input: Registration, onRecorded?: (visitId: string) => void): Promise<Visit> {
    // Before anything is recorded: with no server configured there is nothing to remember.
    const client = this.client();
    const at = this.now();
    const { begin, end } = this.visitWindow(input, at);
    const id = this.newId();
    // The deny list first, before anything is written or sent (an override is on record first).
    await this.screen?.(input, id);
    const record: VisitRecord = {
      id,
      state: 'intent',
      channel: input.channel,
      visitor: {
        name: input.name,
        phoneMasked: maskPhone(input.phone),
        documentType: input.documentType,
        documentMasked: maskDocument(input.documentNo),
        carno: input.carno ?? '',
        reason: input.reason ?? '',
      },
      host: { no: input.hostNo, name: input.hostName, ...(input.hostDept ? { dept: input.hostDept } : {}) },
      visitCode: newVisitCode((code) => this.ledger.findByVisitCode(code) !== undefined),
      begin: begin.toISOString(),
      end: end.toISOString(),
      devices: input.deviceNos.map((no) => ({ no, state: 'waiting' as const })),
      history: [],
      createdAt: at.toISOString(),
      private: { phone: input.phone, documentNo: input.documentNo, photo: input.photo },
      // Reception accepted a photo that failed the face check: kept on the visit, with the reason.
      ...(input.photoOverride ? { photoOverride: { failed: [...input.photoOverride.failed], reason: input.photoOverride.reason } } : {}),
      ...matchOf(this.matchKeys, input, this.log),
    };
    refuseDuplicate(this.ledger, input, record, at);
    note(record, at, 'intent', input.consent ? `${input.channel}; consent to data and photo` : input.channel);
    if (input.denyListOverride) note(record, at, 'deny-list-override');
    onRecorded?.(record.id);
    return this.ledger.exclusive(record.id, async () => {
      this.emit(await this.ledger.add(record));
      return this.announced(await forVisit(record.id, () => this.createAndPush(record.id, client)));
    });
  }

  /**
   * At start-up. A visit still in 'intent' was being created when the app stopped: whether the
   * server got it is unknown, so it becomes 'create-unknown' for staff (never re-sent on our own).
   * A created visit with devices still waiting gets its push (SyncVisitor is idempotent).
   */
  async resume(): Promise<void> {
    for (const visit of this.ledger.all()) {
      // A K30 result held in memory is newer than the ledger's state: leave that visit alone.
      if (this.facts.isHeld(visit.id)) continue;
      if (visit.state === 'intent') {
        await this.ledger.exclusive(visit.id, () =>
          this.change(visit.id, (r) => {
            if (r.state !== 'intent') return false;
            r.state = 'create-unknown';
            r.lastError = APP_STOPPED;
            note(r, this.now(), 'create-unknown', 'found after restart');
          }),
        );
      } else if (visit.state === 'created' && visit.k30No && Date.parse(visit.end) > this.now().getTime()) {
        const waiting = visit.devices.filter((d) => d.state === 'waiting').map((d) => d.no);
        if (waiting.length === 0) continue;
        try {
          const client = this.client();
          await this.ledger.exclusive(visit.id, () => this.push(visit.id, client, waiting));
        } catch (error) {
          this.log.warn(`resume: could not push visit ${visit.id}: ${describeError(error)}`);
        }
      }
    }
  }

  /** Push again: to the given devices (added if new), or to those that failed or still wait. */
  async repush(visitId: string, deviceNos?: string[]): Promise<Visit> {
    const client = this.client();
    return this.ledger.exclusive(visitId, async () => {
      this.facts.requireSaved(visitId);
      const visit = this.ledger.require(visitId);
      if ((visit.state !== 'created' && visit.state !== 'pushed') || !visit.k30No) {
        throw new AppError('not-allowed', `a visit in state ${visit.state} cannot be pushed`);
      }
      const targets = deviceNos?.length ? deviceNos : visit.devices.filter((d) => d.state === 'failed' || d.state === 'waiting').map((d) => d.no);
      if (targets.length === 0) return toPublic(visit);
      return this.push(visitId, client, targets);
    });
  }

  /**
   * Staff decided that a create whose outcome is unknown is to be registered again, told that the
   * first may have arrived (a duplicate visitor on K30). The note keeps that decision on record.
   */
  async retryRegistration(visitId: string): Promise<Visit> {
    const client = this.client();
    return this.ledger.exclusive(visitId, async () => {
      this.facts.requireSaved(visitId);
      const visit = this.ledger.require(visitId);
      if (visit.state !== 'create-unknown')
        throw new AppError('not-allowed', `only a registration whose outcome is unknown can be retried (this one is ${visit.state})`);
      // Listed meanwhile? Checked again before anything is sent (staff at reception, no override here).
      const { phone, documentNo } = visit.private;
      if (phone && documentNo) await this.screen?.({ name: visit.visitor.name, phone, documentNo, channel: 'reception' }, visitId);
      await this.change(visitId, (r) => {
        r.state = 'intent';
        r.lastError = undefined;
        note(r, this.now(), 'intent', 'staff registered it again, aware that K30 may now hold a duplicate');
      });
      return this.announced(await forVisit(visitId, () => this.createAndPush(visitId, client)));
    });
  }

  /** The visitor exists on K30 now: whoever waits for that (the host's notification) is told; their trouble is not ours. */
  private announced(visit: Visit): Visit {
    if (visit.state === 'created' || visit.state === 'pushed' || visit.state === 'created-without-no') {
      try {
        this.onRegistered?.(visit);
      } catch (error) {
        this.log.error(`visit ${visit.id}: after-registration hook failed: ${describeError(error)}`);
      }
    }
    return visit;
  }

  /**
   * Staff gave up a visit that never (provably) reached the server. An unknown create may have
   * arrived after all: it becomes 'abandoned', which says so, and is listed for the K30 admin
   * (K30 cannot be asked, and we hold no number to delete it by). Such a visitor was never pushed
   * to a door, and it expires on K30 at its end time.
   */
  async cancelVisit(visitId: string): Promise<Visit> {
    return this.ledger.exclusive(visitId, async () => {
      this.facts.requireSaved(visitId);
      const visit = this.ledger.require(visitId);
      if (visit.state !== 'create-unknown' && visit.state !== 'intent') {
        throw new AppError('not-allowed', `only a visit that never reached the server can be cancelled (this one is ${visit.state})`);
      }
      return this.change(visitId, (r) => {
        if (r.state === 'create-unknown') {
          r.state = 'abandoned';
          r.lastError = MAY_REMAIN;
          note(r, this.now(), 'abandoned', 'by staff; an unpushed visitor may remain on K30');
        } else {
          r.state = 'cancelled';
          note(r, this.now(), 'cancelled', 'by staff');
        }
      });
    });
  }

  // -------------------------------------------------------------------------------------------

  /** Runs inside the visit's lock, with the record in 'intent' on disk. */
  private async createAndPush(visitId: string, client: RegistrationClient): Promise<Visit> {
    const visit = this.ledger.require(visitId);
    const { phone, documentNo, photo } = visit.private;
    if (!phone || !documentNo) throw new AppError('internal', 'visit has lost the data needed to create it');
    let created: CreateOutcome;
    try {
      created = await client.createVisitor({
        name: visit.visitor.name,
        phone,
        photo,
        staffno: visit.host.no,
        reason: visit.visitor.reason || undefined,
        begintime: new Date(visit.begin),
        endtime: new Date(visit.end),
        idcard: documentNo,
        carno: visit.visitor.carno || undefined,
      });
    } catch (error) {
      if (error instanceof K30CreatedWithoutNumberError) return this.createdWithoutNo(visitId);
      const unknown = mayHaveBeenCreated(error);
      await this.facts.save(visitId, { state: unknown ? 'create-unknown' : 'create-failed' }, () =>
        this.change(visitId, (r) => {
          r.state = unknown ? 'create-unknown' : 'create-failed';
          r.lastError = errorText(error);
          note(r, this.now(), r.state, r.lastError);
        }),
      );
      if (unknown) throw new AppError('outcome-unknown', errorText(error));
      throw error;
    }
    if (created.outcome === 'created-without-no') return this.createdWithoutNo(visitId);
    const no = created.no;
    // K30 has the visitor now: if the disk refuses, the fact is held and nothing more is sent.
    await this.facts.save(visitId, { state: 'created', k30No: no }, () =>
      this.change(visitId, (r) => {
        r.state = 'created';
        r.k30No = no;
        r.lastError = undefined;
        note(r, this.now(), 'created', `K30 visitor ${no}`);
      }),
    );
    return this.push(
      visitId,
      client,
      visit.devices.map((d) => d.no),
    );
  }

  private createdWithoutNo(visitId: string): Promise<Visit> {
    return this.facts.save(visitId, { state: 'created-without-no' }, () =>
      this.change(visitId, (r) => {
        r.state = 'created-without-no';
        r.lastError = NO_NUMBER;
        for (const d of r.devices) Object.assign(d, { state: 'failed', message: 'no visitor number', at: this.now().toISOString() });
        note(r, this.now(), 'created-without-no');
      }),
    );
  }

  /** One SyncVisitor for the targets. Failure is recorded per device, not thrown: the visit exists. */
  private async push(visitId: string, client: RegistrationClient, targets: string[]): Promise<Visit> {
    const no = this.ledger.require(visitId).k30No!;
    try {
      await client.syncVisitor(no, targets);
    } catch (error) {
      const message = errorText(error);
      return this.change(visitId, (r) => {
        const at = this.now().toISOString();
        for (const deviceNo of targets) setDevice(r, deviceNo, { state: 'failed', message, at });
        r.lastError = `Push to devices failed: ${message}`;
        note(r, this.now(), 'push-failed', `${targets.join(', ')}: ${message}`);
      });
    }
    return this.facts.save(visitId, { state: 'pushed', k30No: no }, () => this.recordPushed(visitId, targets));
  }

  private recordPushed(visitId: string, targets: string[]): Promise<Visit> {
    return this.change(visitId, (r) => {
      const at = this.now().toISOString();
      for (const deviceNo of targets) {
        // A device's confirmation may arrive (by callback) before SyncVisitor answers: keep it.
        const current = r.devices.find((d) => d.no === deviceNo);
        if (current?.state !== 'confirmed') setDevice(r, deviceNo, { state: 'pushed', at });
      }
      if (r.state === 'created') r.state = 'pushed';
      if (!r.devices.some((d) => d.state === 'failed')) r.lastError = undefined;
      note(r, this.now(), 'pushed', targets.join(', '));
    });
  }

  private async change(visitId: string, mutate: (record: VisitRecord) => void | boolean): Promise<Visit> {
    const before = this.ledger.get(visitId)?.state;
    const updated = toPublic(await this.ledger.update(visitId, mutate));
    // Ids and states only: the log is no place for a visitor's data.
    if (updated.state !== before) this.log.info(`visit ${visitId}: ${before} → ${updated.state}`);
    this.events.emit('visitUpdated', updated);
    return updated;
  }

  private emit(record: VisitRecord): void {
    this.log.info(`visit ${record.id}: ${record.state}`);
    this.events.emit('visitUpdated', toPublic(record));
  }
}

function setDevice(record: VisitRecord, no: string, value: { state: 'waiting' | 'pushed' | 'confirmed' | 'failed'; message?: string; at: string }): void {
  const entry = { no, state: value.state, ...(value.message ? { message: value.message } : {}), at: value.at };
  const index = record.devices.findIndex((d) => d.no === no);
  if (index === -1) record.devices.push(entry);
  else record.devices[index] = entry;
}
