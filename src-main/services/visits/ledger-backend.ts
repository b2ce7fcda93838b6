import type { DiskProblem } from '../../../src-preload/contract';
import type { LedgerProblem, VisitRecord } from './ledger';

/**
 * Where the visit ledger keeps its records: the port under `VisitLedger`. The ledger keeps an
 * in-memory mirror for its synchronous reads (registration, removal, presence and callbacks read
 * it without awaiting); a backend makes each change durable and tells the mirror about changes
 * made elsewhere (other stations on the same site database).
 */
export interface LedgerBackend {
  readonly kind: 'file' | 'postgres';
  /** Reads every record once, at start; problems met are shown, never hidden. */
  load(): Promise<{ records: VisitRecord[]; problems: LedgerProblem[] }>;
  /**
   * Makes one change durable; resolves once it is. `snapshot` is the whole mirror with the change
   * applied (a file backend writes it all; a database writes only the change). Rejects with a
   * `LedgerConflictError` when another station changed the record meanwhile.
   */
  write(change: LedgerChange, snapshot: () => Iterable<VisitRecord>): Promise<void>;
  /** Why writes fail right now (undefined while they succeed). */
  readonly writeProblem: LedgerWriteProblem | undefined;
  onWritableChange(listener: () => void): () => void;
  /** Changes made by other stations, for the mirror (absent on a single-station file). */
  onRemoteChange?(listener: (change: RemoteChange) => void): () => void;
  /**
   * Takes the removal lease on a visit so only one station works on it at a time; false when
   * another station holds an unexpired one. `fresh` is the record as the database has it now.
   */
  claim(id: string): Promise<{ ok: boolean; fresh?: VisitRecord | null | undefined }>;
  release(id: string): Promise<void>;
  close(): Promise<void>;
}

export type LedgerChange =
  { kind: 'add'; record: VisitRecord } | { kind: 'update'; before: VisitRecord; after: VisitRecord } | { kind: 'delete'; records: VisitRecord[] };

/** A record another station wrote (`record`) or deleted (`record` null). */
export interface RemoteChange {
  id: string;
  record: VisitRecord | null;
}

/** Why the ledger cannot be written right now, for getStatus and the banner. */
export interface LedgerWriteProblem {
  problem: DiskProblem;
  at: string;
}

/** Another station changed the record since this one read it: re-read and try again. */
export class LedgerConflictError extends Error {
  constructor(
    readonly id: string,
    readonly fresh: VisitRecord | null,
  ) {
    super(`visit ${id} was changed by another station`);
    this.name = 'LedgerConflictError';
  }
}
