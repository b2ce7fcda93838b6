import type { K30Client } from '../../src-main/k30/client';
import { EventBus } from '../../src-main/services/event-bus';
import { memoryLogger } from '../../src-main/services/ports';
import { VisitLedger } from '../../src-main/services/visits/ledger';
import { PgLedgerBackend } from '../../src-main/services/visits/pg/pg-ledger-backend';
import { RegistrationService } from '../../src-main/services/visits/registration';
import { RemovalSweeper, type RemovalClient } from '../../src-main/services/visits/removal';

/** Every visitor/Delete a station sent, by station: to prove each removal is done once. */
export type DeleteLog = { station: string; no: string }[];

export interface StationOptions {
  name: string;
  url: string;
  client: K30Client;
  deletes: DeleteLog;
  now: () => Date;
  leaseMs?: number;
  /** Replaces the station's visitor/Delete (e.g. one that never answers: a station dying mid-way). */
  deleteVisitor?: (no: string) => Promise<unknown>;
}

/** One station of a site: its own ledger mirror on the shared database, registration and removal. */
export async function startStation(options: StationOptions) {
  const log = memoryLogger();
  const backend = new PgLedgerBackend({
    connectionString: options.url,
    stationName: options.name,
    siteKey: 'site key for tests',
    log,
    leaseMs: options.leaseMs ?? 60_000,
    reconnectMs: 200,
    timeoutMs: 1000,
  });
  const ledger = await VisitLedger.open({ dataDir: '', log, backend });
  const events = new EventBus();
  const updated: string[] = [];
  ledger.onRemoteChange((change) => updated.push(change.id));
  const removalClient: RemovalClient = {
    deleteVisitor: (no) => {
      options.deletes.push({ station: options.name, no });
      return options.deleteVisitor ? options.deleteVisitor(no) : options.client.deleteVisitor(no);
    },
  };
  const registration = new RegistrationService({ ledger, client: () => options.client, events, log });
  const sweeper = new RemovalSweeper({
    ledger,
    client: () => removalClient,
    events,
    log,
    now: options.now,
    timers: { setInterval: () => 0, clearInterval: () => {} },
    retentionDays: () => 30,
  });
  return { name: options.name, ledger, backend, registration, sweeper, log, updated };
}
