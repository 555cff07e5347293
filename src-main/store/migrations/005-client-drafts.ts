/**
 * 005: the intake as typed, one draft per client (role, profile, assumptions, notes and text that
 * does not validate yet), so nothing typed is lost when the app restarts. The structured fields
 * stay in their own tables; this is the form as the adviser left it. Erasing the client removes
 * the draft with it (ON DELETE CASCADE).
 */
import type { Migration } from './types'

export const clientDrafts: Migration = {
  version: 5,
  name: 'client-drafts',
  up: `
    CREATE TABLE client_drafts (
      client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
      -- A JSON object, bounded like the IPC contract's caseDraftSchema.
      draft_json TEXT NOT NULL CHECK (json_valid(draft_json) AND json_type(draft_json) = 'object' AND length(draft_json) <= 400000),
      -- Whether this draft was a complete, valid case when it was saved.
      complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
}
