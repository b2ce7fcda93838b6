/**
 * A browser of its own for a test that needs another camera: Chromium's fake camera plays one file
 * per launch, so a test with the group photo or the busy pattern launches Chromium with that feed.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Harness } from '../../harness/harness';
import { chromiumArgs, faceFeeds, type FaceFeed } from './face-feeds';
import { watchPageProblems } from './fixtures';
import { chromiumPath } from './paths';

export interface FeedApp {
  browser: Browser;
  page: Page;
  /** Uncaught errors and CSP violations of the page: a test expects none. */
  problems: string[];
  close(): Promise<void>;
}

export async function openAppWithFeed(harness: Harness, feed: FaceFeed, viewport = { width: 1366, height: 768 }): Promise<FeedApp> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs(faceFeeds[feed]) });
  const page = await browser.newPage({ viewport });
  const problems = await watchPageProblems(page);
  await page.goto(harness.appUrl);
  await page.waitForFunction(() => typeof (globalThis as { kiosk?: unknown }).kiosk === 'object');
  return { browser, page, problems, close: () => browser.close() };
}
