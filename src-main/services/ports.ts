import type { SecretProtection } from '../../src-preload/contract';

/**
 * What services need from the outside world, so they run under plain Node in tests and in the
 * browser harness: Electron supplies electron-store and safeStorage behind these; tests supply
 * `conf` or a Map and a test box.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Encrypts secrets at rest (Electron: safeStorage). */
export interface SecretBox {
  /** 'os' = a real keyring/DPAPI/Keychain; 'basic_text' = Linux without a keyring (obfuscation only). */
  readonly protection: SecretProtection;
  seal(plain: string): string;
  open(sealed: string): string;
}

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** A logger for tests and the harness that keeps its lines (so tests can check no secret is logged). */
export function memoryLogger(echo = false): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (line: string) => {
    lines.push(`${level} ${line}`);
    if (echo) console.log(`${level} ${line}`);
  };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/**
 * One small document kept across restarts (e.g. the callback receiver's recently seen
 * signatures). Electron and the harness give a file in the data dir written atomically
 * (durable-file.ts); tests may give memory.
 */
export interface DurableFile {
  /** The last text written, or undefined when there is none yet. */
  read(): Promise<string | undefined>;
  /** Replaces the text; when it resolves the new text survives a crash. */
  write(text: string): Promise<void>;
}

/** A DurableFile in memory (tests, or when nothing may be written). */
export function memoryFile(initial?: string): DurableFile & { text: string | undefined } {
  return {
    text: initial,
    async read() {
      return this.text;
    },
    async write(text: string) {
      this.text = text;
    },
  };
}
