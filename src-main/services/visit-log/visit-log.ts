import { VISIT_LOG_PAGE, type VisitLog, type VisitLogQuery } from '../../../src-preload/contract';
import type { MatchKeys } from '../personal-data/match-key';
import { toPublic, type VisitRecord } from '../visits/ledger';

/** A local day `YYYY-MM-DD` as [its first ms, the next day's first ms). */
export function dayRange(from: string, to: string): [number, number] {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return [new Date(fy, fm - 1, fd).getTime(), new Date(ty, tm - 1, td + 1).getTime()];
}

/** Visits whose window touches the days, newest registration first. */
export function visitsInRange(records: VisitRecord[], from: string, to: string): VisitRecord[] {
  const [start, endExclusive] = dayRange(from, to);
  return records
    .filter((r) => Date.parse(r.begin) < endExclusive && Date.parse(r.end) >= start)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * Does the search find this visit? A part of the name, or the full phone or document number,
 * compared as keyed hashes: the log holds no clear number to search.
 */
function matcher(search: string | undefined, keys: MatchKeys): (record: VisitRecord) => boolean {
  const text = search?.trim().toLowerCase();
  if (!text) return () => true;
  let phone: string | undefined;
  let document: string | undefined;
  try {
    phone = keys.phone(text);
    document = keys.document(text);
  } catch {
    // No key (it cannot be opened): names can still be searched.
  }
  return (r) =>
    r.visitor.name.toLowerCase().includes(text) ||
    (phone !== undefined && r.match?.phone === phone) ||
    (document !== undefined && r.match?.document === document);
}

export function queryVisitLog(records: VisitRecord[], query: VisitLogQuery, keys: MatchKeys): VisitLog {
  const inRange = visitsInRange(records, query.from, query.to);
  const hosts = new Map<string, string>();
  for (const r of inRange) if (!hosts.has(r.host.no)) hosts.set(r.host.no, r.host.name);
  const found = matcher(query.search, keys);
  const rows = inRange.filter((r) => (!query.hostNo || r.host.no === query.hostNo) && (!query.state || r.state === query.state) && found(r));
  return {
    rows: rows.slice(0, VISIT_LOG_PAGE).map(toPublic),
    total: rows.length,
    hosts: [...hosts].map(([no, name]) => ({ no, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
