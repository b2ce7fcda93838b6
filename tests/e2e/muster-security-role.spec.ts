/**
 * A security guard's own PIN opens the full-number muster (no admin PIN needed, staff sign-in
 * off): main checks the role, and the audit log names the guard.
 */
import { readFile } from 'node:fs/promises';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { expect, test } from './support/fixtures';
import { navigate, tr } from './support/journey';

const SECURITY_PIN = '97531';

test('the security role exports the muster with full phone numbers', async ({ app, harness, shot }) => {
  const t = tr('zh-CN');
  // Set up as an administrator did earlier (through the services, so no admin session is open now).
  harness.services.settings.setPin(undefined, '2468');
  harness.services.identity.addStaff({ name: '保安甲', role: 'security', pin: SECURITY_PIN });
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('getMuster', { scope: 'all', phones: 'full' })).toMatchObject({ ok: false, error: { code: 'pin-required' } });

  await navigate(app, t, 'security');
  await app.getByRole('radio', { name: t('security.scopeAll') }).check();
  await app.getByLabel(t('security.phonesFull')).check();
  await app.getByRole('button', { name: t('security.exportCsv'), exact: true }).click();
  const prompt = app.getByTestId('muster-pin');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(t('security.phonesNeedPin'));
  await prompt.getByLabel(t('settings.pin')).fill(SECURITY_PIN);
  const download = app.waitForEvent('download');
  await prompt.getByRole('button', { name: t('settings.unlock'), exact: true }).click();
  const text = (await readFile(await (await download).path())).toString('utf8');
  expect(text, 'full mobile numbers in the CSV').toMatch(/,1[3-9]\d{9},/);
  await shot('muster exported with full numbers');

  const entries = (await harness.services.audit.list({})).entries;
  expect(entries).toContainEqual(
    expect.objectContaining({ action: 'full-numbers-shown', outcome: 'ok', actor: expect.objectContaining({ staffName: '保安甲', role: 'security' }) }),
  );
  await expect
    .poll(async () => (await harness.services.audit.list({})).entries.some((e) => e.action === 'data-exported' && e.detail?.startsWith('muster-csv')))
    .toBe(true);
});
