/** Migration 4: remembered visitors, shared by the site's stations. Never edited once released: add a new migration. */
export const sql = `
-- One row per remembered visitor (numbers only sealed with the site key or as keyed hashes), and
-- their photo apart, read only when reused.
CREATE TABLE kiosk_profiles (
  id          text PRIMARY KEY,
  doc         jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kiosk_profile_photos (
  id         text PRIMARY KEY,
  photo      text NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now()
);
`;
