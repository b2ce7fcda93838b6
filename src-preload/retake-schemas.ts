/**
 * The photo retake (issue #15 item 5): a door refused the visitor's photo (K30's `authstatus`),
 * reception takes a new one, and main replaces the visit (K30 has no visitor update call).
 * Part of the one contract (contract.ts spreads `retakeCalls`); imports nothing but zod and the
 * contract's other parts.
 */
import { z } from 'zod';
import { PhotoOverrideSchema } from './photo-schemas';
import { PhotoSchema, VisitSchema } from './visit-schemas';

export const RetakePhotoInputSchema = z
  .object({
    /** The visit whose photo a door refused. */
    visitId: z.string().min(1).max(64),
    photo: PhotoSchema,
    /** Reception accepted a new photo that fails the face check, saying why. */
    photoOverride: PhotoOverrideSchema.optional(),
  })
  .strict();
export type RetakePhotoInput = z.infer<typeof RetakePhotoInputSchema>;

export const RetakePhotoResultSchema = z.object({
  /** The new visit: same visitor, host, end and doors, the new photo. */
  visit: VisitSchema,
  /**
   * The old visit as it stands now: 'removed' once its visitor left K30; 'removal-pending' when the
   * delete failed (retried by the removal sweep); unchanged when the new visit was not pushed.
   */
  replaced: VisitSchema,
});
export type RetakePhotoResult = z.infer<typeof RetakePhotoResultSchema>;

export const retakeCalls = {
  /** Reception only: a new photo for a visit a door refused; a new visitor replaces the old one. */
  retakePhoto: { input: RetakePhotoInputSchema, output: RetakePhotoResultSchema },
} as const;
