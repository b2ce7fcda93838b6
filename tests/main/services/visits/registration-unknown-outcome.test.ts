import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../../src-preload/contract';
import { createDispatcher, type ApiHandlers } from '../../../../src-main/ipc/dispatch';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { EventBus } from '../../../../src-main/services/event-bus';
import { memoryLogger } from '../../../../src-main/services/ports';
import { VisitLedger } from '../../../../src-main/services/visits/ledger';
import { RegistrationService } from '../../../../src-main/services/visits/registration';
import { demoRegistration } from '../../../helpers/test-data';

/**
 * Issue #8 A3: the ways out of "outcome unknown". K30 has no visitor look-up, so staff choose:
 * register again (told a duplicate may result) or abandon (recorded as possibly left on K30).
 */

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let dir: string;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
  dir = await mkdtemp(join(tmpdir(), 'unknown-outcome-'));
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

/** A registration whose visitor/Create reached K30 but whose answer was lost. */
async function unknownCreate() {
  const client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  const ledger = await VisitLedger.open({ dataDir: dir, log: memoryLogger() });
  const registration = new RegistrationService({ ledger, client: () => client, events: new EventBus(), log: memoryLogger() });
  sim.setFaults({ dropAfterCommit: 1, paths: ['visitor/Create'] });
  await registration.register(demoRegistration({ name: '未知结果' })).catch(() => undefined);
  const [visit] = ledger.all();
  expect(visit.state).toBe('create-unknown');
  const handlers = {
    retryRegistration: ({ visitId }: { visitId: string }) => registration.retryRegistration(visitId),
    cancelVisit: ({ visitId }: { visitId: string }) => registration.cancelVisit(visitId),
  };
  return { ledger, visit, dispatch: createDispatcher(handlers as unknown as ApiHandlers) };
}

const onK30 = () => [...sim.state.visitors.values()].filter((v) => v.name === '未知结果');

describe('a registration whose outcome is unknown', () => {
  it('never holds a K30 number, though K30 has the visitor', async () => {
    const { visit } = await unknownCreate();
    expect(visit.k30No).toBeUndefined();
    expect(onK30()).toHaveLength(1);
  });

  it('abandoning it records that an unpushed visitor may remain on K30, sends nothing, and drops the personal data', async () => {
    const { ledger, visit, dispatch } = await unknownCreate();
    const result = await dispatch('cancelVisit', { visitId: visit.id });
    expect(result).toMatchObject({ ok: true, value: { state: 'abandoned' } });
    const abandoned = ledger.get(visit.id)!;
    expect(abandoned.lastError).toMatch(/may hold an unpushed visitor/);
    expect(abandoned.history.at(-1)).toMatchObject({ event: 'abandoned', detail: expect.stringMatching(/may remain on K30/) });
    expect(abandoned.private).toEqual({});
    // It stays on K30, never pushed to a door: for the K30 admin's report.
    expect(onK30()).toHaveLength(1);
    expect(onK30()[0].syncedDevices).toEqual([]);
    // Abandoned is final: it cannot be sent again afterwards.
    expect(await dispatch('retryRegistration', { visitId: visit.id, duplicateRiskAccepted: true })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
  });

  it('registering it again needs the duplicate risk accepted; then K30 holds the visitor twice, as the warning said', async () => {
    const { visit, dispatch } = await unknownCreate();
    expect(await dispatch('retryRegistration', { visitId: visit.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'duplicateRiskAccepted' },
    });
    expect(onK30()).toHaveLength(1);
    const again = await dispatch('retryRegistration', { visitId: visit.id, duplicateRiskAccepted: true });
    expect(again).toMatchObject({ ok: true, value: { state: 'pushed' } });
    expect((again as { value: Visit }).value.history.some((h) => /duplicate/.test(h.detail ?? ''))).toBe(true);
    expect(onK30()).toHaveLength(2);
  });
});
