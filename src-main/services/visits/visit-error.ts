/**
 * A failure of a step of one visit that is already in the ledger (a create refused, its outcome
 * unknown, a disk write failed): the cause, plus which visit it was. The renderer is told the
 * visit id with the error, so it never has to guess which visit was "ours".
 */
export class VisitError extends Error {
  constructor(
    readonly visitId: string,
    readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'VisitError';
  }
}

/** Runs a step of a visit that exists, tagging whatever it throws with the visit's id. */
export async function forVisit<T>(visitId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof VisitError ? error : new VisitError(visitId, error);
  }
}
