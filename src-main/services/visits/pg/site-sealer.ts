import type { VisitPrivate } from '../ledger';
import { isSealed, openPrivate, sealPrivate, siteKeyOf, type SealedPrivate } from './site-seal';

/**
 * A station's sealing of each record's private fields with the site key, remembering the last one
 * per visit: a change that leaves them as they were (most changes do) reuses it instead of
 * encrypting again, and a record heard again with the same sealed text is not decrypted again.
 * Empty private fields (a visit past its removal keeps none) hide nothing and are stored as they are.
 */
export class SiteSealer {
  private readonly key: Buffer;
  private readonly last = new Map<string, { plain: string; sealed: SealedPrivate }>();

  constructor(secret: string) {
    this.key = siteKeyOf(secret);
  }

  seal(id: string, value: VisitPrivate): VisitPrivate | SealedPrivate {
    const { sealed: _ignored, ...open } = value;
    if (Object.keys(open).length === 0) return {};
    const plain = JSON.stringify(open);
    const known = this.last.get(id);
    if (known?.plain === plain) return known.sealed;
    const sealed = sealPrivate(this.key, open);
    this.last.set(id, { plain, sealed });
    return sealed;
  }

  /** The private fields as stored, opened; throws when they were sealed with another key (or changed). */
  open(id: string, value: unknown): unknown {
    if (!isSealed(value)) return value;
    const known = this.last.get(id);
    if (known && known.sealed.data === value.data && known.sealed.iv === value.iv && known.sealed.tag === value.tag) return JSON.parse(known.plain);
    const open = openPrivate(this.key, value);
    this.last.set(id, { plain: JSON.stringify(open), sealed: value });
    return open;
  }

  forget(id: string): void {
    this.last.delete(id);
  }
}
