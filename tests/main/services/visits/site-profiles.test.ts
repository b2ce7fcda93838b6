import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { siteStations } from '../../../helpers/site-app-station';
import { demoRegistration, until } from '../../../helpers/test-data';
import { describeWithPg } from '../../../helpers/with-pg';

const stations = siteStations();
afterEach(() => stations.closeAll());

const PHONE = '13912340000';

describeWithPg('remembered visitors in site mode', (cluster) => {
  it('a visitor remembered at one station is offered at another within 2 s, photo included; forgotten there, gone here', async () => {
    const url = await cluster().newDatabase();
    const lobby = await stations.open(url, 'lobby');
    const reception = await stations.open(url, 'reception');
    const registration = demoRegistration({ name: '李雷', phone: PHONE });
    await lobby.profiles.remember(registration, true);

    const started = Date.now();
    await until(() => reception.profiles.offer({ phone: PHONE }) !== null, 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    const offer = reception.profiles.offer({ phone: `+86 ${PHONE}` });
    expect(offer).toMatchObject({ name: '李雷', hostName: '张伟' });
    expect(await reception.profiles.prefill(offer!.profileId)).toMatchObject({ phone: PHONE, documentNo: registration.documentNo, photo: registration.photo });

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const profileText = (await db.query<{ t: string }>('SELECT doc::text AS t FROM kiosk_profiles')).rows.map((r) => r.t).join();
    const photoText = (await db.query<{ t: string }>('SELECT photo AS t FROM kiosk_profile_photos')).rows.map((r) => r.t).join();
    await db.end();
    expect(profileText).toContain('李雷');
    expect(profileText).not.toContain(PHONE);
    expect(profileText).not.toContain(registration.documentNo);
    expect(photoText).not.toContain(registration.photo.slice(0, 40));

    await reception.profiles.forget(offer!.profileId);
    await until(() => lobby.profiles.offer({ phone: PHONE }) === null, 2000);
  });
});
