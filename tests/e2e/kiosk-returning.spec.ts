/**
 * Issue #10 item 3 at the self-service kiosk: a remembered visitor is welcomed back only after
 * typing their own full phone and document (main answers the phone + last 4 only, with name and
 * last host); a wrong document offers nothing. The visit then reaches the simulator with that host.
 * In English only (a passport holder with a UK number): the behaviour is the same in Chinese.
 */
import { expect, test } from './support/fixtures';
import type { Language, Visit } from '../../src-preload/contract';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { demoRegistration } from '../helpers/test-data';
import { ZHANG_WEI } from './support/data';
import { useLanguage } from './support/journey';
import { agree, DOORS, expectDone, heading, next, takePhoto, turnSelfServiceOn, zh, en } from './support/self-service';

test.use({ viewport: { width: 1080, height: 1920 } });

for (const language of ['en'] as Language[]) {
  test(`welcomes a remembered visitor back after their own phone and document (${language})`, async ({ app, harness, sim, shot }) => {
    const t = language === 'en' ? en : zh;
    const dispatch = createDispatcher(harness.services.handlers);
    // Remembered at reception on an earlier day (with consent), that visit since ended.
    const earlier = await dispatch(
      'registerVisit',
      demoRegistration({
        name: 'Jane Smith',
        phone: '+442079460958',
        documentType: 'passport',
        documentNo: 'E12345678',
        hostNo: ZHANG_WEI.no,
        hostName: ZHANG_WEI.name,
        hostDept: ZHANG_WEI.dept,
        remember: { photo: false },
      }),
    );
    expect(earlier.ok).toBe(true);
    await dispatch('removeVisit', { visitId: (earlier as { value: Visit }).value.id });
    await turnSelfServiceOn(harness);
    await app.reload();
    await useLanguage(app, language);
    const before = await sim.visitors();

    await app.getByRole('button', { name: t('selfService.welcome.start'), exact: true }).click();
    // Consent first: nothing personal, not even to be recognised, is typed before it.
    await agree(app, t);
    await expect(heading(app, t('selfService.step.details'))).toBeVisible();
    await app.getByLabel(t('field.documentType'), { exact: true }).selectOption({ label: t('doc.passport') });
    await app.getByLabel(t('field.phone'), { exact: true }).fill('+44 20 7946 0958');
    // Someone else's document (a wrong tail): nothing is offered.
    await app.getByLabel(t('field.documentNo'), { exact: true }).fill('E12345670');
    const offer = app.getByRole('button', { name: t('returning.kioskOffer', { name: 'Jane Smith', host: ZHANG_WEI.name }) });
    await app.waitForTimeout(800);
    await expect(offer).toHaveCount(0);
    await app.getByLabel(t('field.documentNo'), { exact: true }).fill('E12345678');
    await expect(offer).toBeVisible();
    await shot(`${language} kiosk welcome back`);
    await offer.click();
    await expect(app.getByLabel(t('field.name'), { exact: true })).toHaveValue('Jane Smith');
    await next(app, t);
    await expect(app.getByText(t('host.selectedNoTail', { name: ZHANG_WEI.name, dept: ZHANG_WEI.dept }), { exact: true })).toBeVisible();
    await next(app, t);
    await expect(app.getByRole('button', { name: t('photo.capture'), exact: true })).toBeEnabled({ timeout: 20_000 });
    await takePhoto(app, t);
    await app.getByRole('button', { name: t('selfService.submit'), exact: true }).click();
    await expectDone(app, t);

    const added = (await sim.visitors()).filter((v) => !before.some((b) => b.no === v.no));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ name: 'Jane Smith', phone: '+442079460958', idcard: 'E12345678', staffno: ZHANG_WEI.no });
    expect([...added[0].syncedDevices].sort()).toEqual([...DOORS].sort());
  });
}
