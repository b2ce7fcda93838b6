/**
 * (c) Bad input is caught with the right words (the zh-CN dictionary's), at the field at fault,
 * and nothing typed is lost; nothing reaches the server.
 */
import { expect, test } from './support/fixtures';
import { badChecksum, VISITOR_ZH, ZHANG_WEI } from './support/data';
import type { Locator, Page } from '@playwright/test';
import { chooseHost, Effort, fieldError, nextButton, stepHeading, tr, type T } from './support/journey';

test('invalid mobile, bad ID checksum and a missing host are explained, and nothing typed is lost', async ({ app, sim, shot }) => {
  const t = tr('zh-CN');
  const before = await sim.visitors();

  const name = app.getByLabel(t('field.name'), { exact: true });
  const phone = app.getByLabel(t('field.phone'), { exact: true });
  const documentNo = app.getByLabel(t('field.documentNo'), { exact: true });
  const carno = app.getByLabel(t('field.carno'));
  const wrongId = badChecksum(VISITOR_ZH.idCard);

  await expect(stepHeading(app, t, 'visitor')).toBeVisible();
  await name.fill(VISITOR_ZH.name);
  await phone.fill('1381234567'); // 10 digits
  await documentNo.fill(wrongId);
  await carno.fill(VISITOR_ZH.carno!);
  await nextButton(app, t).click();

  // Still on the visitor step, each message under its own field, the fields marked invalid.
  await expect(stepHeading(app, t, 'visitor')).toBeVisible();
  await expect(fieldError(app, 'reg-phone')).toHaveText(t('validation.phoneMainland'));
  await expect(fieldError(app, 'reg-host')).toHaveText(t('validation.hostRequired'));
  await expect(fieldError(app, 'reg-documentNo')).toHaveText(t('validation.idChecksum'));
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(documentNo).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toBeFocused(); // the first field at fault
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost.
  await expect(name).toHaveValue(VISITOR_ZH.name);
  await expect(phone).toHaveValue('1381234567');
  await expect(documentNo).toHaveValue(wrongId);
  await expect(carno).toHaveValue(VISITOR_ZH.carno!);
  await shot('invalid mobile and ID checksum');

  // Corrected: the messages go; the host (same step) is what is left.
  await phone.fill(VISITOR_ZH.phone);
  await documentNo.fill(VISITOR_ZH.idCard);
  await expect(fieldError(app, 'reg-phone')).toHaveCount(0);
  await expect(fieldError(app, 'reg-documentNo')).toHaveCount(0);

  // The host: typed a name but never chose anyone.
  const host = await typeHostWithoutChoosing(app, t);
  await nextButton(app, t).click();
  await expect(stepHeading(app, t, 'visitor')).toBeVisible();
  await expect(fieldError(app, 'reg-host')).toHaveText(t('validation.hostRequired'));
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expect(host).toHaveValue('伟');
  await expect(host).toBeFocused();
  await expect(name).toHaveValue(VISITOR_ZH.name);
  await shot('missing host');

  // Chosen: on to the photo; back again, everything is still there.
  await host.fill('');
  await chooseHost(app, t, ZHANG_WEI, new Effort());
  await nextButton(app, t).click();
  await expect(stepHeading(app, t, 'photo')).toBeVisible();
  await app.getByRole('button', { name: t('common.back'), exact: true }).click();
  await expect(stepHeading(app, t, 'visitor')).toBeVisible();
  await expect(name).toHaveValue(VISITOR_ZH.name);
  await expect(phone).toHaveValue(VISITOR_ZH.phone);
  await expect(documentNo).toHaveValue(VISITOR_ZH.idCard);
  await expect(carno).toHaveValue(VISITOR_ZH.carno!);
  await expect(host).toHaveValue(ZHANG_WEI.name);
  await expect(app.getByText(t('host.selected', { name: ZHANG_WEI.name, dept: ZHANG_WEI.dept, tail: ZHANG_WEI.phoneTail }))).toBeVisible();
  await shot('nothing lost');

  // Nothing reached the server.
  expect(await sim.visitors()).toEqual(before);
});

/**
 * Regression: the host list once reflowed the page, so pressing "下一步" with the list open moved
 * the button from under the pointer (the input's blur closed the list) and the click was lost.
 */
test('pressing Next with the host list open is not lost', async ({ app, sim, shot }) => {
  const t = tr('zh-CN');
  const before = await sim.visitors();
  await app.getByLabel(t('field.name'), { exact: true }).fill(VISITOR_ZH.name);
  await app.getByLabel(t('field.phone'), { exact: true }).fill(VISITOR_ZH.phone);
  await app.getByLabel(t('field.documentNo'), { exact: true }).fill(VISITOR_ZH.idCard);
  await expect(stepHeading(app, t, 'visitor')).toBeVisible();
  await typeHostWithoutChoosing(app, t);
  await shot('host list open');
  await nextButton(app, t).click();
  await expect(fieldError(app, 'reg-host')).toHaveText(t('validation.hostRequired'), { timeout: 3_000 });
  expect(await sim.visitors()).toEqual(before);
});

/** Types part of a host's name until the list offers someone, and chooses no one. */
async function typeHostWithoutChoosing(app: Page, t: T): Promise<Locator> {
  const host = app.getByRole('combobox', { name: t('host.label') });
  await host.fill('伟');
  await expect(
    app
      .getByRole('listbox', { name: t('host.listLabel') })
      .getByRole('option')
      .first(),
  ).toBeVisible();
  return host;
}
