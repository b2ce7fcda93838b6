import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../../../src-main/services/expected/csv-table';
import { UnreadableTableError } from '../../../../src-main/services/expected/table';

describe('CSV as Excel and WPS write it', () => {
  it('numbers rows by the line they start on, skipping blank lines, across quoted line breaks', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n,\nlast,row';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
      { line: 7, cells: ['last', 'row'] },
    ]);
  });

  it('guesses a tab or semicolon delimiter from the header', () => {
    expect(parseCsv('a\tb\n1\t2')[1].cells).toEqual(['1', '2']);
    expect(parseCsv('a;b\n1;2')[1].cells).toEqual(['1', '2']);
  });

  it('refuses an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,b\nc,d')).toThrow(/line 2/);
  });

  it('reads UTF-8 with a BOM and GB18030 (Excel on Chinese Windows)', () => {
    expect(decodeCsv(Buffer.from('\uFEFF姓名,日期', 'utf8'))).toBe('姓名,日期');
    // "姓名" in GB18030/GBK.
    expect(decodeCsv(Uint8Array.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('姓名');
  });

  it('refuses bytes that are no text', () => {
    expect(() => decodeCsv(Uint8Array.from([0xff, 0xff, 0xff, 0x80]))).toThrow(UnreadableTableError);
  });
});
