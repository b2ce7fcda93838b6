import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Temp files are named `<file>.tmp-<pid>-<random>`: a crash between writing and renaming leaves one. */
export const TEMP_INFIX = '.tmp-';

/** A file's text, or undefined when it does not exist (any other error is thrown). */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Replaces a file's text so that a crash leaves the old text or the new, never half: a temp file
 * beside it (0600), fsync, rename over the old one, fsync the directory.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}${TEMP_INFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(path));
}

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
