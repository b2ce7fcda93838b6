import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { siteStations } from '../../../helpers/site-app-station';
import { until } from '../../../helpers/test-data';
import { describeWithPg } from '../../../helpers/with-pg';

const ID = '110101199003071234';
const stations = siteStations();
afterEach(() => stations.closeAll());
const station = (url: string, name: string, siteKey?: string) => stations.open(url, name, siteKey);

describeWithPg('the deny list in site mode', (cluster) => {
  it('an entry added at one station stops the person at another within 2 s; the database holds it sealed', async () => {
    const url = await cluster().newDatabase();
    const lobby = await station(url, 'lobby');
    const reception = await station(url, 'reception');
    expect(reception.denyList.check({ documentNo: ID })).toEqual([]);

    await lobby.denyList.add([{ name: '王五', documentNo: ID, reason: '曾有冲突' }], 'admin');
    const started = Date.now();
    await until(() => reception.denyList.check({ documentNo: ID.toLowerCase() }).length === 1, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reception.denyList.check({ documentNo: ID })[0]).toMatchObject({ name: '王五', documentHint: '1234' });

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ body: string }>("SELECT body FROM kiosk_documents WHERE name = 'deny-list'");
    await db.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].body).not.toContain('王五');
    expect(rows[0].body).not.toContain('曾有冲突');

    // Removed at the second station: the first lets the person through again.
    await reception.denyList.remove(reception.denyList.list()[0].id);
    await until(() => lobby.denyList.check({ documentNo: ID }).length === 0, 2000);
  });

  it('a station with another site key cannot read the list and refuses registrations rather than let anyone through', async () => {
    const url = await cluster().newDatabase();
    const lobby = await station(url, 'lobby');
    await lobby.denyList.add([{ name: '王五', documentNo: ID, reason: '曾有冲突' }], 'admin');
    const stranger = await station(url, 'stranger', 'another site');
    expect(stranger.denyList.isDamaged).toBe(true);
    expect(() => stranger.denyList.check({ documentNo: '440305199001011234' })).toThrow(expect.objectContaining({ code: 'deny-list-unavailable' }));
  });
});
