import type pg from 'pg';
import type { PgLedgerOptions } from './pg-ledger-backend';

/** NOTIFY payloads must stay under 8000 bytes: larger records (a photo still kept) are read instead. */
export function inline(doc: unknown): string | null {
  const text = JSON.stringify(doc);
  return Buffer.byteLength(text) < 7000 ? text : null;
}

export function connectionConfig(options: Pick<PgLedgerOptions, 'connectionString' | 'tls'>): pg.ClientConfig {
  const ssl = options.tls === 'verify' ? { rejectUnauthorized: true } : options.tls === 'no-verify' ? { rejectUnauthorized: false } : undefined;
  return { connectionString: options.connectionString, ...(ssl ? { ssl } : {}) };
}

/** Connection trouble (as opposed to a refused statement): the database is out of reach. */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (code.startsWith('08') ||
      code === '57P01' ||
      code === '57P03' ||
      /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|TIMEDOUT|PIPE|NOTFOUND|AI_AGAIN)$/.test(code))
  )
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|Query read timeout/i.test(
    message,
  );
}
