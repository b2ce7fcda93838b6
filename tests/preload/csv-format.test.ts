import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../src-preload/csv-format';

describe('csvField defuses every formula start a spreadsheet may act on', () => {
  const dangerous = [' =1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '|calc', ';cmd', '\n=1+1', '\t=1', '\r=1', '=1', '+1', '-1', '@SUM(A1)'];

  it.each(dangerous)('%j gets a leading apostrophe', (text) => {
    const field = csvField(text);
    const [[parsed]] = parseCsv(toCsv([[text]]));
    expect(parsed).toBe(`'${text}`);
    expect(field.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text, numbers and inner symbols alone', () => {
    expect(csvField('张伟')).toBe('张伟');
    expect(csvField('a=b|c;d')).toBe('a=b|c;d');
    expect(csvField(-5)).toBe('-5');
  });
});

describe('fields and rows', () => {
  it('quotes what needs quoting, doubles quotes and defuses formulas', () => {
    expect(csvField('张伟')).toBe('张伟');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('pad ')).toBe('"pad "');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField(12)).toBe('12');
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', 'e'],
      ]),
    ).toBe('\uFEFFa,b\r\n"c,d",e\r\n');
  });

  it('round-trips through the parser', () => {
    const rows = [
      ['区域', '姓名'],
      ['B栋, 5F', 'O"Brien'],
      ['多行\r\n文本', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
