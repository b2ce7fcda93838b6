/**
 * The contract's visit shapes: what a registration sends, the states of a visit, the visit the
 * renderer sees, and the app status that concerns visits (ledger problems, K30 results not yet
 * saved). Part of the one contract (re-exported by contract.ts); imports nothing but zod, the
 * contract's rules (contract-rules.ts) and the photo checks (photo-schemas.ts).
 */
import { z } from 'zod';
import { enteredPin, required, text } from './schema-parts';
import { PhotoOverrideSchema } from './photo-schemas';
import { issueCode, LIMITS, PHOTO_MAX_CHARS, PHOTO_PATTERN } from './contract-rules';
import { DOCUMENT_TYPE_VALUES, documentIssue, PHONE_MAX_TYPED, phoneIssue } from './identity-rules';
import { HostNotificationSchema } from './notify-schemas';

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPE_VALUES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** Photo: bare Base64 of a JPEG, at most 2 MB of text (the renderer fits it far smaller). */
export const PhotoSchema = z.string().max(PHOTO_MAX_CHARS).regex(PHOTO_PATTERN, issueCode('jpeg'));

export const RegistrationSchema = z
  .object({
    name: required(LIMITS.visitText),
    /** Checked with the document type below (identity-rules.ts): mobile, landline, or E.164 when allowed. */
    phone: z.string().trim().max(PHONE_MAX_TYPED),
    /** Staff said the phone is an international number (with a resident ID too). */
    internationalPhone: z.boolean().optional(),
    documentType: DocumentTypeSchema,
    documentNo: required(LIMITS.visitText),
    carno: text(LIMITS.visitText).optional(),
    reason: text(LIMITS.visitText).optional(),
    hostNo: required(LIMITS.visitText),
    hostName: text(LIMITS.visitText),
    /** The host's department, from the directory: routes the host's notification, kept with a returning visitor's profile. */
    hostDept: text(LIMITS.visitText).optional(),
    begin: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }),
    photo: PhotoSchema,
    /** Reception accepted a photo that failed the face check, saying why (refused from the kiosk). */
    photoOverride: PhotoOverrideSchema.optional(),
    deviceNos: z.array(required(32)).min(1).max(100),
    /** Where it was registered: reception desk or the self-service kiosk. */
    channel: z.enum(['reception', 'kiosk']),
    /** Self-service: the visitor's consent to the data and, separately, to the face photo. */
    consent: z.object({ data: z.literal(true), photo: z.literal(true) }).optional(),
    /** The visitor's separate consent to be remembered for next time (and, separately, their photo). */
    remember: z.object({ photo: z.boolean() }).strict().optional(),
    /** Staff were warned of an active or upcoming visit of the same person and register anyway. */
    duplicateAccepted: z.literal(true).optional(),
    /** The visit this registration replaces (a photo retake, an extension): not a duplicate of it. */
    replacesVisitId: z.string().min(1).max(64).optional(),
    /** Reception only: an administrator's PIN to register a visitor the deny list stops (logged). */
    denyListOverride: z.object({ pin: enteredPin() }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // The same checks the renderer's draft runs (identity-rules.ts), on the values as sent.
    const phone = phoneIssue(v.phone, v.documentType, v.internationalPhone);
    if (phone) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phone'], message: issueCode(phone) });
    const document = documentIssue(v.documentType, v.documentNo);
    if (document) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['documentNo'], message: issueCode(document) });
    if (Date.parse(v.end) <= Date.parse(v.begin)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: issueCode('end-before-begin') });
    }
    if (v.photoOverride && v.channel === 'kiosk') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['photoOverride'], message: 'reception-only' });
    }
    if (new Set(v.deviceNos).size !== v.deviceNos.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['deviceNos'], message: issueCode('duplicate') });
    }
  });
export type Registration = z.infer<typeof RegistrationSchema>;

export const VisitStateSchema = z.enum([
  /** Written before visitor/Create: if the app dies here, the visit is found on restart. */
  'intent',
  /** visitor/Create was sent but no answer came: it may or may not exist on the server. */
  'create-unknown',
  /** The server refused the registration; nothing exists there. */
  'create-failed',
  /** Created (with or without a K30 number); pushes to devices follow. */
  'created',
  /** Created, but the server returned no visitor number: it cannot be pushed or deleted by us. */
  'created-without-no',
  /** Pushed to devices (each device has its own state). */
  'pushed',
  /** The visit has ended and visitor/Delete has not yet succeeded. */
  'removal-pending',
  /** Proven removed from the server. */
  'removed',
  /** Abandoned by staff before it existed on the server. */
  'cancelled',
  /**
   * Staff gave up a registration whose outcome was unknown. K30 may hold an unpushed visitor for
   * it (no number known here, and K30 has no visitor look-up): listed for the K30 admin to clean up.
   */
  'abandoned',
]);
export type VisitState = z.infer<typeof VisitStateSchema>;

export const DeviceSyncStateSchema = z.enum(['waiting', 'pushed', 'confirmed', 'failed']);

/** A visitor as the screens see them: numbers masked (the full ones never leave main). */
export const PublicVisitorSchema = z.object({
  name: z.string(),
  phoneMasked: z.string(),
  documentType: DocumentTypeSchema,
  documentMasked: z.string(),
  carno: z.string(),
  reason: z.string(),
});

export const VisitSchema = z.object({
  id: z.string(),
  state: VisitStateSchema,
  k30No: z.string().optional(),
  channel: z.enum(['reception', 'kiosk']),
  visitor: PublicVisitorSchema,
  /** dept: the host's department when registered (routes the host's notification). */
  host: z.object({ no: z.string(), name: z.string(), dept: z.string().optional() }),
  begin: z.string(),
  end: z.string(),
  devices: z.array(z.object({ no: z.string(), state: DeviceSyncStateSchema, message: z.string().optional(), at: z.string().optional() })),
  removal: z
    .object({ attempts: z.number().int(), lastError: z.string().optional(), nextAttemptAt: z.string().optional(), removedAt: z.string().optional() })
    .optional(),
  /** Last error of a registration step, for the screen to explain. */
  lastError: z.string().optional(),
  history: z.array(z.object({ at: z.string(), event: z.string(), detail: z.string().optional() })),
  createdAt: z.string(),
  /** Whether the photo is still kept locally (only while a retry may need it). */
  photoKept: z.boolean(),
  lastPassAt: z.string().optional(),
  /** Reception accepted a photo that failed the face check: which checks, and why. */
  photoOverride: PhotoOverrideSchema.optional(),
  /** What the slip and the done screen show, and the kiosk's "I'm leaving" accepts (never the K30 number). */
  visitCode: z.string().optional(),
  /** When staff or the visitor signed out (签离): the visit ended then. */
  signedOutAt: z.string().optional(),
  /** The host's notification, when a channel was configured at registration. */
  notification: HostNotificationSchema.optional(),
});
export type Visit = z.infer<typeof VisitSchema>;

export const VisitIdSchema = z.object({ visitId: z.string().min(1).max(64) }).strict();

export const SweepResultSchema = z.object({ removed: z.number().int(), pending: z.number().int(), failed: z.array(z.string()) });
export type SweepResult = z.infer<typeof SweepResultSchema>;

/** What kind of trouble stops the ledger from being written ('site-unreachable': the site database, in site mode). */
export const DiskProblemSchema = z.enum(['full', 'read-only', 'other', 'site-unreachable']);
export type DiskProblem = z.infer<typeof DiskProblemSchema>;

/** Something K30 did that is not on disk yet: held in memory, retried, shown until saved. */
export const UnsavedFactSchema = z.object({
  visitId: z.string(),
  name: z.string(),
  /** The state K30 is in for this visit (e.g. 'created', 'removed'). */
  state: VisitStateSchema,
  k30No: z.string().optional(),
  since: z.string(),
});
export type UnsavedFact = z.infer<typeof UnsavedFactSchema>;

/** Problems the app found on its own and must not hide, e.g. a corrupt visit ledger set aside. */
export const AppStatusSchema = z.object({
  ledgerProblems: z.array(
    z.object({
      /** 'corrupt-kept': unreadable and could not be set aside (read-only disk); nothing is written over it. */
      kind: z.enum(['corrupt', 'invalid-records', 'corrupt-kept']),
      /** Where the damaged file was copied to, for an administrator to recover from. */
      setAside: z.string(),
      at: z.string(),
    }),
  ),
  /** Set while the visit ledger cannot be written: changes are then not kept (or held, below). */
  ledgerUnwritable: DiskProblemSchema.optional(),
  /** Since when it cannot be written (shown as "site database unreachable since …" in site mode). */
  ledgerUnwritableSince: z.string().optional(),
  unsaved: z.array(UnsavedFactSchema),
  /** Genuine K30 callbacks refused for their time in the last hour: the clocks differ by `minutes` (`rejected` since start). */
  clockSkew: z
    .object({ code: z.enum(['server-ahead', 'server-behind']), minutes: z.number().int().nonnegative(), rejected: z.number().int().positive(), at: z.string() })
    .optional(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
