import { describe, expect, it } from 'vitest';
import { bareBase64, fitJpeg, qualitySteps, scaledSize, type Encode } from '../../../src-renderer/src/photo/fit-jpeg';

/** A fake encoder: bytes grow with quality and with the pixel count. */
function fakeEncoder(bytesAtFull: number, width: number, height: number) {
  const calls: { quality: number; scale: number }[] = [];
  const encode: Encode = async (quality, scale) => {
    calls.push({ quality, scale });
    const { width: w, height: h } = scaledSize(width, height, scale);
    const size = Math.round(bytesAtFull * quality * ((w * h) / (width * height)));
    return { size, type: 'image/jpeg' } as Blob; // only the size matters
  };
  return { encode, calls };
}

describe('fitJpeg', () => {
  it('lowers quality 0.92 → 0.5 in steps of 0.07', () => {
    expect(qualitySteps()).toEqual([0.92, 0.85, 0.78, 0.71, 0.64, 0.57, 0.5]);
  });

  it('keeps the first encoding that fits', async () => {
    const { encode, calls } = fakeEncoder(100_000, 1280, 720);
    const fit = await fitJpeg({ width: 1280, height: 720, maxBytes: 200 * 1024, encode });
    expect(fit.ok).toBe(true);
    expect(calls).toEqual([{ quality: 0.92, scale: 1 }]);
    if (fit.ok) expect([fit.width, fit.height, fit.quality]).toEqual([1280, 720, 0.92]);
  });

  it('lowers the quality before it scales', async () => {
    const { encode, calls } = fakeEncoder(300_000, 1280, 720);
    const fit = await fitJpeg({ width: 1280, height: 720, maxBytes: 200_000, encode });
    expect(fit.ok && fit.quality).toBe(0.64);
    expect(calls.every((c) => c.scale === 1)).toBe(true);
    expect(fit.ok && fit.bytes).toBeLessThanOrEqual(200_000);
  });

  it('then scales by 0.85 per step at quality 0.5', async () => {
    const { encode, calls } = fakeEncoder(1_000_000, 1280, 720);
    const fit = await fitJpeg({ width: 1280, height: 720, maxBytes: 200_000, encode });
    expect(fit.ok).toBe(true);
    const scaled = calls.filter((c) => c.scale !== 1);
    expect(scaled.every((c) => c.quality === 0.5)).toBe(true);
    expect(scaled[0].scale).toBeCloseTo(0.85);
    expect(scaled[1].scale).toBeCloseTo(0.7225);
    if (fit.ok) expect(fit.bytes).toBeLessThanOrEqual(200_000);
  });

  it('never goes below the minimum resolution, and fails if even that is too large', async () => {
    const { encode, calls } = fakeEncoder(50_000_000, 1280, 720);
    const fit = await fitJpeg({ width: 1280, height: 720, maxBytes: 200_000, encode });
    expect(fit).toMatchObject({ ok: false, reason: 'too-large' });
    for (const c of calls) {
      const { width, height } = scaledSize(1280, 720, c.scale);
      expect(width).toBeGreaterThanOrEqual(320);
      expect(height).toBeGreaterThanOrEqual(240);
    }
    // The last try is clamped to exactly the minimum (here the height: 720 → 240).
    const last = calls[calls.length - 1];
    expect(scaledSize(1280, 720, last.scale).height).toBe(240);
  });

  it('can fit exactly at the minimum resolution', async () => {
    const { encode } = fakeEncoder(3_000_000, 640, 480);
    const fit = await fitJpeg({ width: 640, height: 480, maxBytes: 380_000, encode });
    expect(fit.ok).toBe(true);
    if (fit.ok) {
      expect(fit.width).toBeGreaterThanOrEqual(320);
      expect(fit.height).toBeGreaterThanOrEqual(240);
    }
  });

  it('swaps the minimum for a portrait source', async () => {
    const { encode, calls } = fakeEncoder(50_000_000, 720, 1280);
    await fitJpeg({ width: 720, height: 1280, maxBytes: 1000, encode });
    const last = calls[calls.length - 1];
    expect(scaledSize(720, 1280, last.scale).width).toBe(240);
  });

  it('refuses a source below the minimum', async () => {
    const { encode, calls } = fakeEncoder(1000, 300, 200);
    const fit = await fitJpeg({ width: 300, height: 200, maxBytes: 200_000, encode });
    expect(fit).toMatchObject({ ok: false, reason: 'too-small-source' });
    expect(calls).toHaveLength(0);
  });

  it('bareBase64 strips the data URL prefix', () => {
    expect(bareBase64('data:image/jpeg;base64,/9j/4AAQ')).toBe('/9j/4AAQ');
    expect(bareBase64('/9j/4AAQ')).toBe('/9j/4AAQ');
  });
});
