import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toKioskError } from '../../../../src-main/ipc/errors';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { RegistrationService } from '../../../../src-main/services/visits/registration';
import type { VisitError } from '../../../../src-main/services/visits/visit-error';
import { answeringServer, withAnsweringServers } from '../../../helpers/answering-server';
import { demoRegistration } from '../../../helpers/test-data';

/**
 * Issue #8 A1: an HTTP error status on visitor/Create is only "certainly not created" when the
 * server answers it before acting (400, 413). A gateway's 5xx may come after K30 committed.
 */

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let dir: string;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  dir = await mkdtemp(join(tmpdir(), 'registration-5xx-'));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

withAnsweringServers();

async function service(server = sim.url) {
  const client = new K30Client({
    server,
    credentials: sim.credentials,
    timeoutMs: 2000,
    retries: { attempts: 3, baseMs: 0, capMs: 0 },
  });
  const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
  return { ledger, registration: new RegistrationService({ ledger, client: () => client, events: new EventBus(), log: memoryLogger() }) };
}

describe('visitor/Create answered by an HTTP error status', () => {
  for (const status of [502, 503, 504, 500, 520]) {
    it(`HTTP ${status} after K30 committed is create-unknown, never create-failed, and is not re-sent`, async () => {
      const before = sim.state.visitors.size;
      sim.setFaults({ http5xxAfterCommit: 1, afterCommitStatus: status, paths: ['visitor/Create'] });
      const { ledger, registration } = await service();
      const error = await registration.register(demoRegistration({ name: `网关${status}` })).catch((e: unknown) => e);
      const [visit] = ledger.all();
      expect(toKioskError(error)).toMatchObject({ code: 'outcome-unknown', visitId: visit.id });
      expect(visit.state).toBe('create-unknown');
      // The visitor is on K30, exactly once: the unknown outcome was real and nothing was re-sent.
      expect(sim.state.visitors.size).toBe(before + 1);
      expect([...sim.state.visitors.values()].filter((v) => v.name === `网关${status}`)).toHaveLength(1);
    });
  }

  for (const status of [400, 413]) {
    it(`HTTP ${status} (answered before acting) stays create-failed`, async () => {
      const before = sim.state.visitors.size;
      // What a server does with a request it refuses outright: it never reaches K30's logic.
      const refusing = await answeringServer(() => ({ status, headers: { 'content-type': 'text/html' }, body: '<html>refused</html>' }));
      const { ledger, registration } = await service(refusing.url);
      const error = await registration.register(demoRegistration()).catch((e: unknown) => e);
      expect((error as VisitError).cause).toMatchObject({ failure: 'http-status', status });
      expect(ledger.all()[0].state).toBe('create-failed');
      expect(sim.state.visitors.size).toBe(before);
    });
  }
});
