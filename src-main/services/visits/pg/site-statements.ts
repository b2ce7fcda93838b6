/**
 * The site ledger's statements. Each change is one statement (its own short transaction) that
 * checks the version it changes and notifies the other stations in the same transaction; the
 * notification carries the record when it is small enough (see `travels`). The record is sent once,
 * as JSON text, for both the row and the notification. The notification names the station first,
 * so a station recognises its own without reading the rest (`ownNotePrefix`).
 */
export const NOTIFY_CHANNEL = 'kiosk_visits';

/** $1 id, $2 k30_no, $3 state, $4 doc, $5 channel, $6 station, $7 whether the doc travels with the notification. */
export const INSERT_VISIT = `WITH w AS (INSERT INTO kiosk_visits (id, k30_no, state, doc) VALUES ($1, $2, $3, $4::jsonb) RETURNING id, version)
  SELECT w.version, pg_notify($5, json_build_object('by', $6::text, 'id', w.id, 'v', w.version, 'doc', CASE WHEN $7::boolean THEN $4::jsonb END)::text) FROM w`;

/** $1 id, $2 doc, $3 k30_no, $4 state, $5 version changed, $6 channel, $7 station, $8 whether the doc travels with the notification. */
export const UPDATE_VISIT = `WITH w AS (UPDATE kiosk_visits SET doc = $2::jsonb, k30_no = $3, state = $4, version = version + 1, updated_at = now()
              WHERE id = $1 AND version = $5 RETURNING id, version)
  SELECT w.version, pg_notify($6, json_build_object('by', $7::text, 'id', w.id, 'v', w.version, 'doc', CASE WHEN $8::boolean THEN $2::jsonb END)::text) FROM w`;

/** $1 ids, $2 channel, $3 station. */
export const DELETE_VISITS = `WITH w AS (DELETE FROM kiosk_visits WHERE id = ANY($1::text[]) RETURNING id)
  SELECT pg_notify($2, json_build_object('by', $3::text, 'id', w.id, 'v', 0)::text) FROM w`;

/** How a station's own notifications begin (json_build_object's text form): heard by its listener too, and dropped unread. */
export function ownNotePrefix(station: string): string {
  return `{"by" : ${JSON.stringify(station)}, `;
}

/**
 * The removal lease, and the record as stored, in one round trip: taken (ok) when free, expired or
 * already this station's; refused otherwise. The document comes back only when its version is not
 * the one this station holds ($4), so a claim on a current mirror reads and opens nothing.
 * $1 id, $2 station, $3 lease in ms, $4 version this station holds (-1: none or not to be trusted).
 */
export const CLAIM_VISIT = `WITH c AS (
    UPDATE kiosk_visits SET lease_owner = $2, lease_until = now() + make_interval(secs => $3::float8 / 1000)
    WHERE id = $1 AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $2) RETURNING id, version, doc)
  SELECT true AS ok, id, version, CASE WHEN version = $4 THEN NULL ELSE doc END AS doc FROM c
  UNION ALL
  SELECT false, id, version, CASE WHEN version = $4 THEN NULL ELSE doc END FROM kiosk_visits WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM c)`;

/** What a notification says: which record, its version (0: deleted), which station, and the record when small. */
export interface ChangeNote {
  id: string;
  v: number;
  by: unknown;
  doc?: unknown;
}

export function parseNote(payload: string): ChangeNote | undefined {
  try {
    const note = JSON.parse(payload) as { id?: unknown; v?: unknown; by?: unknown; doc?: unknown };
    return typeof note.id === 'string' && typeof note.v === 'number' ? { id: note.id, v: note.v, by: note.by, doc: note.doc } : undefined;
  } catch {
    return undefined;
  }
}

/** NOTIFY payloads must stay under 8000 bytes: larger records (a photo still kept) are read instead. */
export function travels(docText: string): boolean {
  return docText.length < 2300 || Buffer.byteLength(docText) < 7000;
}
