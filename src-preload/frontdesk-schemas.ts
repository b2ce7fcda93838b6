/**
 * The contract's front-desk shapes: expected visits (pre-registration, list import, check-in) and
 * the visit log (query, export, thumbnails). Part of the one contract (re-exported by contract.ts,
 * whose `calls` spread `frontDeskCalls`); imports nothing but zod and the contract's other parts.
 */
import { z } from 'zod';
import { required, text } from './schema-parts';
import { issueCode, LIMITS } from './contract-rules';
import { documentIssue, PHONE_MAX_TYPED, phoneIssue } from './identity-rules';
import { DocumentTypeSchema, PhotoSchema, PublicVisitorSchema, VisitSchema, VisitStateSchema } from './visit-schemas';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What reception knows ahead of a visit: no photo; phone and document may follow at check-in. */
export const ExpectedVisitInputSchema = z
  .object({
    name: required(LIMITS.visitText),
    phone: z.string().trim().max(PHONE_MAX_TYPED).optional(),
    documentType: DocumentTypeSchema,
    documentNo: text(LIMITS.visitText).optional(),
    carno: text(LIMITS.visitText).optional(),
    reason: text(LIMITS.visitText).optional(),
    hostNo: required(LIMITS.visitText),
    hostName: text(LIMITS.visitText),
    begin: z.string().datetime({ offset: true }),
    end: z.string().datetime({ offset: true }),
    deviceNos: z.array(required(32)).min(1).max(100),
  })
  .strict()
  .superRefine((v, ctx) => {
    // The same phone and document rules as a registration (identity-rules.ts); both may wait for check-in.
    const phone = v.phone ? phoneIssue(v.phone, v.documentType) : undefined;
    if (phone) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['phone'], message: issueCode(phone) });
    const document = v.documentNo ? documentIssue(v.documentType, v.documentNo) : undefined;
    if (document) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['documentNo'], message: issueCode(document) });
    if (Date.parse(v.end) <= Date.parse(v.begin)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: issueCode('end-before-begin') });
    if (new Set(v.deviceNos).size !== v.deviceNos.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['deviceNos'], message: issueCode('duplicate') });
  });
export type ExpectedVisitInput = z.infer<typeof ExpectedVisitInputSchema>;

/** expected → checked-in (a real visit, registered on K30), or expired (a no-show) / cancelled: nothing sent. */
export const ExpectedStateSchema = z.enum(['expected', 'checked-in', 'expired', 'cancelled']);
export type ExpectedState = z.infer<typeof ExpectedStateSchema>;

/** Details reception may leave for check-in. */
export const MissingFieldSchema = z.enum(['phone', 'documentNo']);
export type MissingField = z.infer<typeof MissingFieldSchema>;

export const ExpectedVisitSchema = z.object({
  id: z.string(),
  state: ExpectedStateSchema,
  source: z.enum(['manual', 'import']),
  visitor: PublicVisitorSchema,
  /** What check-in must still ask for, besides the photo. */
  missing: z.array(MissingFieldSchema),
  host: z.object({ no: z.string(), name: z.string() }),
  begin: z.string(),
  end: z.string(),
  deviceNos: z.array(z.string()),
  createdAt: z.string(),
  /** The visit it became at check-in. */
  visitId: z.string().optional(),
  endedAt: z.string().optional(),
});
export type ExpectedVisit = z.infer<typeof ExpectedVisitSchema>;

export const ImportFormatSchema = z.enum(['csv', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/** A file of at most ~4 MB, as Base64. */
export const ImportFileSchema = z
  .object({
    format: ImportFormatSchema,
    base64: z
      .string()
      .min(1)
      .max(5_600_000)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/),
  })
  .strict();

/** Why a row (or the file) was refused; the renderer words each. */
export const ImportProblemSchema = z.enum([
  'unreadable-file',
  'empty-file',
  'too-many-rows',
  'missing-column',
  'required',
  'too-long',
  'phone-format',
  'id-checksum',
  'document-format',
  'document-type',
  'date-format',
  'time-format',
  'end-before-begin',
  'visit-too-long',
  'already-ended',
  'unknown-door',
  'duplicate-in-file',
]);
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportRowErrorSchema = z.object({
  /** The line of the file (1 = the header; 0 = the file as a whole). */
  line: z.number().int().nonnegative(),
  /** The template's column key, when one column is at fault. */
  column: z.string().optional(),
  problem: ImportProblemSchema,
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** All rows or none: `imported` is 0 whenever `errors` is not empty. */
export const ImportResultSchema = z.object({ imported: z.number().int(), rows: z.number().int(), errors: z.array(ImportRowErrorSchema) });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExpectedIdSchema = z.object({ expectedId: z.string().min(1).max(64) }).strict();

/** Check-in: the photo, and whatever the expected visit still lacks. */
export const CheckInSchema = z
  .object({
    expectedId: z.string().min(1).max(64),
    photo: PhotoSchema,
    // Checked with the visit's document type when the registration is built (RegistrationSchema).
    phone: z.string().trim().min(1).max(PHONE_MAX_TYPED).optional(),
    documentNo: required(LIMITS.visitText).optional(),
  })
  .strict();
export type CheckIn = z.infer<typeof CheckInSchema>;

export const FileOutSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type FileOut = z.infer<typeof FileOutSchema>;

export const LanguageCodeSchema = z.enum(['zh-CN', 'en']);

// ---------------------------------------------------------------------------------------------
// The visit log

export const VisitLogQuerySchema = z
  .object({
    /** Local days, inclusive: visits whose window touches them. */
    from: DaySchema,
    to: DaySchema,
    hostNo: text(LIMITS.visitText).optional(),
    state: VisitStateSchema.optional(),
    /** A name (part of it), or a full phone or document number (matched by keyed hash). */
    search: text(LIMITS.visitText).optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: issueCode('end-before-begin') });
export type VisitLogQuery = z.infer<typeof VisitLogQuerySchema>;

export const VISIT_LOG_PAGE = 500;

export const VisitLogSchema = z.object({
  /** Newest first, at most VISIT_LOG_PAGE. */
  rows: z.array(VisitSchema),
  total: z.number().int(),
  /** Hosts of the visits in the range, for the filter. */
  hosts: z.array(z.object({ no: z.string(), name: z.string() })),
});
export type VisitLog = z.infer<typeof VisitLogSchema>;

export const VisitLogExportSchema = z
  .object({ from: DaySchema, to: DaySchema, format: ImportFormatSchema, language: LanguageCodeSchema, phones: z.enum(['masked', 'full']) })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: issueCode('end-before-begin') });

// ---------------------------------------------------------------------------------------------
// The calls (spread into the contract's `calls`; none is open to a self-service kiosk)

const none = z.undefined();

export const frontDeskCalls = {
  /** Pre-register a visit: kept on this PC only, nothing sent to K30 before check-in. */
  createExpectedVisit: { input: ExpectedVisitInputSchema, output: ExpectedVisitSchema },
  /** Expected visits not yet ended (no-shows expire first), by begin time. */
  listExpectedVisits: { input: none, output: z.array(ExpectedVisitSchema) },
  /** A CSV/XLSX list: every row valid and all kept, or nothing kept and every bad row reported. */
  importExpectedVisits: { input: ImportFileSchema, output: ImportResultSchema },
  getExpectedImportTemplate: { input: z.object({ format: ImportFormatSchema, language: LanguageCodeSchema }).strict(), output: FileOutSchema },
  /** The visitor arrived: the photo (and missing details) make it a registration on K30. */
  checkInExpectedVisit: { input: CheckInSchema, output: VisitSchema },
  cancelExpectedVisit: { input: ExpectedIdSchema, output: ExpectedVisitSchema },

  queryVisitLog: { input: VisitLogQuerySchema, output: VisitLogSchema },
  /** Phones and documents masked, or in full where still held (admin PIN session only). */
  exportVisitLog: { input: VisitLogExportSchema, output: FileOutSchema },
  /** The visit's photo while this PC still holds it ('' once purged). */
  getVisitPhoto: { input: z.object({ visitId: z.string().min(1).max(64) }).strict(), output: z.string() },
} as const;
