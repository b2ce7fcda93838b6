/**
 * Fake-camera feeds with real faces, made at test time from a group photo that ships with the face
 * detector's package (@vladmandic/face-api/demo/sample3.jpg: three people side by side). Chromium
 * decodes the JPEG (canvas); the project's own Y4M writer turns each 1280×720 picture into a feed:
 * - oneFace: the middle person's face cropped from the group photo, large and centred;
 * - group: two people of the group photo, side by side;
 * - smallFace: the one face, far too small for a door terminal;
 * - noFace: the busy test pattern (global-setup's cameraY4m), no face at all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { writeRgbaY4m } from './busy-y4m';
import { cameraY4m, chromiumPath, outputDir, repoRoot } from './paths';

export const FEED_WIDTH = 1280;
export const FEED_HEIGHT = 720;
export const GROUP_PHOTO = path.join(repoRoot, 'node_modules/@vladmandic/face-api/demo/sample3.jpg');

export const faceFeeds = {
  oneFace: path.join(outputDir, 'camera-one-face.y4m'),
  group: path.join(outputDir, 'camera-group.y4m'),
  smallFace: path.join(outputDir, 'camera-small-face.y4m'),
  noFace: cameraY4m,
} as const;
export type FaceFeed = keyof typeof faceFeeds;

/** Chromium's flags for the browser tests, with `feed` as the fake camera (one file per launch). */
export function chromiumArgs(feed: string): string[] {
  return [
    '--no-sandbox',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${feed}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}

/** A part of the group photo (its pixels) drawn into the feed's frame: `height` px high, centred. */
interface Scene {
  source: { x: number; y: number; width: number; height: number };
  height: number;
}

/** Where the people are in sample3.jpg (1920×1350), as the detector found them. */
const SCENES: Record<Exclude<FaceFeed, 'noFace'>, Scene> = {
  // The middle person's face (box 1015,237 302×282), with hair and shoulders.
  oneFace: { source: { x: 940, y: 96, width: 452, height: 628 }, height: 720 },
  // The middle and the right person (faces at x 1015 and 1446).
  group: { source: { x: 930, y: 150, width: 990, height: 690 }, height: 720 },
  smallFace: { source: { x: 940, y: 96, width: 452, height: 628 }, height: 330 },
};

/** Runs in the page (this file is typed for Node, so as text): the scene on grey, as Base64 RGBA. */
const DRAW_SCENE = `async ({ jpeg, scene, width, height }) => {
  const img = new Image();
  img.src = 'data:image/jpeg;base64,' + jpeg;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#8a8a88';
  ctx.fillRect(0, 0, width, height);
  const h = scene.height;
  const w = Math.round((scene.source.width / scene.source.height) * h);
  ctx.drawImage(img, scene.source.x, scene.source.y, scene.source.width, scene.source.height, Math.round((width - w) / 2), Math.round((height - h) / 2), w, h);
  const data = ctx.getImageData(0, 0, width, height).data;
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}`;

/** Makes the face feeds (once per run, from global setup). */
export async function makeFaceFeeds(): Promise<void> {
  const jpeg = readFileSync(GROUP_PHOTO).toString('base64');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const [name, scene] of Object.entries(SCENES) as [Exclude<FaceFeed, 'noFace'>, Scene][]) {
      const rgba = await page.evaluate<string>(`(${DRAW_SCENE})(${JSON.stringify({ jpeg, scene, width: FEED_WIDTH, height: FEED_HEIGHT })})`);
      writeRgbaY4m(faceFeeds[name], new Uint8Array(Buffer.from(rgba, 'base64')), FEED_WIDTH, FEED_HEIGHT);
    }
  } finally {
    await browser.close();
  }
}
