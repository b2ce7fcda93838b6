import type pg from 'pg';
import { describeError } from '../../../k30/protocol/describe-error';
import type { Logger } from '../../ports';
import { StoredProfileSchema, type StoredProfile } from '../../personal-data/profile-files';
import type { ProfileChange, ProfileStore } from '../../personal-data/profile-store';
import { isUnreachable } from './site-connection';
import { isSealed, openText, sealText } from './site-seal';

export const PROFILES_CHANNEL = 'kiosk_profiles';

/** A photo stored before its profile row (remember writes the photo first) is not an orphan yet. */
const ORPHAN_AFTER = '1 hour';

/**
 * Remembered visitors in the site database: one row per profile, the photo in a row of its own
 * sealed with the site key. A change is one transaction that notifies the other stations, which
 * read the changed rows; after a reconnect everything is compared once.
 */
export class SiteProfileStore implements ProfileStore {
  private readonly listeners = new Set<(id: string, profile: StoredProfile | null) => void>();
  /** The ids this station knows, to tell after a reconnect which ones were deleted meanwhile. */
  private readonly known = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: Buffer | undefined,
    private readonly owner: string,
    private readonly log: Logger,
  ) {}

  /** At start: a database out of reach is not a reason to stop the station; the profiles are read when it returns. */
  async load(): Promise<StoredProfile[]> {
    try {
      return await this.readAll();
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.log.warn('visitor profiles: the site database is out of reach; remembered visitors are read when it returns');
      return [];
    }
  }

  private async readAll(): Promise<StoredProfile[]> {
    const { rows } = await this.pool.query<{ doc: unknown }>('SELECT doc FROM kiosk_profiles');
    const profiles = rows.flatMap((row) => {
      const parsed = StoredProfileSchema.safeParse(row.doc);
      return parsed.success ? [parsed.data] : [];
    });
    if (profiles.length !== rows.length) this.log.warn(`visitor profiles: ${rows.length - profiles.length} unreadable profile(s) in the site database skipped`);
    this.known.clear();
    for (const profile of profiles) this.known.add(profile.id);
    return profiles;
  }

  async save(_all: Iterable<StoredProfile>, change: ProfileChange): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const profile of change.put ?? []) {
        await client.query(`INSERT INTO kiosk_profiles (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`, [
          profile.id,
          profile,
        ]);
        await this.notify(client, profile.id);
      }
      for (const id of change.removed ?? []) {
        await client.query('DELETE FROM kiosk_profiles WHERE id = $1', [id]);
        await this.notify(client, id);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    for (const profile of change.put ?? []) this.known.add(profile.id);
    for (const id of change.removed ?? []) this.known.delete(id);
  }

  async writePhoto(id: string, base64: string): Promise<void> {
    const photo = this.key ? JSON.stringify(sealText(this.key, base64)) : base64;
    await this.pool.query(
      'INSERT INTO kiosk_profile_photos (id, photo) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET photo = EXCLUDED.photo, stored_at = now()',
      [id, photo],
    );
  }

  async readPhoto(id: string): Promise<string | undefined> {
    try {
      const { rows } = await this.pool.query<{ photo: string }>('SELECT photo FROM kiosk_profile_photos WHERE id = $1', [id]);
      if (!rows[0]) return undefined;
      if (!this.key) return rows[0].photo;
      const sealed: unknown = JSON.parse(rows[0].photo);
      return isSealed(sealed) ? openText(this.key, sealed) : undefined;
    } catch (error) {
      this.log.warn(`visitor profiles: photo of ${id} unreadable: ${describeError(error)}`);
      return undefined;
    }
  }

  async deletePhoto(id: string): Promise<void> {
    await this.pool.query('DELETE FROM kiosk_profile_photos WHERE id = $1', [id]);
  }

  /** Decided in the database (another station's new profile is not in this station's `known` yet). */
  async removeOrphanPhotos(): Promise<void> {
    await this.pool
      .query(
        `DELETE FROM kiosk_profile_photos p WHERE p.stored_at < now() - interval '${ORPHAN_AFTER}'
         AND NOT EXISTS (SELECT 1 FROM kiosk_profiles WHERE id = p.id)`,
      )
      .catch((error: unknown) => this.log.warn(`visitor profiles: orphan photos not removed: ${describeError(error)}`));
  }

  onRemoteChange(listener: (id: string, profile: StoredProfile | null) => void): void {
    this.listeners.add(listener);
  }

  /** Another station's change: `{ id, by }`. */
  async heard(payload: string): Promise<void> {
    let note: { id?: unknown; by?: unknown };
    try {
      note = JSON.parse(payload) as typeof note;
    } catch {
      return;
    }
    if (typeof note.id !== 'string' || note.by === this.owner) return;
    try {
      const { rows } = await this.pool.query<{ doc: unknown }>('SELECT doc FROM kiosk_profiles WHERE id = $1', [note.id]);
      const parsed = rows[0] ? StoredProfileSchema.safeParse(rows[0].doc) : undefined;
      this.emit(note.id, parsed?.success ? parsed.data : null);
    } catch (error) {
      // Missed: the comparison after reconnecting reads everything again.
      this.log.warn(`site database: change of profile ${note.id} not read: ${describeError(error)}`);
    }
  }

  /** After reconnecting: changes may have been missed, so every profile is read again. */
  async changedAll(): Promise<void> {
    if (this.listeners.size === 0) return;
    const before = new Set(this.known);
    const profiles = await this.readAll().catch((error: unknown) => {
      this.log.warn(`site database: profiles not read again: ${describeError(error)}`);
      return undefined;
    });
    if (!profiles) return;
    for (const profile of profiles) this.emit(profile.id, profile);
    for (const id of before) if (!this.known.has(id)) this.emit(id, null);
  }

  private async notify(client: pg.PoolClient, id: string): Promise<void> {
    await client.query('SELECT pg_notify($1, $2)', [PROFILES_CHANNEL, JSON.stringify({ id, by: this.owner })]);
  }

  private emit(id: string, profile: StoredProfile | null): void {
    if (profile) this.known.add(id);
    else this.known.delete(id);
    for (const listener of this.listeners) listener(id, profile);
  }
}
