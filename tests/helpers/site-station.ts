import { afterEach, beforeEach } from 'vitest';
import { K30Client } from '../../src-main/k30/client';
import { startSimulator, type RunningSimulator } from '../../src-main/k30/simulator';
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

/**
 * A site for the tests of one block: before each test a demo simulator, its client and a fresh
 * site database; `station` opens a station on them (on the clock `now`). Stations and simulator
 * are closed after each test; `deletes` starts empty for each.
 */
export function siteRig(newDatabase: () => Promise<string>, now: () => Date = () => new Date()) {
  let sim: RunningSimulator;
  let client: K30Client;
  let url: string;
  const deletes: DeleteLog = [];
  const stations: Awaited<ReturnType<typeof startStation>>[] = [];
  beforeEach(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 3000, retries: { attempts: 1 } });
    url = await newDatabase();
    deletes.length = 0;
  });
  afterEach(async () => {
    for (const s of stations.splice(0)) await s.ledger.close();
    await sim.close();
  });
  return {
    get sim() {
      return sim;
    },
    get url() {
      return url;
    },
    deletes,
    /** The open stations (a test that closes one itself takes it out). */
    stations,
    async station(name: string, extra: Pick<StationOptions, 'leaseMs' | 'deleteVisitor'> = {}) {
      const s = await startStation({ name, url, client, deletes, now, ...extra });
      stations.push(s);
      return s;
    },
  };
}
