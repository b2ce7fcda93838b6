/**
 * Issue #10 items 2–3: a visitor who said "remember me" (and "keep my photo") is offered when their
 * phone is typed again; one tap fills in details, host and photo, and the visit reaches K30 with
 * the remembered numbers and the reused photo. Settings forgets them. Interactions printed.
 */
import { expect, test } from './support/fixtures';
import type { Language, Visit } from '../../src-preload/contract';
import { LI_NA, ZHANG_WEI } from './support/data';
import {
  Effort,
  effortLine,
  navigate,
  onlineDevices,
  registerVisitor,
  reviewSection,
  selectAllOnlineButton,
  stepHeading,
  submitButton,
  tickedDevices,
  tr,
  useLanguage,
  type HostChoice,
  type Visitor,
} from './support/journey';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1366, height: 768 } });

type Kiosk = { kiosk: { listVisits(): Promise<{ ok: boolean; value: Visit[] }>; removeVisit(input: { visitId: string }): Promise<unknown> } };

/** Ends every visit (setup between two visits of the same person; not counted as staff effort). */
async function endAllVisits(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const k = (globalThis as unknown as Kiosk).kiosk;
    const list = await k.listVisits();
    for (const v of list.value) await k.removeVisit({ visitId: v.id });
  });
}

const CASES: { language: Language; visitor: Visitor; host: HostChoice }[] = [
  {
    language: 'zh-CN',
    visitor: { name: 'Jane Smith', phone: '+44 20 7946 0958', documentType: 'passport', idCard: 'E12345678', carno: '粤B12345' },
    host: ZHANG_WEI,
  },
  { language: 'en', visitor: { name: 'John Roe', phone: '+1 202 555 0143', documentType: 'passport', idCard: '488839667' }, host: LI_NA },
];

for (const { language, visitor, host } of CASES) {
  test(`a returning visitor is filled in with one tap, photo reused (${language})`, async ({ app, sim, shot }, testInfo) => {
    const t = tr(language);
    const first = await registerVisitor(app, { language, visitor, host, shot, remember: { photo: true } });
    const firstOnServer = (await sim.visitors()).find((v) => v.name === visitor.name)!;
    await endAllVisits(app);
    await app.reload();
    await useLanguage(app, language);

    // The returning visitor: their phone, the offer, the doors (one tap), submit.
    const effort = new Effort();
    await expect(stepHeading(app, t, 'visitor')).toBeVisible();
    await app.getByLabel(t('field.phone'), { exact: true }).fill(visitor.phone);
    effort.count();
    const offer = app.getByRole('button', { name: new RegExp(`${visitor.name}.*${host.name}`) });
    await expect(offer).toBeVisible();
    await shot(`${language} returning offer`);
    await offer.click();
    effort.count();
    // Host and photo are done: straight to the visit step, where only the doors are left (none are defaults here).
    await expect(stepHeading(app, t, 'visit')).toBeVisible();
    expect(await tickedDevices(app)).toEqual([]);
    await selectAllOnlineButton(app, t).click();
    effort.count();
    expect((await tickedDevices(app)).sort()).toEqual((await onlineDevices(app)).sort());
    await expect(reviewSection(app, t, 'visitor')).toContainText(visitor.idCard);
    await expect(reviewSection(app, t, 'photo').getByRole('img', { name: t('photo.result') })).toBeVisible();
    await shot(`${language} returning review`);
    await submitButton(app, t).click();
    effort.count();
    await expect(app.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });

    const line = `${language}: new visitor ${effortLine(first)} (with the 2 remember-me ticks; ${first.deviceNos.length} doors in one tap), returning visitor ${effort.n} (target ≤ 5)`;
    console.log(`[interactions] ${line}`);
    testInfo.annotations.push({ type: 'interactions', description: line });
    expect(effort.n).toBeLessThanOrEqual(5);

    const again = (await sim.visitors()).filter((v) => v.name === visitor.name && v.no !== firstOnServer.no);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ phone: firstOnServer.phone, idcard: visitor.idCard, staffno: host.no, carno: firstOnServer.carno });
    expect(again[0].photoBytes, 'the remembered photo was sent again').toBe(firstOnServer.photoBytes);

    // Settings: forget this visitor; typing the phone again offers nothing.
    await navigate(app, t, 'settings');
    const forget = app.getByRole('button', { name: t('settings.profiles.forget', { name: visitor.name }) });
    await forget.click();
    await expect(app.getByText(t('settings.profiles.forgotten', { name: visitor.name }))).toBeVisible();
    await endAllVisits(app);
    await navigate(app, t, 'register');
    await app.reload();
    await app.getByLabel(t('field.phone'), { exact: true }).fill(visitor.phone);
    await app.getByLabel(t('field.name'), { exact: true }).fill('x');
    await expect(app.getByRole('button', { name: new RegExp(visitor.name) })).toHaveCount(0);
  });
}
