/**
 * (a) The whole reception registration with a webcam photo, in Chinese (the default) and in
 * English: what the screen says, and what the K30 simulator ends up holding.
 */
import { expect, test } from './support/fixtures';
import { LI_NA, VISITOR_EN, VISITOR_ZH, ZHANG_WEI } from './support/data';
import { registerVisitor } from './support/journey';

const PHOTO_LIMIT_BYTES = 200 * 1024;

test('registers a visitor with a webcam photo, in Chinese (default)', async ({ app, sim, shot }, testInfo) => {
  const before = await sim.visitors();
  const started = Date.now();
  const result = await registerVisitor(app, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
  const seconds = (Date.now() - started) / 1000;
  const summary = `zh-CN: ${seconds.toFixed(1)} s, ${result.interactions} interactions, photo ${result.photoKB} KB (limit ${result.photoLimitKB} KB), ${result.deviceNos.length} devices`;
  testInfo.annotations.push({ type: 'journey', description: summary });
  console.log(`[journey] ${summary}`);

  expect(result.photoKB).toBeLessThanOrEqual(result.photoLimitKB);
  const visitors = await sim.visitors();
  expect(visitors).toHaveLength(before.length + 1);
  const visitor = visitors.find((v) => v.name === VISITOR_ZH.name);
  expect(visitor, 'the visitor exists on the (simulated) K30 server').toBeDefined();
  expect(visitor!.phone).toBe(VISITOR_ZH.phone);
  expect(visitor!.staffno).toBe(ZHANG_WEI.no);
  expect(visitor!.photoBytes).toBeGreaterThan(0);
  expect(visitor!.photoBytes).toBeLessThanOrEqual(PHOTO_LIMIT_BYTES);
  expect(Math.abs(visitor!.photoBytes / 1024 - result.photoKB), 'the server got the photo the screen showed').toBeLessThan(0.06);
  expect([...visitor!.syncedDevices].sort()).toEqual([...result.deviceNos].sort());
  await testInfo.attach('simulator visitor', { body: JSON.stringify(visitor, null, 2), contentType: 'application/json' });
});

test('registers a visitor with a webcam photo, in English (switched in the header)', async ({ app, sim, shot }, testInfo) => {
  const before = await sim.visitors();
  const started = Date.now();
  const result = await registerVisitor(app, { language: 'en', visitor: VISITOR_EN, host: LI_NA, shot });
  const seconds = (Date.now() - started) / 1000;
  const summary = `en: ${seconds.toFixed(1)} s, ${result.interactions} interactions, photo ${result.photoKB} KB (limit ${result.photoLimitKB} KB), ${result.deviceNos.length} devices`;
  testInfo.annotations.push({ type: 'journey', description: summary });
  console.log(`[journey] ${summary}`);

  expect(result.photoKB).toBeLessThanOrEqual(result.photoLimitKB);
  const visitors = await sim.visitors();
  expect(visitors).toHaveLength(before.length + 1);
  const visitor = visitors.find((v) => v.name === VISITOR_EN.name);
  expect(visitor, 'the visitor exists on the (simulated) K30 server').toBeDefined();
  expect(visitor!.phone).toBe(VISITOR_EN.phone);
  expect(visitor!.staffno).toBe(LI_NA.no);
  expect(visitor!.photoBytes).toBeGreaterThan(0);
  expect(visitor!.photoBytes).toBeLessThanOrEqual(PHOTO_LIMIT_BYTES);
  expect(Math.abs(visitor!.photoBytes / 1024 - result.photoKB), 'the server got the photo the screen showed').toBeLessThan(0.06);
  expect([...visitor!.syncedDevices].sort()).toEqual([...result.deviceNos].sort());
  await testInfo.attach('simulator visitor', { body: JSON.stringify(visitor, null, 2), contentType: 'application/json' });
});
