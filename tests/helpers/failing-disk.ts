import { nodeLedgerDisk, type LedgerDisk } from '../../src-main/services/visits/ledger-disk';

/** An errno error as Node's fs gives it. */
function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated disk failure`), { code });
}

/**
 * The real disk, except that writes (and renames) fail with a given errno while told to: a disk
 * that fills up or turns read-only under the app. `failNextWrites(n)` fails only the next n.
 */
export function failingDisk(): LedgerDisk & {
  failWrites(code: string | null): void;
  failNextWrites(n: number, code: string): void;
  failRenames(code: string | null): void;
  writes: number;
} {
  let writeCode: string | null = null;
  let remaining = Infinity;
  let renameCode: string | null = null;
  return {
    ...nodeLedgerDisk,
    writes: 0,
    failWrites(code) {
      writeCode = code;
      remaining = Infinity;
    },
    failNextWrites(n, code) {
      writeCode = code;
      remaining = n;
    },
    failRenames(code) {
      renameCode = code;
    },
    async writeAtomically(file, text) {
      this.writes++;
      if (writeCode && remaining > 0) {
        remaining--;
        if (remaining === 0) {
          const code = writeCode;
          writeCode = null;
          throw errno(code);
        }
        throw errno(writeCode);
      }
      return nodeLedgerDisk.writeAtomically(file, text);
    },
    async rename(from, to) {
      if (renameCode) throw errno(renameCode);
      return nodeLedgerDisk.rename(from, to);
    },
    async copy(from, to) {
      if (renameCode) throw errno(renameCode);
      return nodeLedgerDisk.copy(from, to);
    },
  };
}
