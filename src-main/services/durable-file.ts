import { readTextIfExists, writeFileAtomically } from './atomic-write';
import type { DurableFile } from './ports';

/** A DurableFile on disk, written the way the visit ledger is (atomic-write.ts). */
export function atomicFile(path: string): DurableFile {
  return {
    read: () => readTextIfExists(path),
    write: (text) => writeFileAtomically(path, text),
  };
}
