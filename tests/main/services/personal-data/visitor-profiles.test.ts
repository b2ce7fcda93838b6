import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchKeysWith } from '../../../../src-main/services/personal-data/match-key';
import { VisitorProfiles } from '../../../../src-main/services/personal-data/visitor-profiles';
import { memoryLogger } from '../../../../src-main/services/ports';
import { demoRegistration, residentId } from '../../../helpers/test-data';
import { testSecretBox } from '../../../helpers/test-ports';

const DAY = 86_400_000;
const KEY = 'ab'.repeat(32);
const PASSPORT = 'E12345678';
const PHONE = '+442079460958';

let dir: string;
let clock: number;
let retention: number;
let photoDays: number;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profiles-'));
  clock = Date.parse('2030-03-01T09:00:00Z');
  retention = 90;
  photoDays = 30;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (box = testSecretBox()) =>
  VisitorProfiles.open({
    dir,
    box,
    keys: matchKeysWith(KEY),
    log: memoryLogger(),
    retentionDays: () => retention,
    photoDays: () => photoDays,
    now: () => new Date(clock),
  });
const foreigner = () =>
  demoRegistration({ name: 'Jane Smith', phone: PHONE, documentType: 'passport', documentNo: PASSPORT, carno: '粤B12345', hostDept: '行政部' });

describe('returning visitors: profiles kept with consent', () => {
  it('offers a remembered visitor by phone (as typed, any spacing) or by document number', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), false);
    const offer = profiles.offer({ phone: '+44 20 7946 0958' });
    expect(offer).toMatchObject({ name: 'Jane Smith', hostName: '张伟', lastVisitAt: new Date(clock).toISOString() });
    expect(profiles.offer({ documentNo: 'e 1234 5678' })?.profileId).toBe(offer!.profileId);
    expect(profiles.offer({ phone: '13800000000' })).toBeNull();
  });

  it('one tap pre-fills name, document, plate and host; the photo only with its own consent and while young enough', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    const id = profiles.offer({ phone: PHONE })!.profileId;
    const filled = await profiles.prefill(id);
    expect(filled).toMatchObject({
      name: 'Jane Smith',
      phone: PHONE,
      documentType: 'passport',
      documentNo: PASSPORT,
      carno: '粤B12345',
      host: { name: '张伟', deptname: '行政部' },
    });
    expect(filled.photo).toBe(foreigner().photo);

    clock += 31 * DAY;
    expect((await profiles.prefill(id)).photo).toBeUndefined();

    await profiles.remember(foreigner(), false);
    expect((await profiles.prefill(id)).photo).toBeUndefined();
  });

  it('keeps numbers sealed, and the photo in its own sealed file', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    const index = await readFile(join(dir, 'profiles.json'), 'utf8');
    for (const clear of [PHONE, PASSPORT, '粤B12345', foreigner().photo]) expect(index).not.toContain(clear);
    const photos = await readdir(join(dir, 'photos'));
    expect(photos).toHaveLength(1);
    expect(await readFile(join(dir, 'photos', photos[0]), 'utf8')).not.toContain(foreigner().photo);
  });

  it('survives a restart', async () => {
    const box = testSecretBox();
    await (await open(box)).remember(foreigner(), true);
    const again = await open(box);
    const id = again.offer({ documentNo: PASSPORT })!.profileId;
    expect((await again.prefill(id)).photo).toBe(foreigner().photo);
  });

  it('the kiosk gets only name and last host, and only for the full phone plus the document tail', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    expect(profiles.kioskOffer(PHONE, '5678')).toEqual({
      name: 'Jane Smith',
      host: { no: foreigner().hostNo, name: '张伟', deptname: '行政部', phoneTail: '' },
    });
    expect(profiles.kioskOffer(PHONE, '5679')).toBeNull();
    expect(profiles.kioskOffer('+44207946095', '5678')).toBeNull();
    const resident = demoRegistration({ documentNo: residentId('11010519491231002') });
    await profiles.remember(resident, false);
    expect(profiles.kioskOffer(resident.phone, resident.documentNo.slice(-4).toLowerCase())?.name).toBe(resident.name);
  });

  it('expires after the retention from the last visit; 0 keeps nothing', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    clock += 89 * DAY;
    expect(profiles.offer({ phone: PHONE })).not.toBeNull();
    clock += 2 * DAY;
    expect(profiles.offer({ phone: PHONE })).toBeNull();
    expect(await profiles.purgeExpired()).toBe(1);
    expect(profiles.size).toBe(0);
    expect(await readdir(join(dir, 'photos'))).toEqual([]);

    retention = 0;
    await profiles.remember(foreigner(), true);
    expect(profiles.size).toBe(0);
  });

  it('a shorter photo retention deletes the photo file at the next purge, keeping the profile', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    photoDays = 0;
    await profiles.purgeExpired();
    expect(profiles.size).toBe(1);
    expect(await readdir(join(dir, 'photos'))).toEqual([]);
  });

  it('"forget this visitor" deletes the profile and its photo now', async () => {
    const profiles = await open();
    await profiles.remember(foreigner(), true);
    await profiles.remember(demoRegistration({ name: '李雷' }), false);
    expect(profiles.search('').map((p) => p.name)).toEqual(expect.arrayContaining(['Jane Smith', '李雷']));
    const [jane] = profiles.search('Jane');
    expect(jane).toMatchObject({ hasPhoto: true, phoneMasked: '+44******0958' });
    expect(profiles.search(PASSPORT).map((p) => p.name)).toEqual(['Jane Smith']);
    await profiles.forget(jane.profileId);
    expect(profiles.offer({ phone: PHONE })).toBeNull();
    expect(await readdir(join(dir, 'photos'))).toEqual([]);
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toContain('Jane Smith');
    await expect(profiles.forget(jane.profileId)).rejects.toMatchObject({ code: 'not-found' });
  });
});
