/**
 * The same registration journey in the real Electron window (the built app, out/main/index.js),
 * against the demo simulator main starts when no K30 server is configured. Skipped, with the
 * reason, where Electron's binary is not installed. Against the packaged test build the
 * simulator's state cannot be read (a packaged app never serves `/__sim/`): the done screen and
 * its K30 number are what is checked there.
 */
import { expect, test } from '@playwright/test';
import { simClient } from './support/fixtures';
import { VISITOR_ZH, ZHANG_WEI } from './support/data';
import { electronTest, packagedExecutable } from './support/electron';
import { expectVisitorOnServer, registerVisitor } from './support/journey';

test(
  'Electron: registers a visitor with a webcam photo',
  electronTest(async ({ window, shot, simulatorUrl }) => {
    await expect.poll(() => window.evaluate(() => typeof (globalThis as { kiosk?: unknown }).kiosk)).toBe('object');
    if (packagedExecutable()) {
      console.log('[electron] packaged build: no /__sim/ control plane, so the done screen and K30 number are checked, not the simulator');
      await registerVisitor(window, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });
      return;
    }
    const sim = simClient(await simulatorUrl());
    const before = await sim.visitors();

    const result = await registerVisitor(window, { language: 'zh-CN', visitor: VISITOR_ZH, host: ZHANG_WEI, shot });

    await expectVisitorOnServer(sim, before, { visitor: VISITOR_ZH, host: ZHANG_WEI, deviceNos: result.deviceNos, maxPhotoBytes: 200 * 1024 });
  }),
);
