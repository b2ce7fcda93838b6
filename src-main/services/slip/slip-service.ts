import { describeError } from '../../k30/protocol/describe-error';
import {
  SlipSettingsPatchSchema,
  SlipSettingsSchema,
  type Printer,
  type PrintSlipResult,
  type SlipPaper,
  type SlipSettings,
  type SlipSettingsPatch,
} from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { KeyValueStore, Logger } from '../ports';

/** What printing needs of Electron (src-main/electron/printing.ts); absent under Node and in the browser harness. */
export interface SlipPrinter {
  listPrinters(): Promise<Printer[]>;
  /** Prints the window's page: silently to `deviceName`, or through the system dialog. */
  print(options: { silent: boolean; deviceName?: string; pageSize: { width: number; height: number } }): Promise<void>;
}

/**
 * Page sizes in microns (what webContents.print takes). Receipt rolls are cut after the slip: the
 * height is what a slip with a photo needs.
 */
export const PAGE_SIZES: Record<SlipPaper, { width: number; height: number }> = {
  '58mm': { width: 58_000, height: 150_000 },
  '80mm': { width: 80_000, height: 160_000 },
  a6: { width: 105_000, height: 148_000 },
};

const KEY = 'slipSettings';
const DEFAULTS: SlipSettings = { companyName: '', logo: '', paper: '80mm', autoPrint: false, printerName: '' };

/**
 * The visitor slip: its settings, and printing (the services decide the printer and page size; the
 * Electron glue only does what it is told).
 */
export class SlipService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly log: Logger,
    private readonly printer?: SlipPrinter,
  ) {}

  settings(): SlipSettings {
    const parsed = SlipSettingsSchema.safeParse({ ...DEFAULTS, ...(this.store.get(KEY) as object | undefined) });
    return parsed.success ? parsed.data : { ...DEFAULTS };
  }

  save(patch: SlipSettingsPatch): SlipSettings {
    const parsed = SlipSettingsPatchSchema.safeParse(patch);
    if (!parsed.success)
      throw new AppError('invalid-input', `invalid slip settings at ${parsed.error.issues[0]?.path.join('.')}`, parsed.error.issues[0]?.path.join('.'));
    const next = { ...this.settings(), ...parsed.data };
    this.store.set(KEY, next);
    return next;
  }

  listPrinters(): Promise<Printer[]> {
    return this.printer ? this.printer.listPrinters() : Promise.resolve([]);
  }

  /** Silently to the chosen printer when it is installed; else the system dialog; 'browser' without Electron. */
  async print(paper: SlipPaper | undefined): Promise<PrintSlipResult> {
    if (!this.printer) return { via: 'browser' };
    const settings = this.settings();
    const pageSize = PAGE_SIZES[paper ?? settings.paper];
    const installed = settings.printerName !== '' && (await this.printer.listPrinters()).some((p) => p.name === settings.printerName);
    if (settings.printerName !== '' && !installed) this.log.warn('slip: the chosen printer is not installed; using the print dialog');
    try {
      await this.printer.print(installed ? { silent: true, deviceName: settings.printerName, pageSize } : { silent: false, pageSize });
    } catch (error) {
      throw new AppError('internal', `the slip could not be printed: ${describeError(error)}`);
    }
    return { via: installed ? 'printer' : 'dialog' };
  }
}
