import type pg from 'pg';

/** How a station reaches the site database (its address, and TLS: off, checked, or unchecked for a self-signed server). */
export function connectionConfig(options: { connectionString: string; tls?: 'off' | 'verify' | 'no-verify' }): pg.ClientConfig {
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
