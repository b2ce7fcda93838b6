import { describeError } from '../../k30/protocol/describe-error';
import { randomUUID } from 'node:crypto';
import {
  RegistrationSchema,
  type CheckIn,
  type ExpectedVisit,
  type ExpectedVisitInput,
  type ImportFormat,
  type ImportResult,
  type Registration,
  type Visit,
} from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { MatchKeys } from '../personal-data/match-key';
import type { Logger, SecretBox } from '../ports';
import { base64Bytes } from '../photo-size';
import { maskDocument, maskPhone } from '../visits/ledger';
import type { RegistrationService } from '../visits/registration';
import { decodeCsv, parseCsv } from './csv-table';
import type { ExpectedRecord, ExpectedVisitStore } from './expected-store';
import { checkImportRows, type ExpectedDraft } from './import-rows';
import { UnreadableTableError, type TableRow } from './table';
import { parseXlsx } from './xlsx-table';

export interface ExpectedVisitDeps {
  store: ExpectedVisitStore;
  box: SecretBox;
  keys: MatchKeys;
  registration: Pick<RegistrationService, 'register'>;
  log: Logger;
  maxVisitHours: () => number;
  defaultDeviceNos: () => string[];
  retentionDays: () => number;
  photoMaxKB: () => number;
  /** The doors K30 knows, to check an import's door numbers; undefined when they cannot be listed. */
  knownDevices?: () => Promise<ReadonlySet<string> | undefined>;
  now?: () => Date;
  newId?: () => string;
}

interface SealedDetails {
  phone: string;
  documentNo: string;
}

const DAY_MS = 86_400_000;

/** The renderer's view: never the sealed numbers or the hashes. */
export function toPublicExpected(record: ExpectedRecord): ExpectedVisit {
  const { sealed: _sealed, match: _match, ...visit } = record;
  return structuredClone(visit);
}

/**
 * Expected visits: pre-registered by reception (one by one or a list), local until the visitor
 * arrives. Check-in turns one into a registration (registration.ts: intent, create, push, with its
 * unknown-outcome rules); a no-show expires at its end with nothing ever sent to K30.
 * Refusals carry their code as the message: the renderer words them, so no English detail
 * reaches a Chinese screen.
 */
export class ExpectedVisitService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly checkingIn = new Set<string>();

  constructor(private readonly deps: ExpectedVisitDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  async create(input: ExpectedVisitInput): Promise<ExpectedVisit> {
    const begin = new Date(input.begin);
    const end = new Date(input.end);
    if (end.getTime() - begin.getTime() > this.deps.maxVisitHours() * 3_600_000) {
      throw new AppError('visit-too-long', 'visit-too-long', 'end');
    }
    if (end <= this.now()) throw new AppError('invalid-input', 'the visit has already ended', 'end');
    const record = this.recordOf(
      { ...input, phone: input.phone ?? '', documentNo: input.documentNo ?? '', carno: input.carno ?? '', reason: input.reason ?? '', begin, end, line: 0 },
      'manual',
    );
    await this.deps.store.addAll([record]);
    return toPublicExpected(record);
  }

  /** Every row valid and all written in one go, or nothing kept and every problem reported. */
  async importFile(format: ImportFormat, base64: string): Promise<ImportResult> {
    const bytes = Buffer.from(base64, 'base64');
    let table: TableRow[];
    try {
      table = format === 'csv' ? parseCsv(decodeCsv(bytes)) : await parseXlsx(bytes);
    } catch (error) {
      if (error instanceof UnreadableTableError) return { imported: 0, rows: 0, errors: [{ line: 0, problem: 'unreadable-file' }] };
      throw error;
    }
    const knownDevices = await this.deps.knownDevices?.().catch(() => undefined);
    const checked = checkImportRows(table, {
      now: this.now(),
      maxVisitHours: this.deps.maxVisitHours(),
      defaultDeviceNos: this.deps.defaultDeviceNos(),
      knownDevices,
    });
    if (checked.errors.length > 0) return { imported: 0, rows: checked.rows, errors: checked.errors };
    const records = checked.drafts.map((draft) => this.recordOf(draft, 'import'));
    await this.deps.store.addAll(records);
    this.deps.log.info(`expected visits: ${records.length} imported`);
    return { imported: records.length, rows: checked.rows, errors: [] };
  }

  /** Visits still expected, and those that ended today (checked in, expired, cancelled), by begin. */
  async list(): Promise<ExpectedVisit[]> {
    await this.sweepQuietly();
    const today = new Date(this.now());
    today.setHours(0, 0, 0, 0);
    return this.deps.store
      .all()
      .filter((r) => r.state === 'expected' || Date.parse(r.endedAt ?? r.end) >= today.getTime())
      .sort((a, b) => a.begin.localeCompare(b.begin) || a.visitor.name.localeCompare(b.visitor.name))
      .map(toPublicExpected);
  }

  async cancel(id: string): Promise<ExpectedVisit> {
    const updated = await this.deps.store.update(id, (r) => {
      if (r.state !== 'expected') throw new AppError('not-allowed', 'not-allowed');
      end(r, 'cancelled', this.now());
    });
    return toPublicExpected(updated);
  }

  /**
   * The visitor is here. The expected visit is marked checked in before anything is sent, so it can
   * never be registered twice; if the registration fails before it is recorded, it is expected again.
   */
  async checkIn(input: CheckIn): Promise<Visit> {
    if (this.checkingIn.has(input.expectedId)) throw new AppError('not-allowed', 'not-allowed');
    this.checkingIn.add(input.expectedId);
    try {
      await this.sweepQuietly();
      const record = this.deps.store.get(input.expectedId);
      if (!record) throw new AppError('not-found', 'not-found');
      if (record.state !== 'expected') throw new AppError('not-allowed', 'not-allowed');
      const registration = this.registrationOf(record, input);
      await this.deps.store.update(record.id, (r) => end(r, 'checked-in', this.now()));
      let visitId: string | undefined;
      try {
        const visit = await this.deps.registration.register(registration, (id) => (visitId = id));
        await this.linkVisit(record.id, visit.id);
        return visit;
      } catch (error) {
        if (visitId) await this.linkVisit(record.id, visitId);
        else
          await this.deps.store
            .update(record.id, (r) => void Object.assign(r, { state: 'expected', sealed: record.sealed, endedAt: undefined }))
            .catch(() => {});
        throw error;
      }
    } finally {
      this.checkingIn.delete(input.expectedId);
    }
  }

  /** No-shows expire (their sealed numbers go); ended records go after the retention period. */
  async sweep(): Promise<{ expired: number; dropped: number }> {
    const now = this.now();
    const records = this.deps.store.all();
    const noShows = records.filter((r) => r.state === 'expected' && Date.parse(r.end) <= now.getTime()).map((r) => r.id);
    const expired = await this.deps.store.updateMany(noShows, (r) => (r.state === 'expected' ? end(r, 'expired', now) : false));
    const cutoff = now.getTime() - this.deps.retentionDays() * DAY_MS;
    const old = records.filter((r) => r.state !== 'expected' && Date.parse(r.endedAt ?? r.end) < cutoff).map((r) => r.id);
    await this.deps.store.delete(old);
    if (expired.length + old.length > 0) this.deps.log.info(`expected visits: ${expired.length} expired, ${old.length} dropped after retention`);
    return { expired: expired.length, dropped: old.length };
  }

  // -------------------------------------------------------------------------------------------

  /** A disk that refuses the sweep must not hide the list (the sweep is tried again later). */
  private async sweepQuietly(): Promise<void> {
    await this.sweep().catch((error: unknown) => this.deps.log.warn(`expected visits: sweep not saved: ${describeError(error)}`));
  }

  private recordOf(draft: Omit<ExpectedDraft, 'line'> & { line: number }, source: ExpectedRecord['source']): ExpectedRecord {
    const missing: ExpectedRecord['missing'] = [];
    if (draft.phone === '') missing.push('phone');
    if (draft.documentNo === '') missing.push('documentNo');
    const sealedDetails: SealedDetails = { phone: draft.phone, documentNo: draft.documentNo };
    return {
      id: this.newId(),
      state: 'expected',
      source,
      visitor: {
        name: draft.name,
        phoneMasked: draft.phone ? maskPhone(draft.phone) : '',
        documentType: draft.documentType,
        documentMasked: draft.documentNo ? maskDocument(draft.documentNo) : '',
        carno: draft.carno,
        reason: draft.reason,
      },
      missing,
      host: { no: draft.hostNo, name: draft.hostName },
      begin: draft.begin.toISOString(),
      end: draft.end.toISOString(),
      deviceNos: draft.deviceNos,
      createdAt: this.now().toISOString(),
      sealed: missing.length === 2 ? undefined : this.deps.box.seal(JSON.stringify(sealedDetails)),
      match: {
        phone: draft.phone ? this.deps.keys.phone(draft.phone) : undefined,
        document: draft.documentNo ? this.deps.keys.document(draft.documentNo) : undefined,
      },
    };
  }

  private registrationOf(record: ExpectedRecord, input: CheckIn): Registration {
    if (Date.parse(record.end) <= this.now().getTime()) throw new AppError('not-allowed', 'not-allowed');
    if (base64Bytes(input.photo) > this.deps.photoMaxKB() * 1024) throw new AppError('photo-too-large', 'photo-too-large', 'photo');
    const held: SealedDetails = record.sealed ? (JSON.parse(this.deps.box.open(record.sealed)) as SealedDetails) : { phone: '', documentNo: '' };
    const phone = held.phone || input.phone || '';
    const documentNo = held.documentNo || input.documentNo || '';
    if (!phone) throw new AppError('invalid-input', 'the phone number is required', 'phone');
    if (!documentNo) throw new AppError('invalid-input', 'the document number is required', 'documentNo');
    const now = this.now();
    const candidate = {
      name: record.visitor.name,
      phone,
      documentType: record.visitor.documentType,
      documentNo,
      ...(record.visitor.carno ? { carno: record.visitor.carno } : {}),
      ...(record.visitor.reason ? { reason: record.visitor.reason } : {}),
      hostNo: record.host.no,
      hostName: record.host.name,
      // The visitor is here: the doors open from now until the planned end.
      begin: now.toISOString(),
      end: record.end,
      photo: input.photo,
      deviceNos: record.deviceNos,
      channel: 'reception' as const,
    };
    const parsed = RegistrationSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid-input', issue?.message ?? 'invalid', issue?.path.join('.'));
    }
    return parsed.data;
  }

  private async linkVisit(id: string, visitId: string): Promise<void> {
    await this.deps.store
      .update(id, (r) => void (r.visitId = visitId))
      .catch((error: unknown) => this.deps.log.warn(`expected visit ${id}: checked in as visit ${visitId}, link not saved: ${describeError(error)}`));
  }
}

function end(record: ExpectedRecord, state: 'checked-in' | 'expired' | 'cancelled', at: Date): void {
  record.state = state;
  record.endedAt = at.toISOString();
  delete record.sealed;
}
