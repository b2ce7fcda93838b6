import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../services/ports';

/** key=value or "key":"value" pairs whose value is a secret, whoever logs them. */
const SECRET_PAIR = /((?:app_?secret|aes_?key|aes_?iv|secret|password|passwd|pwd|pin|key|sign)["']?\s*[:=]\s*["']?)([^\s&"',;}]+)/gi;
/** Long Base64 runs (photos, ciphertext). */
const LONG_BASE64 = /(?:data:[\w/+.-]+;base64,)?[A-Za-z0-9+/%]{200,}={0,2}/g;
const MAX_LINE = 4000;
const MAX_BYTES = 5 * 1024 * 1024;

/** A line as it may be written: known secrets and secret-looking pairs masked, blobs shortened. */
export function redactLine(line: string, secrets: readonly string[] = []): string {
  let out = String(line);
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(SECRET_PAIR, (_match, prefix: string) => `${prefix}[redacted]`);
  out = out.replace(LONG_BASE64, (blob) => `[${blob.length} chars]`);
  out = out.replace(/[\r\n]+/g, ' ');
  return out.length > MAX_LINE ? `${out.slice(0, MAX_LINE)}…` : out;
}

export interface FileLogger extends Logger {
  /** The values to mask wherever they appear (the current secrets); replaces the previous list. */
  setSecrets(values: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * The main process log: `<userData>/logs/main.log`, one line per entry with time and level; the
 * previous file is kept as main.1.log once it passes 5 MB. Never writes a secret: registered
 * secret values and secret-looking pairs are masked on every line.
 */
export function createFileLogger(userDataDir: string, options: { echo?: boolean } = {}): FileLogger {
  const dir = join(userDataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'main.log');
  try {
    if (existsSync(file) && statSync(file).size > MAX_BYTES) renameSync(file, join(dir, 'main.1.log'));
  } catch {
    // Keep appending to the old file.
  }
  let stream: WriteStream | undefined = createWriteStream(file, { flags: 'a', encoding: 'utf8', mode: 0o600 });
  stream.on('error', () => {
    stream = undefined;
  });
  let secrets: readonly string[] = [];

  const write = (level: string) => (line: string) => {
    const text = `${new Date().toISOString()} ${level} ${redactLine(line, secrets)}`;
    if (options.echo) console.log(text);
    stream?.write(`${text}\n`);
  };

  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setSecrets(values) {
      // Longest first, so a secret containing another is masked whole.
      secrets = [...values].filter((v) => typeof v === 'string' && v.length >= 4).sort((a, b) => b.length - a.length);
    },
    close() {
      const s = stream;
      stream = undefined;
      return new Promise<void>((resolve) => (s ? s.end(() => resolve()) : resolve()));
    },
  };
}
