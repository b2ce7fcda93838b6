/**
 * The visitor slip: its settings (from main), the slip being printed, and printing it. Main picks
 * the printer and page size; without Electron (the browser harness) the page prints itself.
 */
import { create } from 'zustand';
import type { KioskError, PrintSlipResult, Result, SlipSettings, SlipSettingsPatch } from '../../../src-preload/contract';
import { call } from '../api';
import type { SlipContent } from './slip-content';

interface SlipState {
  settings: SlipSettings | null;
  /** The slip in the print area (what a print prints). */
  printing: SlipContent | null;
  error: KioskError | null;
  load(): Promise<void>;
  save(patch: SlipSettingsPatch): Promise<Result<SlipSettings>>;
  print(content: SlipContent): Promise<Result<PrintSlipResult>>;
}

export const PRINTING_CLASS = 'printing-slip';

/** Resolves once the print area's QR code is drawn for this code (or after 3 s). */
async function qrDrawn(code: string): Promise<void> {
  const end = Date.now() + 3000;
  while (Date.now() < end) {
    if (document.querySelector(`.slip-print-area canvas[data-code="${CSS.escape(code)}"]`)) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}

let afterPrintWatched = false;

export const useSlipStore = create<SlipState>()((set, get) => ({
  settings: null,
  printing: null,
  error: null,

  async load() {
    const result = await call('getSlipSettings');
    if (result.ok) set({ settings: result.value, error: null });
    else set({ error: result.error });
  },

  async save(patch) {
    const result = await call('saveSlipSettings', patch);
    if (result.ok) set({ settings: result.value });
    return result;
  },

  async print(content) {
    if (!afterPrintWatched) {
      afterPrintWatched = true;
      window.addEventListener('afterprint', () => document.body.classList.remove(PRINTING_CLASS));
    }
    set({ printing: content });
    await qrDrawn(content.visitCode);
    document.body.classList.add(PRINTING_CLASS);
    const result = await call('printSlip', { paper: get().settings?.paper });
    if (result.ok && result.value.via === 'browser') window.print();
    if (!result.ok) document.body.classList.remove(PRINTING_CLASS);
    return result;
  },
}));
