/**
 * Fallback for `../shared/camera/make-busy-y4m.mjs`: writes a small Y4M video for Chromium's fake
 * camera with a busy, noisy pattern (so a captured JPEG is as large as a real photo, unlike the
 * flat default fake camera) and a light oval where a face would be.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeBusyY4m(out: string, width = 1280, height = 720, frames = 10): void {
  let seed = 987654;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  const fd = openSync(out, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
    for (let f = 0; f < frames; f++) {
      writeSync(fd, 'FRAME\n');
      const luma = Buffer.alloc(width * height);
      for (let j = 0; j < height; j++) {
        for (let i = 0; i < width; i++) {
          const face = ((i - width / 2) / (width * 0.17)) ** 2 + ((j - height * 0.46) / (height * 0.31)) ** 2 < 1;
          luma[j * width + i] = clamp(face ? 200 + (rnd() - 0.5) * 50 : 128 + 60 * Math.sin(i / 7 + f) + 40 * Math.cos(j / 5) + (rnd() - 0.5) * 60);
        }
      }
      writeSync(fd, luma);
      const chroma = Buffer.alloc((width * height) / 4);
      for (let plane = 0; plane < 2; plane++) {
        for (let k = 0; k < chroma.length; k++) chroma[k] = clamp(100 + rnd() * 56);
        writeSync(fd, chroma);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a still picture (RGBA pixels, e.g. a photo decoded by Chromium's canvas) as a Y4M video
 * for Chromium's fake camera: full-range BT.601 YUV 4:2:0 ("C420jpeg"), `frames` identical frames.
 */
export function writeRgbaY4m(out: string, rgba: Uint8Array, width: number, height: number, frames = 3): void {
  if (width % 2 || height % 2) throw new Error('Y4M 4:2:0 needs even sizes');
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  const luma = Buffer.alloc(width * height);
  const cb = Buffer.alloc((width * height) / 4);
  const cr = Buffer.alloc((width * height) / 4);
  for (let i = 0, p = 0; i < width * height; i++, p += 4) luma[i] = clamp(0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]);
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const p = ((y + dy) * width + x + dx) * 4;
        r += rgba[p] / 4;
        g += rgba[p + 1] / 4;
        b += rgba[p + 2] / 4;
      }
      const k = (y / 2) * (width / 2) + x / 2;
      cb[k] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      cr[k] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  writeStillY4m(out, width, height, { luma, cb, cr }, frames);
}

/** One picture (full-range YUV 4:2:0 planes) as a Y4M video of `frames` identical frames. */
export function writeStillY4m(out: string, width: number, height: number, planes: { luma: Uint8Array; cb: Uint8Array; cr: Uint8Array }, frames: number): void {
  // The feeds live in test-results/, which a fresh checkout (or a bench run before any test) lacks.
  mkdirSync(dirname(out), { recursive: true });
  const fd = openSync(out, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
    for (let f = 0; f < frames; f++) {
      writeSync(fd, 'FRAME\n');
      writeSync(fd, planes.luma);
      writeSync(fd, planes.cb);
      writeSync(fd, planes.cr);
    }
  } finally {
    closeSync(fd);
  }
}
