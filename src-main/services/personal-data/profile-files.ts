import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DocumentTypeSchema } from '../../../src-preload/contract';
import { describeError } from '../../k30/protocol/describe-error';
import { atomicFile } from '../durable-file';
import type { Logger, SecretBox } from '../ports';
import type { ProfileChange, ProfileStore } from './profile-store';

/** One remembered visitor as the index file holds it: numbers only sealed or as keyed hashes. */
export const StoredProfileSchema = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/),
  name: z.string(),
  documentType: DocumentTypeSchema,
  phoneMasked: z.string(),
  phoneKey: z.string().optional(),
  documentKey: z.string().optional(),
  /** SecretBox-sealed JSON of the phone, document number and car plate. */
  sealed: z.string(),
  host: z.object({ no: z.string(), name: z.string(), deptname: z.string(), phoneTail: z.string() }),
  lastVisitAt: z.string(),
  consentAt: z.string(),
  /** Set when the visitor also consented to keep the photo: when it was taken (its file is photos/<id>). */
  photoAt: z.string().optional(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

const IndexFileSchema = z.object({ version: z.literal(1), profiles: z.array(z.unknown()) });

/**
 * The profile store's files, apart from the visit ledger: `profiles.json` (the index, written
 * atomically like the ledger) and one sealed file per photo under `photos/`, so a photo is read
 * only when it is reused and deleted on its own.
 */
export class ProfileFiles implements ProfileStore {
  private readonly index: ReturnType<typeof atomicFile>;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly box: Pick<SecretBox, 'seal' | 'open'>,
    private readonly log: Logger,
  ) {
    this.index = atomicFile(join(dir, 'profiles.json'));
  }

  private photoPath(id: string): string {
    return join(this.dir, 'photos', `${id}.jpg.sealed`);
  }

  async load(): Promise<StoredProfile[]> {
    await mkdir(join(this.dir, 'photos'), { recursive: true, mode: 0o700 });
    const text = await this.index.read();
    if (text === undefined) return [];
    try {
      const file = IndexFileSchema.parse(JSON.parse(text));
      const profiles: StoredProfile[] = [];
      for (const raw of file.profiles) {
        const parsed = StoredProfileSchema.safeParse(raw);
        if (parsed.success) profiles.push(parsed.data);
      }
      if (profiles.length !== file.profiles.length) this.log.warn(`visitor profiles: ${file.profiles.length - profiles.length} unreadable profile(s) skipped`);
      return profiles;
    } catch {
      // Set aside (never deleted) and start empty: returning visitors are a convenience.
      const aside = join(this.dir, `profiles.json.corrupt-${Date.now()}`);
      await rename(join(this.dir, 'profiles.json'), aside).catch(() => {});
      this.log.warn(`visitor profiles: the index was unreadable and set aside as ${aside}`);
      return [];
    }
  }

  /** Writes the whole index (serialised; a change is visible once this resolves). */
  save(profiles: Iterable<StoredProfile>, _change?: ProfileChange): Promise<void> {
    const text = JSON.stringify({ version: 1, profiles: [...profiles] });
    const next = this.writing.catch(() => {}).then(() => this.index.write(text));
    this.writing = next;
    return next;
  }

  async writePhoto(id: string, base64: string): Promise<void> {
    await atomicFile(this.photoPath(id)).write(this.box.seal(base64));
  }

  /** The photo, or undefined when it is gone or cannot be opened (a new photo is taken then). */
  async readPhoto(id: string): Promise<string | undefined> {
    try {
      const sealed = await atomicFile(this.photoPath(id)).read();
      return sealed === undefined ? undefined : this.box.open(sealed);
    } catch (error) {
      this.log.warn(`visitor profiles: photo of ${id} unreadable: ${describeError(error)}`);
      return undefined;
    }
  }

  async deletePhoto(id: string): Promise<void> {
    await unlink(this.photoPath(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Photo files whose profile is gone (a crash between the index and the unlink). */
  async removeOrphanPhotos(known: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(join(this.dir, 'photos')).catch(() => [] as string[])) {
      const id = name.replace(/\.jpg\.sealed$/, '');
      if (!known.has(id)) await unlink(join(this.dir, 'photos', name)).catch(() => {});
    }
  }
}
