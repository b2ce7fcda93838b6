import type { Logger } from '../../ports';
import { PgLedgerBackend } from './pg-ledger-backend';

/** The site ledger as settings describe it (site mode: `ledgerMode: 'postgres'`). */
export function siteLedgerBackend(
  site: { url: string; tls: 'off' | 'verify' | 'no-verify'; stationName: string; siteKey?: string },
  log: Logger,
  now?: () => Date,
): PgLedgerBackend {
  if (!site.siteKey) log.warn('site database: no site key set; private fields are stored without site sealing');
  // No URL (or one this machine cannot open): an address that refuses at once, so the station
  // shows "site database unreachable" and refuses registration rather than running on a file.
  const url = site.url || 'postgres://unset@127.0.0.1:1/unset';
  return new PgLedgerBackend({ connectionString: url, tls: site.tls, stationName: site.stationName, siteKey: site.siteKey, log, now });
}
