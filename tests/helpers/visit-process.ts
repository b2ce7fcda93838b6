import { EventBus } from '../../src-main/services/event-bus';
import { memoryLogger } from '../../src-main/services/ports';
import { VisitLedger } from '../../src-main/services/visits/ledger';
import { RegistrationService, type RegistrationClient } from '../../src-main/services/visits/registration';
import { RemovalSweeper, type RemovalClient } from '../../src-main/services/visits/removal';

/** Timers that never fire: a test runs the sweeps itself. */
export const NO_TIMERS = { setInterval: () => 0, clearInterval: () => undefined };

interface VisitProcessOptions {
  dataDir: string;
  client: RegistrationClient & RemovalClient;
  /** The clock of registration and removal (default: the real one). */
  now?: () => Date;
  /** The ledger keeps its times on that clock too. */
  ledgerOnClock?: boolean;
}

/**
 * The visit process without the app around it: a ledger on `dataDir`, registration and a removal
 * sweeper whose timers never fire, over one K30 client, with a log the test can read.
 */
export async function visitProcess({ dataDir, client, now, ledgerOnClock = false }: VisitProcessOptions) {
  const log = memoryLogger();
  const ledger = await VisitLedger.open({ dataDir, log, ...(ledgerOnClock ? { now } : {}) });
  const events = new EventBus();
  const registration = new RegistrationService({ ledger, client: () => client, events, log, now });
  const removal = new RemovalSweeper({ ledger, client: () => client, events, log, now, timers: NO_TIMERS, retentionDays: () => 30 });
  return { log, ledger, events, registration, removal };
}
