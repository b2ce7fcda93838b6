/**
 * Issue #10 item 4: the same person registered again while their visit is live is warned about,
 * and staff open that visit, extend it (the new times replace it: the earlier visitor leaves K30),
 * or register anyway. Checked on the simulator.
 */
import { expect, test } from './support/fixtures';
import type { Visit } from '../../src-preload/contract';
import { LI_NA, VISITOR_EN, VISITOR_ZH, ZHANG_WEI } from './support/data';
import { navigate, registerVisitor, stepHeading, tr, useLanguage } from './support/journey';

test.use({ viewport: { width: 1366, height: 768 } });

type Kiosk = { kiosk: { listVisits(): Promise<{ value: Visit[] }> } };

test('warns of a live visit of the same person; open it, then register anyway (zh-CN)', async ({ app, sim, shot }) => {
  const t = tr('zh-CN');
  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
  await app.reload();
  await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot, until: 'submitted' });

  const warning = app.getByRole('alertdialog', { name: t('duplicate.title') });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(VISITOR_ZH.name);
  await expect(stepHeading(app, t, 'visit')).toBeVisible();
  await shot('duplicate warning');
  expect((await sim.visitors()).filter((v) => v.name === VISITOR_ZH.name)).toHaveLength(1);

  await warning.getByRole('button', { name: t('duplicate.open') }).click();
  await expect(app.getByRole('heading', { name: VISITOR_ZH.name }).first()).toBeVisible();
  await navigate(app, t, 'register');
  await app
    .getByRole('alertdialog', { name: t('duplicate.title') })
    .getByRole('button', { name: t('duplicate.anyway') })
    .click();
  await expect(app.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });
  expect((await sim.visitors()).filter((v) => v.name === VISITOR_ZH.name)).toHaveLength(2);
});

test('extend: the new times replace the live visit, which leaves K30 (en)', async ({ app, sim, shot }) => {
  const t = tr('en');
  await registerVisitor(app, { language: 'en', visitor: VISITOR_EN, host: LI_NA, shot });
  const [earlier] = (await sim.visitors()).filter((v) => v.name === VISITOR_EN.name);
  await app.reload();
  await useLanguage(app, 'en');
  await registerVisitor(app, { language: 'en', visitor: VISITOR_EN, host: LI_NA, shot, until: 'submitted' });

  const warning = app.getByRole('alertdialog', { name: t('duplicate.title') });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: t('duplicate.extend') }).click();
  await expect(app.getByRole('heading', { name: t('result.done'), exact: true })).toBeVisible({ timeout: 30_000 });

  await expect.poll(async () => (await sim.visitors()).filter((v) => v.name === VISITOR_EN.name).map((v) => v.no)).not.toContain(earlier.no);
  const now = (await sim.visitors()).filter((v) => v.name === VISITOR_EN.name);
  expect(now).toHaveLength(1);
  const visits = await app.evaluate(async () => (await (globalThis as unknown as Kiosk).kiosk.listVisits()).value);
  expect(visits.map((v) => v.state).sort()).toEqual(['pushed', 'removed']);
});
