/**
 * (a) The whole reception registration with a webcam photo, in Chinese (the default) and in
 * English: what the screen says, and what the K30 simulator ends up holding.
 */
import { expect, test } from './support/fixtures';
import type { Language } from '../../src-preload/contract';
import { LI_NA, VISITOR_EN, VISITOR_ZH, ZHANG_WEI } from './support/data';
import { expectVisitorOnServer, registerVisitor } from './support/journey';

const PHOTO_LIMIT_BYTES = 200 * 1024;

// A reception PC's screen: every step's primary action must be on it without scrolling.
test.use({ viewport: { width: 1366, height: 768 } });

const JOURNEYS = [
  { title: 'registers a visitor with a webcam photo, in Chinese (default)', language: 'zh-CN' as Language, visitor: VISITOR_ZH, host: ZHANG_WEI },
  { title: 'registers a visitor with a webcam photo, in English (switched in the header)', language: 'en' as Language, visitor: VISITOR_EN, host: LI_NA },
];

for (const { title, language, visitor: who, host } of JOURNEYS) {
  test(title, async ({ app, sim, shot }, testInfo) => {
    const before = await sim.visitors();
    const started = Date.now();
    const result = await registerVisitor(app, { language, visitor: who, host, shot });
    const seconds = (Date.now() - started) / 1000;
    const summary = `${language}: ${seconds.toFixed(1)} s, ${result.interactions} interactions, photo ${result.photoKB} KB (limit ${result.photoLimitKB} KB), ${result.deviceNos.length} devices`;
    testInfo.annotations.push({ type: 'journey', description: summary });
    console.log(`[journey] ${summary}`);

    expect(result.photoKB).toBeLessThanOrEqual(result.photoLimitKB);
    const visitor = await expectVisitorOnServer(sim, before, { visitor: who, host, deviceNos: result.deviceNos, maxPhotoBytes: PHOTO_LIMIT_BYTES });
    expect(Math.abs(visitor.photoBytes / 1024 - result.photoKB), 'the server got the photo the screen showed').toBeLessThan(0.06);
    await testInfo.attach('simulator visitor', { body: JSON.stringify(visitor, null, 2), contentType: 'application/json' });
  });
}
