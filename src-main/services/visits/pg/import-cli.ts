/**
 * Imports a station's visit ledger file into the site database (idempotent; prints counts):
 *
 *   npm run site-import -- --data-dir DIR --url postgres://user:pw@host/db [--tls off|verify|no-verify]
 *
 * The URL may come from KIOSK_SITE_DATABASE_URL instead (keeps the password out of the shell
 * history), the site key from KIOSK_SITE_KEY (the same key every station of the site is given).
 */
import { parseArgs } from 'node:util';
import type { Logger } from '../../ports';
import { importFileLedger } from './import-file-ledger';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, url: { type: 'string' }, tls: { type: 'string', default: 'off' } } });
const url = values.url ?? process.env.KIOSK_SITE_DATABASE_URL;
const tls = values.tls as 'off' | 'verify' | 'no-verify';
if (!values['data-dir'] || !url || !['off', 'verify', 'no-verify'].includes(tls)) {
  console.error('usage: site-import --data-dir DIR --url postgres://… [--tls off|verify|no-verify]   (or KIOSK_SITE_DATABASE_URL; KIOSK_SITE_KEY)');
  process.exit(2);
}
const log: Logger = { info: () => {}, warn: (line) => console.error(line), error: (line) => console.error(line) };
try {
  const counts = await importFileLedger({ dataDir: values['data-dir'], url, tls, siteKey: process.env.KIOSK_SITE_KEY, log });
  console.log(`read ${counts.read}, inserted ${counts.inserted}, already in the database ${counts.alreadyThere}, unreadable ${counts.unreadable}`);
} catch (error) {
  // Never the URL: it holds the password.
  console.error(`import failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
  process.exit(1);
}
