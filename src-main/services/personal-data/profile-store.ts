import type { StoredProfile } from './profile-files';

/** What one change of the profiles did: the file store rewrites its index, the site database only these rows. */
export interface ProfileChange {
  put?: readonly StoredProfile[];
  removed?: readonly string[];
}

/**
 * Where remembered visitors are kept: files on this station (profile-files.ts), or the site
 * database (visits/pg/site-profiles.ts), which every station shares.
 */
export interface ProfileStore {
  load(): Promise<StoredProfile[]>;
  /** Stores a change; `all` is every profile after it. Visible once this resolves. */
  save(all: Iterable<StoredProfile>, change: ProfileChange): Promise<void>;
  writePhoto(id: string, base64: string): Promise<void>;
  /** The photo, or undefined when it is gone or cannot be opened (a new photo is taken then). */
  readPhoto(id: string): Promise<string | undefined>;
  deletePhoto(id: string): Promise<void>;
  /** Photos whose profile is gone (a crash between the index and the photo). */
  removeOrphanPhotos(known: ReadonlySet<string>): Promise<void>;
  /** Another station changed or deleted (null) a profile: site mode only. */
  onRemoteChange?(listener: (id: string, profile: StoredProfile | null) => void): void;
}
