/** Migration 2: documents every station shares whole (the deny list). Never edited once released: add a new migration. */
export const sql = `
-- One row per shared document, the text sealed with the site key when one is set. A document is
-- small and changed rarely by an administrator, so it is replaced whole, like the file it replaces.
CREATE TABLE kiosk_documents (
  name        text PRIMARY KEY,
  version     bigint NOT NULL DEFAULT 1,
  body        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
`;
