import pg from 'pg';
import { expect, it } from 'vitest';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { demoRegistration, until } from '../../../helpers/test-data';
import { siteRig } from '../../../helpers/site-station';
import { describeWithPg } from '../../../helpers/with-pg';
import { NOTIFY_CHANNEL } from '../../../../src-main/services/visits/pg/pg-ledger-backend';
import { ownNotePrefix } from '../../../../src-main/services/visits/pg/site-statements';

const registration = (i: number) => demoRegistration({ name: `访客${i}`, phone: `139${String(10000000 + i)}`, deviceNos: [DEMO_DEVICES.campusGateIn] });

/** What a station's mirror reports as other stations' changes: only real ones, and every one of them. */
describeWithPg('site ledger: other stations’ changes in the mirror', (cluster) => {
  const site = siteRig(() => cluster().newDatabase());
  const station = (name: string) => site.station(name);

  it('a record read back unchanged (a removal claim) is not reported as another station’s change', async () => {
    const a = await station('lobby');
    const b = await station('reception');
    const visit = await a.registration.register(registration(1));
    await until(() => b.ledger.get(visit.id)?.state === 'pushed', 2000);
    a.updated.length = 0;
    b.updated.length = 0;

    // Both claim it in turn: each gets the stored record, which is what its mirror holds already.
    expect(await a.ledger.claim(visit.id)).toBe(true);
    await a.ledger.release(visit.id);
    expect(await b.ledger.claim(visit.id)).toBe(true);
    await b.ledger.release(visit.id);
    expect(a.updated).toEqual([]);
    expect(b.updated).toEqual([]);
  });

  it('another station’s change made while this one was storing its own reaches the mirror, and is never overwritten', async () => {
    const a = await station('lobby');
    const b = await station('reception');
    const visit = await a.registration.register(registration(2));
    await until(() => b.ledger.get(visit.id)?.state === 'pushed', 2000);

    // B's next change is stored, but B hears so only later (a slow answer): meanwhile A, told of
    // B's change, makes one on top of it, and B is told of that while its own write is still open.
    let answer!: () => void;
    const slow = new Promise<void>((resolve) => (answer = resolve));
    const pool = b.backend.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const query = pool.query.bind(pool);
    pool.query = async (...args: unknown[]) => {
      const result = await query(...args);
      if (String(args[0]).includes('UPDATE kiosk_visits SET doc')) await slow;
      return result;
    };
    const bWrite = b.ledger.update(visit.id, (r) => void (r.lastPassAt = '2030-01-01T08:00:00.000Z'));
    await until(() => a.ledger.get(visit.id)?.lastPassAt === '2030-01-01T08:00:00.000Z', 2000);
    await a.ledger.update(visit.id, (r) => void (r.signedOutAt = '2030-01-01T09:00:00.000Z'));
    await new Promise((r) => setTimeout(r, 300));
    pool.query = query;
    answer();
    await bWrite;

    await until(() => b.ledger.get(visit.id)?.signedOutAt === '2030-01-01T09:00:00.000Z', 2000);
    // B's next change is made on A's, not on the copy B had before it.
    await b.ledger.update(visit.id, (r) => void (r.lastPassAt = '2030-01-01T10:00:00.000Z'));
    const check = new pg.Client({ connectionString: site.url });
    await check.connect();
    const { rows } = await check.query<{ doc: { signedOutAt?: string; lastPassAt?: string } }>('SELECT doc FROM kiosk_visits WHERE id = $1', [visit.id]);
    await check.end();
    expect(rows[0].doc).toMatchObject({ signedOutAt: '2030-01-01T09:00:00.000Z', lastPassAt: '2030-01-01T10:00:00.000Z' });
  });

  it('a station’s own notification is recognised by its first bytes (and dropped unread)', async () => {
    const a = await station('lobby');
    const listener = new pg.Client({ connectionString: site.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listener.query(`LISTEN ${NOTIFY_CHANNEL}`);
    const visit = await a.registration.register(registration(3));
    await until(() => payloads.length >= 3, 2000);
    await listener.end();
    expect(payloads.every((payload) => payload.startsWith(ownNotePrefix(a.backend.owner)))).toBe(true);
    expect(JSON.parse(payloads.at(-1)!)).toMatchObject({ id: visit.id, by: a.backend.owner, doc: { state: 'pushed' } });
  });
});
