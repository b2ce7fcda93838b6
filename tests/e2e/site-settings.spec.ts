/**
 * Settings → site database, as an installer uses it behind the admin PIN: the shared ledger
 * chosen, the connection URL and site key typed (afterwards shown only as "set": the URL never
 * comes back to the page), TLS, "applies at restart", and "test connection" against a database
 * nobody listens for (the translated "unreachable", in Chinese and in English) and, where
 * PostgreSQL can be started here, against a real one. axe-core finds nothing in either language.
 */
import type { Page } from '@playwright/test';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import { startPgCluster } from '../helpers/pg-cluster';
import { expect, test } from './support/fixtures';
import { navigate, tr, useLanguage, type T } from './support/journey';

const ADMIN_PIN = '2468';
const PASSWORD = 'E2E-pw-q7Zr3';
const UNREACHABLE = `postgres://kiosk:${PASSWORD}@127.0.0.1:1/x`;
const SITE_KEY = 'SITEKEY-e2e-m4Tx9';

test.use({ viewport: { width: 1366, height: 768 } });

/** What the page is told of settings, straight from window.kiosk. */
async function pageSettings(app: Page): Promise<unknown> {
  const result = await app.evaluate(async () =>
    (globalThis as unknown as { kiosk: { getSettings(): Promise<{ ok: boolean; value: unknown }> } }).kiosk.getSettings(),
  );
  return result.value;
}

async function unlockSettings(app: Page, t: T): Promise<void> {
  await navigate(app, t, 'settings');
  await app.getByLabel(t('settings.pin'), { exact: true }).fill(ADMIN_PIN);
  await app.getByRole('button', { name: t('settings.unlock'), exact: true }).click();
}

const siteSection = (app: Page, t: T) => app.getByRole('region', { name: t('settings.site.title'), exact: true });

test('an installer points the station at a site database: secrets shown only as set, the test says what is wrong', async ({ app, harness, checkScreen }) => {
  const t = tr('zh-CN');
  const dispatch = createDispatcher(harness.services.handlers);
  expect(await dispatch('setAdminPin', { next: ADMIN_PIN })).toMatchObject({ ok: true });
  await app.reload();
  await navigate(app, t, 'settings');
  await expect(app.getByRole('heading', { name: t('settings.pinTitle'), exact: true })).toBeVisible();
  await expect(siteSection(app, t)).toHaveCount(0);
  await unlockSettings(app, t);

  const section = siteSection(app, t);
  await expect(section.getByTestId('siteDatabaseUrl-status')).toHaveText(t('settings.secretNotSet'));
  await expect(section.getByTestId('siteKey-status')).toHaveText(t('settings.secretNotSet'));
  await expect(section.getByTestId('site-restart-note')).toHaveText(t('settings.site.appliesAtRestart'));
  await section.getByLabel(t('settings.site.ledgerMode'), { exact: true }).selectOption('postgres');
  await expect(section.getByTestId('site-url-missing')).toBeVisible();

  // A URL that is not PostgreSQL's is refused on the page, with its own message.
  await section.getByLabel(t('settings.site.url'), { exact: true }).fill('http://db.example/kiosk');
  await app.getByRole('button', { name: t('settings.save'), exact: true }).click();
  await expect(section.getByText(t('settings.error.siteDatabaseUrl'))).toBeVisible();
  expect(harness.services.settings.values.ledgerMode, 'nothing saved').toBe('file');

  await section.getByLabel(t('settings.site.url'), { exact: true }).fill(UNREACHABLE);
  await section.getByLabel(t('settings.site.key'), { exact: true }).fill(SITE_KEY);
  await section.getByLabel(t('settings.site.tls'), { exact: true }).selectOption('verify');
  await expect(section.getByTestId('site-url-missing')).toHaveCount(0);
  await app.getByRole('button', { name: t('settings.save'), exact: true }).click();
  await expect(app.getByText(t('settings.saved'), { exact: true })).toBeVisible();

  // Main holds them; the page is told only that they are set.
  expect(harness.services.settings.siteDatabaseSettings()).toMatchObject({ url: UNREACHABLE, tls: 'verify', siteKey: SITE_KEY });
  await expect(section.getByTestId('siteDatabaseUrl-status')).toHaveText(t('settings.secretSet'));
  await expect(section.getByTestId('siteKey-status')).toHaveText(t('settings.secretSet'));
  await expect(section.getByLabel(t('settings.site.url'), { exact: true })).toHaveValue('');
  await expect(section.getByLabel(t('settings.site.key'), { exact: true })).toHaveValue('');
  await expect(section.getByTestId('site-restart-note')).toHaveText(t('settings.site.restartNeeded'));
  const told = await pageSettings(app);
  expect(told).toMatchObject({ site: { ledgerMode: 'postgres', siteDatabaseTls: 'verify', siteDatabaseUrlSet: true, siteKeySet: true } });
  expect(JSON.stringify(told)).not.toContain(PASSWORD);
  expect(JSON.stringify(told)).not.toContain('postgres://');
  expect(JSON.stringify(told)).not.toContain(SITE_KEY);

  await section.getByRole('button', { name: t('settings.site.test'), exact: true }).click();
  await expect(section.getByTestId('site-test-result')).toHaveText(t('settings.site.failure.unreachable'), { timeout: 15_000 });
  await checkScreen('zh-CN settings, site database unreachable');

  // In English, after a reload: what is set is main's word, the page kept nothing.
  await useLanguage(app, 'en');
  const en = tr('en');
  await app.reload();
  await unlockSettings(app, en);
  const english = siteSection(app, en);
  await expect(english.getByTestId('siteDatabaseUrl-status')).toHaveText(en('settings.secretSet'));
  await expect(english.getByLabel(en('settings.site.ledgerMode'), { exact: true })).toHaveValue('postgres');
  await english.getByRole('button', { name: en('settings.site.test'), exact: true }).click();
  await expect(english.getByTestId('site-test-result')).toHaveText(en('settings.site.failure.unreachable'), { timeout: 15_000 });
  await checkScreen('en settings, site database unreachable');

  // Cleared with the page's own button: '' clears it in main.
  await english.getByRole('button', { name: en('settings.clearSecret', { name: en('settings.site.url') }), exact: true }).click();
  await app.getByRole('button', { name: en('settings.save'), exact: true }).click();
  await expect(english.getByTestId('siteDatabaseUrl-status')).toHaveText(en('settings.secretNotSet'));
  expect(harness.services.settings.siteDatabaseSettings()?.url).toBe('');
  await english.getByRole('button', { name: en('settings.site.test'), exact: true }).click();
  await expect(english.getByTestId('site-test-result')).toHaveText(en('settings.site.failure.not-configured'));

  const html = await app.content();
  expect(html).not.toContain(PASSWORD);
  expect(html).not.toContain(SITE_KEY);
  expect(harness.log.lines.join('\n')).not.toContain(PASSWORD);
});

test('"test connection" against a real PostgreSQL reports it reachable and its schema', async ({ app, harness }) => {
  const cluster = await startPgCluster();
  test.skip(!cluster.ok, cluster.ok ? '' : `PostgreSQL: ${cluster.reason}`);
  if (!cluster.ok) return;
  try {
    const t = tr('zh-CN');
    await navigate(app, t, 'settings');
    const section = siteSection(app, t);
    // Still "this PC only": the database is tried before the station switches to it.
    await section.getByLabel(t('settings.site.url'), { exact: true }).fill(await cluster.newDatabase());
    await app.getByRole('button', { name: t('settings.save'), exact: true }).click();
    await expect(section.getByTestId('siteDatabaseUrl-status')).toHaveText(t('settings.secretSet'));
    expect(harness.services.settings.values.ledgerMode).toBe('file');
    await section.getByRole('button', { name: t('settings.site.test'), exact: true }).click();
    await expect(section.getByTestId('site-test-result')).toHaveText(t('settings.site.testOkEmpty'), { timeout: 15_000 });
  } finally {
    await cluster.stop();
  }
});
