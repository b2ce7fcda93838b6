/** Migration 3: the site's audit log. Never edited once released: add a new migration. */
export const sql = `
-- One row per audited action of any station, appended only; the retention purge drops whole UTC days.
CREATE TABLE kiosk_audit (
  id     bigserial PRIMARY KEY,
  day    date NOT NULL,
  entry  jsonb NOT NULL
);
CREATE INDEX kiosk_audit_day ON kiosk_audit (day);
`;
