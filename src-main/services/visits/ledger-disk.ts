import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DiskProblem } from '../../../src-preload/contract';

/**
 * The file operations of the visit ledger, behind a port so a test can make the disk fail (full,
 * read-only) the way a real one does: every method rejects with a Node errno error.
 */
export interface LedgerDisk {
  mkdir(dir: string): Promise<void>;
  /** The file's text, or undefined when it does not exist. */
  read(file: string): Promise<string | undefined>;
  /** Temp file in the same directory, fsync, rename over the old file, fsync the directory. */
  writeAtomically(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  /** A crash between writing and renaming leaves a temp file; the real file is still whole. */
  removeStaleTemps(file: string): Promise<void>;
}

export const nodeLedgerDisk: LedgerDisk = {
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },

  async read(file) {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },

  async writeAtomically(file, text) {
    const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    await syncDirectory(dirname(file));
  },

  rename: (from, to) => rename(from, to),
  copy: (from, to) => copyFile(from, to),

  async removeStaleTemps(file) {
    const prefix = `${basename(file)}.tmp-`;
    for (const name of await readdir(dirname(file))) {
      if (name.startsWith(prefix)) await unlink(join(dirname(file), name)).catch(() => {});
    }
  },
};

/** Makes the rename itself durable. Not possible on every platform (Windows): best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignored: the data is already fsynced in the file
  }
}

export type { DiskProblem };

/** What kind of disk trouble an errno means, for a person (translated by the renderer). */
export function diskProblemOf(error: unknown): DiskProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  return 'other';
}

/** A ledger change that could not be written: it was not kept (the rule: visible only once on disk). */
export class LedgerWriteError extends Error {
  constructor(
    readonly problem: DiskProblem,
    readonly errno: string | undefined,
  ) {
    super(`the visit ledger could not be written (disk ${problem}${errno ? `, ${errno}` : ''})`);
    this.name = 'LedgerWriteError';
  }
}
