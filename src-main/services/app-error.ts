import type { DenyHit, DiskProblem, ErrorCode, VisitState } from '../../src-preload/contract';

/** An error a service throws on purpose, with a code the renderer translates. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** For 'not-saved': what K30 holds, and what is wrong with the disk; for 'deny-listed': the entries. */
    readonly detail?: { k30No?: string; k30State?: VisitState; disk?: DiskProblem; denyList?: DenyHit },
  ) {
    super(message);
    this.name = 'AppError';
  }
}
