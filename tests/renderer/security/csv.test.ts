import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from '../../../src-renderer/src/security/csv';

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
