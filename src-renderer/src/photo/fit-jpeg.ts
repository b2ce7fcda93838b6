/**
 * Fits a photo into what the door terminals accept: a JPEG of at most `maxBytes`, no smaller than
 * the minimum resolution. Pure: the caller supplies `encode(quality, scale)` (a canvas in the app, a
 * fake in tests).
 *
 * Strategy: full resolution at quality 0.92, lowering by 0.07 down to 0.5; then, at quality 0.5,
 * scale down by 0.85 per step, but never below the minimum resolution (the last step is clamped to
 * exactly the minimum). If even that is too large, the photo cannot be fitted.
 */
export type Encode = (quality: number, scale: number) => Promise<Blob>;

export interface FitOptions {
  /** Source size in pixels (the captured frame). */
  width: number;
  height: number;
  maxBytes: number;
  /** Minimum output size; for a portrait source the two are swapped. Default 320×240. */
  minWidth?: number;
  minHeight?: number;
  encode: Encode;
}

export interface FitAttempt {
  quality: number;
  scale: number;
  bytes: number;
}

export type FitResult =
  | { ok: true; blob: Blob; quality: number; scale: number; width: number; height: number; bytes: number; attempts: FitAttempt[] }
  | { ok: false; reason: 'too-large' | 'too-small-source'; attempts: FitAttempt[] };

export const START_QUALITY = 0.92;
export const QUALITY_STEP = 0.07;
export const MIN_QUALITY = 0.5;
export const SCALE_STEP = 0.85;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** 0.92, 0.85, 0.78, 0.71, 0.64, 0.57, 0.5 */
export function qualitySteps(): number[] {
  const steps: number[] = [];
  for (let q = START_QUALITY; q >= MIN_QUALITY - 1e-9; q = round2(q - QUALITY_STEP)) steps.push(round2(q));
  if (steps[steps.length - 1] !== MIN_QUALITY) steps.push(MIN_QUALITY);
  return steps;
}

export const scaledSize = (width: number, height: number, scale: number) => ({
  width: Math.max(1, Math.round(width * scale)),
  height: Math.max(1, Math.round(height * scale)),
});

export async function fitJpeg(options: FitOptions): Promise<FitResult> {
  const { width, height, maxBytes, encode } = options;
  const landscape = width >= height;
  const minA = options.minWidth ?? 320;
  const minB = options.minHeight ?? 240;
  const minW = landscape ? Math.max(minA, minB) : Math.min(minA, minB);
  const minH = landscape ? Math.min(minA, minB) : Math.max(minA, minB);
  const attempts: FitAttempt[] = [];
  if (width < minW || height < minH) return { ok: false, reason: 'too-small-source', attempts };

  const tryOnce = async (quality: number, scale: number) => {
    const blob = await encode(quality, scale);
    attempts.push({ quality, scale, bytes: blob.size });
    if (blob.size > maxBytes) return null;
    const size = scaledSize(width, height, scale);
    return { ok: true as const, blob, quality, scale, ...size, bytes: blob.size, attempts };
  };

  for (const quality of qualitySteps()) {
    const fit = await tryOnce(quality, 1);
    if (fit) return fit;
  }

  // The smallest scale that keeps both sides at or above the minimum.
  const minScale = Math.max(minW / width, minH / height);
  let scale = 1;
  while (scale > minScale) {
    scale = Math.max(scale * SCALE_STEP, minScale);
    const fit = await tryOnce(MIN_QUALITY, scale);
    if (fit) return fit;
  }
  return { ok: false, reason: 'too-large', attempts };
}

/** A data URL's bare Base64 (what the contract's PhotoSchema wants: a JPEG starts with "/9j/"). */
export function bareBase64(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 && dataUrl.startsWith('data:') ? dataUrl.slice(comma + 1) : dataUrl;
}
