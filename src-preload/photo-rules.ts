/**
 * The photo rules' defaults, apart from their schema (photo-schemas.ts, which re-exports them):
 * zod-free, so the renderer's first screen checks a photo with them without loading zod.
 */
import type { PhotoRules } from './photo-schemas';

export const DEFAULT_PHOTO_RULES: PhotoRules = Object.freeze({
  minFaceHeightPct: 35,
  maxFaceHeightPct: 80,
  maxOffCentrePct: 15,
  maxTurnPct: 30,
  maxTiltDeg: 15,
  minBrightness: 60,
  maxBrightness: 210,
  minContrast: 18,
  minSharpness: 15,
  maxMovementPct: 10,
});
