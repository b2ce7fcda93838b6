/** Pure rules for the visit list: which tab a visit belongs to, and search. */
import type { Visit, VisitState } from '../../../src-preload/contract';
import type { MessageKey } from '../i18n/translate';
import { startOfNextDay } from '../lib/datetime';

export const VISIT_TABS = ['today', 'upcoming', 'ended', 'removal'] as const;
export type VisitTab = (typeof VISIT_TABS)[number];

const FINISHED: VisitState[] = ['removed', 'cancelled', 'create-failed', 'abandoned'];

export function visitTab(visit: Visit, now: Date = new Date()): VisitTab {
  if (visit.state === 'removal-pending') return 'removal';
  const end = Date.parse(visit.end);
  if (FINISHED.includes(visit.state) || (!Number.isNaN(end) && end <= now.getTime())) return 'ended';
  const begin = Date.parse(visit.begin);
  if (!Number.isNaN(begin) && begin >= startOfNextDay(now).getTime()) return 'upcoming';
  return 'today';
}

/** Matches a name, the tail of the (masked) phone, or the host's name. */
export function matchesQuery(visit: Visit, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (visit.visitor.name.toLowerCase().includes(q)) return true;
  if (visit.host.name.toLowerCase().includes(q)) return true;
  if (/^\d+$/.test(q)) {
    const digits = visit.visitor.phoneMasked.replace(/\D/g, '');
    if (visit.visitor.phoneMasked.endsWith(q) || digits.endsWith(q)) return true;
  }
  return false;
}

export function sortVisits(visits: Visit[], tab: VisitTab): Visit[] {
  const by = (v: Visit) => Date.parse(v.begin) || 0;
  const sorted = [...visits].sort((a, b) => by(a) - by(b));
  return tab === 'ended' ? sorted.reverse() : sorted;
}

/** Can its devices be pushed again (it exists on the server with a number)? */
export const canRepush = (visit: Visit) => !!visit.k30No && (visit.state === 'created' || visit.state === 'pushed');
export const canRemove = (visit: Visit) => ['created', 'pushed', 'removal-pending', 'created-without-no'].includes(visit.state);
/** An active visit whose visitor is on K30: staff sign it out (签离), which ends it now. */
export const canSignOut = (visit: Visit) => (visit.state === 'created' || visit.state === 'pushed') && Boolean(visit.k30No) && !visit.signedOutAt;
export const failedDevices = (visit: Visit) => visit.devices.filter((d) => d.state === 'failed');

/**
 * What a visit's lastError means, in the app's words, by the visit's state. The text itself comes
 * from main in English, or is the server's own: it is shown only as detail beneath this.
 */
export function lastErrorKey(state: VisitState): MessageKey {
  switch (state) {
    case 'intent':
    case 'create-unknown':
      return 'visit.error.create-unknown';
    case 'create-failed':
      return 'visit.error.create-failed';
    case 'created-without-no':
      return 'visit.error.created-without-no';
    case 'created':
    case 'pushed':
      return 'visit.error.push-failed';
    case 'abandoned':
      return 'visit.error.abandoned';
    default:
      return 'visit.error.other';
  }
}
