/**
 * Brightness, contrast and sharpness of an image region, from its RGBA pixels. Pure (unit-tested):
 * the caller draws the face region into a small canvas (128 px high) and passes getImageData's data.
 */
export interface ImageStats {
  /** Mean luma, 0–255. */
  brightness: number;
  /** Standard deviation of luma. */
  contrast: number;
  /** Variance of the 4-neighbour Laplacian of luma (low = blurred). */
  sharpness: number;
}

/** Rec. 601 luma of each pixel. */
export function lumaOf(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const luma = new Float32Array(width * height);
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) luma[i] = 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
  return luma;
}

export function imageStats(rgba: ArrayLike<number>, width: number, height: number): ImageStats {
  const luma = lumaOf(rgba, width, height);
  const n = luma.length || 1;
  let sum = 0;
  let squares = 0;
  for (const v of luma) {
    sum += v;
    squares += v * v;
  }
  const brightness = sum / n;
  const contrast = Math.sqrt(Math.max(0, squares / n - brightness * brightness));
  return { brightness, contrast, sharpness: laplacianVariance(luma, width, height) };
}

export function laplacianVariance(luma: Float32Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
      sum += lap;
      squares += lap * lap;
      count++;
    }
  }
  const mean = sum / count;
  return squares / count - mean * mean;
}
