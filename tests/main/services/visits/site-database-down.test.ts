import { afterEach, beforeEach, expect, it } from 'vitest';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { appStatus } from '../../../../src-main/services/api-handlers';
import { LedgerWriteError } from '../../../../src-main/services/visits/ledger-disk';
import { UnsavedFacts } from '../../../../src-main/services/visits/unsaved-facts';
import { startStation, type DeleteLog } from '../../../helpers/site-station';
import { tcpProxy } from '../../../helpers/tcp-proxy';
import { demoRegistration, until } from '../../../helpers/test-data';
import { describeWithPg } from '../../../helpers/with-pg';

describeWithPg('a station whose site database goes away', (cluster) => {
  type Simulator = Awaited<ReturnType<typeof startSimulator>>;
  let sim: Simulator;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let url: string;
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    sim = await startSimulator({ port: 0, seed: 'demo' });
    const direct = new URL(await cluster().newDatabase());
    proxy = await tcpProxy(Number(direct.port));
    direct.port = String(proxy.port);
    url = direct.toString();
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await proxy.close();
    await sim.close();
  });

  it('refuses registration before anything reaches K30, says since when, and resumes by itself', async () => {
    const client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 3000, retries: { attempts: 1 } });
    const deletes: DeleteLog = [];
    const s = await startStation({ name: 'lobby', url, client, deletes, now: () => new Date() });
    closers.push(() => s.ledger.close());
    const before = sim.state.visitors.size;
    const reg = demoRegistration({ name: '访客甲', phone: '13912345678', deviceNos: [DEMO_DEVICES.campusGateIn] });

    proxy.cut();
    await until(() => s.ledger.writeProblem?.problem === 'site-unreachable', 3000);
    const refused = await s.registration.register(reg).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LedgerWriteError);
    expect((refused as LedgerWriteError).problem).toBe('site-unreachable');
    expect(sim.state.visitors.size).toBe(before);
    expect(s.ledger.all()).toEqual([]);
    const status = appStatus(s.ledger, new UnsavedFacts({ ledger: s.ledger, log: s.log }));
    expect(status).toMatchObject({ ledgerUnwritable: 'site-unreachable', ledgerUnwritableSince: expect.any(String) });

    proxy.restore();
    await until(() => s.ledger.writeProblem === undefined, 5000);
    const visit = await s.registration.register(reg);
    expect(visit.state).toBe('pushed');
    expect(sim.state.visitors.size).toBe(before + 1);
  });

  it('a station that starts while the database is down starts empty, refuses, then catches up', async () => {
    const client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 3000, retries: { attempts: 1 } });
    const deletes: DeleteLog = [];
    const first = await startStation({ name: 'lobby', url, client, deletes, now: () => new Date() });
    closers.push(() => first.ledger.close());
    const visit = await first.registration.register(demoRegistration({ name: '访客乙', phone: '13912345679', deviceNos: [DEMO_DEVICES.campusGateIn] }));

    proxy.cut();
    const late = await startStation({ name: 'security', url, client, deletes, now: () => new Date() });
    closers.push(() => late.ledger.close());
    expect(late.ledger.writeProblem?.problem).toBe('site-unreachable');
    expect(late.ledger.all()).toEqual([]);

    proxy.restore();
    await until(() => late.ledger.get(visit.id)?.state === 'pushed', 5000);
    expect(late.updated).toContain(visit.id);
    expect(late.ledger.writeProblem).toBeUndefined();
  });
});
