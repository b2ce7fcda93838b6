/**
 * The contract's administration half: who is acting (station, staff members and their roles),
 * the audit log and the deny list, with the calls that reach them. Part of the one contract
 * (spread into contract.ts's calls and re-exported there); imports nothing but zod and the
 * contract's rules.
 */
import { z } from 'zod';
import { enteredPin, required, text } from './schema-parts';
import { issueCode, LIMITS } from './contract-rules';

// ---------------------------------------------------------------------------------------------
// Who is acting

export const StaffRoleSchema = z.enum(['admin', 'reception', 'security']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/**
 * Who did something, as main decided it (the renderer never claims an identity): the station
 * (this PC, by its name) with the staff member who gave their PIN, or the station alone while
 * staff sign-in is off; a visitor at the self-service kiosk; or the app on its own (the sweeper).
 */
export const ActorSchema = z.object({
  station: z.string(),
  kind: z.enum(['station', 'staff', 'self-service', 'system']),
  staffId: z.string().optional(),
  staffName: z.string().optional(),
  role: StaffRoleSchema.optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** A member of staff as the renderer sees one: never the PIN or its hash. */
export const StaffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  /** The admin PIN of Settings: the first administrator, changed there, never removed here. */
  builtIn: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const PinSchemaForStaff = z.string().regex(new RegExp(`^\\d{${LIMITS.pinDigits.min},${LIMITS.pinDigits.max}}$`), issueCode('pin-format'));

export const StaffInputSchema = z.object({ name: required(LIMITS.staffName), role: StaffRoleSchema, pin: PinSchemaForStaff }).strict();
export type StaffInput = z.infer<typeof StaffInputSchema>;

/** Who acts at this station right now (staff sign-in on: the member who gave a PIN, until it lapses). */
export const ActingSchema = z.object({
  station: z.string(),
  staffSignIn: z.boolean(),
  staff: z.object({ name: z.string(), role: StaffRoleSchema }).optional(),
  /** When the signed-in member's session lapses unless renewed by an action. */
  until: z.string().optional(),
});
export type Acting = z.infer<typeof ActingSchema>;

// ---------------------------------------------------------------------------------------------
// Audit log

/**
 * What the audit log records. Other features add their actions here (and one translation each):
 * the renderer names every value in both languages.
 */
export const AuditActionSchema = z.enum([
  'registered',
  /** Reception accepted a photo that failed a check: the checks and the reason given. */
  'photo-override',
  'pushed',
  're-pushed',
  /** A door refused the photo: a new visit with a new photo replaced the old one. */
  'photo-retaken',
  'registration-retried',
  'registration-cancelled',
  'signed-out',
  'removed',
  'door-opened',
  'deny-list-blocked',
  'deny-list-override',
  'deny-list-changed',
  'settings-changed',
  'admin-pin-changed',
  'staff-changed',
  'staff-signed-in',
  'kiosk-mode-entered',
  'kiosk-mode-left',
  'full-numbers-shown',
  'data-exported',
  'visitor-forgotten',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** ok: done; failed: tried and did not happen; refused: not allowed (wrong PIN, deny list); unknown: may have happened. */
export const AuditOutcomeSchema = z.enum(['ok', 'failed', 'refused', 'unknown']);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditEntrySchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  action: AuditActionSchema,
  outcome: AuditOutcomeSchema,
  visitId: z.string().optional(),
  /** Short and free of personal numbers (main masks any long digit run): keys changed, a door, an error code. */
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AuditQuerySchema = z.object({ from: day.optional(), to: day.optional() }).strict();
export const AuditPageSchema = z.object({
  /** Newest first, at most `limit`. */
  entries: z.array(AuditEntrySchema),
  /** More entries matched than were sent: narrow the days or export. */
  truncated: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Deny list

/** An entry as anyone may see it: the name, the last digits of its numbers, never the numbers. */
export const DenyEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Last 4 characters of the normalised document number ('' when none). */
  documentHint: z.string(),
  phoneHint: z.string(),
  reason: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
  expiresAt: z.string().optional(),
  expired: z.boolean(),
});
export type DenyEntry = z.infer<typeof DenyEntrySchema>;

export const DenyEntryInputSchema = z
  .object({
    name: required(LIMITS.visitText),
    documentNo: text(LIMITS.visitText).optional(),
    phone: text(24).optional(),
    reason: required(LIMITS.denyReason),
    expiresAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.documentNo && !v.phone) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['documentNo'], message: issueCode('document-or-phone') });
  });
export type DenyEntryInput = z.infer<typeof DenyEntryInputSchema>;

/** What reception is shown when a registration matched the deny list (never the numbers). */
export const DenyHitSchema = z.object({
  entries: z.array(
    z.object({ id: z.string(), name: z.string(), reason: z.string(), documentHint: z.string(), phoneHint: z.string(), expiresAt: z.string().optional() }),
  ),
});
export type DenyHit = z.infer<typeof DenyHitSchema>;

export const DenyImportResultSchema = z.object({
  added: z.number().int(),
  /** Row numbers (1 = the first after the header) not imported, with a code why. */
  rejected: z.array(z.object({ row: z.number().int(), problem: z.enum(['missing-name', 'missing-number', 'missing-reason', 'bad-expiry', 'too-long']) })),
});
export type DenyImportResult = z.infer<typeof DenyImportResultSchema>;

// ---------------------------------------------------------------------------------------------
// The calls (spread into contract.ts's `calls`)

const none = z.undefined();

export const adminCalls = {
  /** Who acts here now: the station's name, whether staff sign in, and who did. */
  getActing: { input: none, output: ActingSchema },
  /** A member of staff gives their PIN: main finds who it is (never told by the page). */
  signInStaff: { input: z.object({ pin: enteredPin() }).strict(), output: ActingSchema },
  signOutStaff: { input: none, output: ActingSchema },
  /** Admin: staff members (the built-in administrator first). */
  listStaff: { input: none, output: z.array(StaffMemberSchema) },
  addStaff: { input: StaffInputSchema, output: z.array(StaffMemberSchema) },
  removeStaff: { input: z.object({ id: required(64) }).strict(), output: z.array(StaffMemberSchema) },

  /** Admin: the audit log of the given days (UTC), newest first. */
  listAudit: { input: AuditQuerySchema, output: AuditPageSchema },
  /** Admin: the same as CSV text (defused cells); recorded as an export. */
  exportAudit: { input: AuditQuerySchema, output: z.string() },

  /** Admin: the deny list, expired entries included (marked). */
  listDenyList: { input: none, output: z.array(DenyEntrySchema) },
  addDenyEntry: { input: DenyEntryInputSchema, output: z.array(DenyEntrySchema) },
  removeDenyEntry: { input: z.object({ id: required(64) }).strict(), output: z.array(DenyEntrySchema) },
  /** Admin: rows of name, documentNo, phone, reason, expiresAt (or an export of this install, by its keyed hashes). */
  importDenyList: { input: z.object({ csv: z.string().max(2_000_000) }).strict(), output: DenyImportResultSchema },
  /** Admin: CSV without clear numbers (last digits and this install's keyed hashes only). */
  exportDenyList: { input: none, output: z.string() },
  /** An export the page made itself (muster CSV or print, abandoned-visits CSV): main records who. */
  recordExport: {
    input: z.object({ kind: z.enum(['muster-csv', 'muster-print', 'abandoned-csv']), count: z.number().int().min(0).max(1_000_000) }).strict(),
    output: z.literal(true),
  },
} as const;

export const ADMIN_CALL_NAMES = Object.keys(adminCalls) as (keyof typeof adminCalls)[];
