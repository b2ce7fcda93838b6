import { copyFile, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readTextIfExists, TEMP_INFIX, writeFileAtomically } from '../atomic-write';
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

  read: (file) => readTextIfExists(file),
  writeAtomically: (file, text) => writeFileAtomically(file, text),

  rename: (from, to) => rename(from, to),
  copy: (from, to) => copyFile(from, to),

  async removeStaleTemps(file) {
    const prefix = `${basename(file)}${TEMP_INFIX}`;
    for (const name of await readdir(dirname(file))) {
      if (name.startsWith(prefix)) await unlink(join(dirname(file), name)).catch(() => {});
    }
  },
};

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
