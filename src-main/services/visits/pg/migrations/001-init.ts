/** Migration 1: the visits table with its removal lease, and the change notification. Never edited once released: add a new migration. */
export const sql = `
-- Site ledger, version 1: one row per visit. The record itself is a JSONB document, so a change of
-- the record's shape needs no migration; the columns beside it are what the database must query.
CREATE TABLE kiosk_visits (
  id          text PRIMARY KEY,
  k30_no      text,
  state       text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: every write says which version it changes.
  version     bigint NOT NULL DEFAULT 1,
  doc         jsonb NOT NULL,
  -- Removal lease: which station works on this visit, and until when.
  lease_owner text,
  lease_until timestamptz
);
CREATE INDEX kiosk_visits_k30_no ON kiosk_visits (k30_no);
CREATE INDEX kiosk_visits_state ON kiosk_visits (state);
`;
