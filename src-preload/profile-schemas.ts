/**
 * The contract's returning-visitor shapes: what a lookup offers, what one tap pre-fills, what the
 * kiosk may see of its own visitor, and the Settings list for "forget this visitor". Part of the
 * one contract (re-exported by contract.ts); imports nothing but zod and the contract's rules.
 */
import { z } from 'zod';
import { LIMITS } from './contract-rules';
import { DOCUMENT_TYPE_VALUES, PHONE_MAX_TYPED } from './identity-rules';

const ProfileIdSchema = z.string().min(1).max(64);

/** A host as a profile keeps it (the host search's shape). */
const ProfileHostSchema = z.object({ no: z.string(), name: z.string(), deptname: z.string(), phoneTail: z.string() });

/** Reception typed a phone or document number seen before: "returning visitor 李雷, last visit 11-28, host 张伟". */
export const ReturningOfferSchema = z.object({
  profileId: ProfileIdSchema,
  name: z.string(),
  lastVisitAt: z.string(),
  hostName: z.string(),
});
export type ReturningOffer = z.infer<typeof ReturningOfferSchema>;

/** What one tap fills in (reception only). The photo only when consented and younger than the photo retention. */
export const ReturningPrefillSchema = z.object({
  name: z.string(),
  phone: z.string(),
  documentType: z.enum(DOCUMENT_TYPE_VALUES),
  documentNo: z.string(),
  carno: z.string(),
  host: ProfileHostSchema,
  photo: z.string().optional(),
});
export type ReturningPrefill = z.infer<typeof ReturningPrefillSchema>;

/** A kiosk visitor's own profile: their name and last host, nothing else (no numbers, no photo). */
export const KioskReturningSchema = z.object({ name: z.string(), host: ProfileHostSchema });
export type KioskReturning = z.infer<typeof KioskReturningSchema>;

/** One line of the Settings list, for "forget this visitor" (PIPL Art. 47). */
export const ProfileSummarySchema = ReturningOfferSchema.extend({ phoneMasked: z.string(), hasPhoto: z.boolean() });
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const ReturningLookupSchema = z
  .object({ phone: z.string().trim().max(PHONE_MAX_TYPED).optional(), documentNo: z.string().trim().max(LIMITS.visitText).optional() })
  .strict();
/** The only lookup a kiosk may make: the full phone and the last 4 characters of the document. */
export const KioskLookupSchema = z.object({ phone: z.string().trim().min(6).max(PHONE_MAX_TYPED), documentTail: z.string().trim().length(4) }).strict();
export const ProfileIdInputSchema = z.object({ profileId: ProfileIdSchema }).strict();
