import type { Registration } from '../../../src-preload/contract';
import { describeError } from '../../k30/protocol/describe-error';
import { AppError } from '../app-error';
import type { MatchKeys } from '../personal-data/match-key';
import type { Logger } from '../ports';
import type { VisitLedger, VisitRecord } from './ledger';
import { VisitError } from './visit-error';

/** A visit that is (or may be) on K30 and at the doors: a second one for the same person is a duplicate. */
const LIVE_STATES = new Set<VisitRecord['state']>(['intent', 'create-unknown', 'created', 'created-without-no', 'pushed']);

/**
 * The keyed hashes kept for matching (duplicates, the visit log's search). A key that cannot be
 * opened (another OS user, a changed keyring) costs the matching, never the registration: the
 * deny list, which must not be passed silently, refuses on its own in that case.
 */
export function matchOf(keys: MatchKeys | undefined, input: Pick<Registration, 'phone' | 'documentNo'>, log: Logger): Pick<VisitRecord, 'match'> {
  if (!keys) return {};
  try {
    return { match: { phone: keys.phone(input.phone), document: keys.document(input.documentNo) } };
  } catch (error) {
    log.warn(`registration: the match key cannot be opened, this visit is kept without match keys: ${describeError(error)}`);
    return {};
  }
}

/**
 * Reception only: the same document or phone (by match key) with a visit that is live or still
 * to come refuses the registration until staff chose "register anyway". The visit a retake or an
 * extension replaces is not a duplicate of it. (The kiosk is not told: that would say whether a
 * stranger's number has a visit.)
 */
export function refuseDuplicate(ledger: VisitLedger, input: Registration, record: VisitRecord, at: Date): void {
  if (input.channel !== 'reception' || input.duplicateAccepted || !record.match) return;
  const live = ledger
    .findByMatch(record.match)
    .filter((v) => v.id !== input.replacesVisitId && LIVE_STATES.has(v.state) && Date.parse(v.end) > at.getTime())
    .sort((a, b) => a.begin.localeCompare(b.begin));
  const first = live[0];
  if (!first) return;
  const field = first.match?.document === record.match.document ? 'documentNo' : 'phone';
  throw new VisitError(
    first.id,
    new AppError('duplicate-visit', `the same ${field === 'documentNo' ? 'document' : 'phone'} has an active or upcoming visit`, field),
  );
}
