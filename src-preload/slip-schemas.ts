/**
 * The contract's visitor-slip shapes (re-exported by contract.ts): slip settings, printers, and
 * how a print went. Imports nothing but zod.
 */
import { z } from 'zod';

/** 58 mm and 80 mm receipt rolls, and an A6 label. */
export const SlipPaperSchema = z.enum(['58mm', '80mm', 'a6']);
export type SlipPaper = z.infer<typeof SlipPaperSchema>;

/** A logo small enough to keep in the settings file: PNG or JPEG as a data URL, at most ~150 KB. */
const LogoSchema = z.union([
  z.literal(''),
  z
    .string()
    .max(200_000)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/),
]);

export const SlipSettingsSchema = z.object({
  companyName: z.string(),
  logo: z.string(),
  paper: SlipPaperSchema,
  /** Print the slip as soon as a registration is done. */
  autoPrint: z.boolean(),
  /** The printer silent printing goes to ('' = the system's print dialog). */
  printerName: z.string(),
});
export type SlipSettings = z.infer<typeof SlipSettingsSchema>;

export const SlipSettingsPatchSchema = z
  .object({
    companyName: z.string().trim().max(60),
    logo: LogoSchema,
    paper: SlipPaperSchema,
    autoPrint: z.boolean(),
    printerName: z.string().trim().max(200),
  })
  .partial()
  .strict();
export type SlipSettingsPatch = z.infer<typeof SlipSettingsPatchSchema>;

export const PrinterSchema = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
export type Printer = z.infer<typeof PrinterSchema>;

/**
 * How the slip was printed: silently to the chosen printer, through the system dialog (no printer
 * chosen, or it is gone), or 'browser': there is no Electron here (the browser harness), the page
 * prints itself.
 */
export const PrintSlipResultSchema = z.object({ via: z.enum(['printer', 'dialog', 'browser']) });
export type PrintSlipResult = z.infer<typeof PrintSlipResultSchema>;
