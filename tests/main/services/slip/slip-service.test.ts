import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, SlipService, type SlipPrinter } from '../../../../src-main/services/slip/slip-service';
import { mapStore, memoryLogger } from '../../../helpers/test-ports';

function fakePrinter(installed: string[]): SlipPrinter & { jobs: Parameters<SlipPrinter['print']>[0][] } {
  const jobs: Parameters<SlipPrinter['print']>[0][] = [];
  return {
    jobs,
    listPrinters: async () => installed.map((name, i) => ({ name, displayName: name, isDefault: i === 0 })),
    print: async (options) => {
      jobs.push(options);
    },
  };
}

describe('slip printing: the service decides printer and page size', () => {
  it('silently to the chosen printer, page size in microns for the paper', async () => {
    const printer = fakePrinter(['POS-58', 'Office']);
    const slips = new SlipService(mapStore(), memoryLogger(), printer);
    slips.save({ printerName: 'POS-58', paper: '58mm' });
    expect(await slips.print(undefined)).toEqual({ via: 'printer' });
    expect(printer.jobs[0]).toEqual({ silent: true, deviceName: 'POS-58', pageSize: { width: 58_000, height: 150_000 } });
    expect(await slips.print('a6')).toEqual({ via: 'printer' });
    expect(printer.jobs[1].pageSize).toEqual(PAGE_SIZES.a6);
  });

  it('no printer chosen, or the chosen one is gone: the system dialog', async () => {
    const printer = fakePrinter(['Office']);
    const log = memoryLogger();
    const slips = new SlipService(mapStore(), log, printer);
    expect(await slips.print(undefined)).toEqual({ via: 'dialog' });
    slips.save({ printerName: 'POS-80' });
    expect(await slips.print('80mm')).toEqual({ via: 'dialog' });
    expect(printer.jobs.every((j) => j.silent === false && j.deviceName === undefined)).toBe(true);
    expect(log.lines.join('\n')).toContain('not installed');
  });

  it('without Electron the page prints itself; a print that fails is an error, not "printed"', async () => {
    expect(await new SlipService(mapStore(), memoryLogger()).print(undefined)).toEqual({ via: 'browser' });
    const failing: SlipPrinter = { listPrinters: async () => [], print: async () => Promise.reject(new Error('paper out')) };
    await expect(new SlipService(mapStore(), memoryLogger(), failing).print(undefined)).rejects.toMatchObject({ code: 'internal' });
  });

  it('keeps company name and a PNG/JPEG logo; refuses anything else as a logo', () => {
    const slips = new SlipService(mapStore(), memoryLogger());
    expect(slips.settings()).toEqual({ companyName: '', logo: '', paper: '80mm', autoPrint: false, printerName: '' });
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    expect(slips.save({ companyName: '示例科技', logo, autoPrint: true })).toMatchObject({ companyName: '示例科技', logo, autoPrint: true });
    expect(() => slips.save({ logo: 'data:image/svg+xml;base64,PHN2Zz4=' })).toThrow(/logo/);
    expect(() => slips.save({ logo: 'https://example.com/logo.png' })).toThrow();
  });
});
