import type { Logger, SecretBox } from '../ports';

/**
 * The visit ledger's private fields (full phone, document number, photo) sealed at rest by the
 * app's SecretBox: the file holds `{ sealed }` in their place. Memory keeps them open, only as long
 * as the data policy in ledger.ts allows (minimise).
 */
export interface PrivateFields {
  phone?: string;
  documentNo?: string;
  photo?: string;
  sealed?: string;
}

/** Seals each record's private fields for the file, reusing the last sealing of unchanged ones. */
export class LedgerSealer {
  private readonly cache = new Map<string, { plain: string; sealed: string }>();

  constructor(private readonly box: SecretBox | undefined) {}

  /** The records as the file holds them (the records themselves are not changed). */
  forDisk<R extends { id: string; private: PrivateFields }>(records: Iterable<R>): R[] {
    const out: R[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record.id);
      out.push({ ...record, private: this.seal(record.id, record.private) });
    }
    for (const id of this.cache.keys()) if (!seen.has(id)) this.cache.delete(id);
    return out;
  }

  private seal(id: string, fields: PrivateFields): PrivateFields {
    const { sealed: _ignored, ...open } = fields;
    if (!this.box || Object.keys(open).length === 0) return open;
    const plain = JSON.stringify(open);
    const cached = this.cache.get(id);
    if (cached?.plain === plain) return { sealed: cached.sealed };
    const sealed = this.box.seal(plain);
    this.cache.set(id, { plain, sealed });
    return { sealed };
  }
}

/**
 * A record's private fields as read from the file, opened. Fields that cannot be opened (another
 * user's keyring, a damaged value) are dropped and logged by visit id only: the visit stays, but
 * whatever needed them (a create to resend) is refused later with "lost the data".
 */
export function openPrivate(id: string, fields: PrivateFields, box: SecretBox | undefined, log: Logger): PrivateFields {
  if (fields.sealed === undefined) return fields;
  if (!box) {
    log.warn(`visit ledger: visit ${id} has sealed personal data but no secret box to open it`);
    return {};
  }
  try {
    const open = JSON.parse(box.open(fields.sealed)) as PrivateFields;
    return {
      ...(typeof open.phone === 'string' ? { phone: open.phone } : {}),
      ...(typeof open.documentNo === 'string' ? { documentNo: open.documentNo } : {}),
      ...(typeof open.photo === 'string' ? { photo: open.photo } : {}),
    };
  } catch {
    log.warn(`visit ledger: the sealed personal data of visit ${id} could not be opened; it is dropped`);
    return {};
  }
}
