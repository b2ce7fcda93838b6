import type { BrowserWindow } from 'electron';
import type { SlipPrinter } from '../services/slip/slip-service';

/**
 * The slip printer in Electron: the printers installed (webContents.getPrintersAsync) and printing
 * the app window's page (webContents.print with deviceName and pageSize in microns, no margins).
 * Thin on purpose: SlipService decides the printer, the page size and whether it is silent.
 */
export function electronSlipPrinter(window: () => BrowserWindow | undefined): SlipPrinter {
  const contents = () => {
    const win = window();
    if (!win || win.isDestroyed()) throw new Error('no window to print');
    return win.webContents;
  };
  return {
    async listPrinters() {
      const printers = await contents().getPrintersAsync();
      return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
    },
    print({ silent, deviceName, pageSize }) {
      return new Promise((resolve, reject) => {
        contents().print(
          { silent, printBackground: true, ...(deviceName ? { deviceName } : {}), margins: { marginType: 'none' }, pageSize },
          (success, reason) => {
            // A person cancelling the dialog is not an error.
            if (success || reason === 'cancelled') resolve();
            else reject(new Error(reason || 'print failed'));
          },
        );
      });
    },
  };
}
