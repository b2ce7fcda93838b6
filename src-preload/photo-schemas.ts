/**
 * The contract's photo-check shapes: the rules a face photo must meet (tunable in settings) and
 * the codes of the checks. Part of the one contract (re-exported by contract.ts); imports nothing
 * but zod and the list of check codes. The renderer runs the checks (the face detector lives there); main keeps the rules and
 * records a reception override with its reason on the visit.
 */
import { z } from 'zod';
import { PHOTO_CHECK_CODES } from './photo-check-codes';

/** One check of the photo; a failing one is shown to the user in their language. */
export const PhotoCheckCodeSchema = z.enum(PHOTO_CHECK_CODES);
export type PhotoCheckCode = z.infer<typeof PhotoCheckCodeSchema>;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** What a photo must meet; every number is tunable in settings (see README "Photo rules"). */
export const PhotoRulesSchema = z
  .object({
    /** Face height (chin to brow box of the detector) as a share of the cropped photo's height. */
    minFaceHeightPct: int(10, 90),
    maxFaceHeightPct: int(20, 100),
    /** How far the face's middle may sit from the crop's middle, in % of the crop's width. */
    maxOffCentrePct: int(1, 50),
    /** How far the nose may sit from the middle of the eyes, in % of the eye distance (0 = frontal). */
    maxTurnPct: int(5, 100),
    /** How far the eye line may tilt, in degrees. */
    maxTiltDeg: int(1, 45),
    /** Mean brightness of the face (0–255). */
    minBrightness: int(0, 255),
    maxBrightness: int(0, 255),
    /** Standard deviation of the face's brightness (0–128). */
    minContrast: int(0, 128),
    /** Variance of the Laplacian of the face at 128 px high: below it the face is blurred. */
    minSharpness: int(0, 5000),
    /** How far the face may move between two checks, in % of its height. */
    maxMovementPct: int(1, 100),
  })
  .strict()
  .refine((r) => r.minFaceHeightPct < r.maxFaceHeightPct && r.minBrightness < r.maxBrightness, { message: 'min-max' });
export type PhotoRules = z.infer<typeof PhotoRulesSchema>;

export { DEFAULT_PHOTO_RULES } from './photo-rules';

/** A photo registered although it failed checks: reception staff accepted it, saying why. */
export const PhotoOverrideSchema = z
  .object({
    failed: z.array(PhotoCheckCodeSchema).min(1).max(12),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();
export type PhotoOverride = z.infer<typeof PhotoOverrideSchema>;
