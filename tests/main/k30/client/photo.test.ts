/** Photo encoding for visitor/Create: data URL or bare Base64, only real JPEGs. */
import { describe, expect, it } from 'vitest';
import { encodePhoto } from '../../../../src-main/k30/client/photo';

const JPEG_B64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64');

describe('photo encoding', () => {
  it('adds, keeps or strips the data: prefix', () => {
    expect(encodePhoto(JPEG_B64, 'data-url')).toBe(`data:image/jpeg;base64,${JPEG_B64}`);
    expect(encodePhoto(JPEG_B64, 'bare')).toBe(JPEG_B64);
    expect(encodePhoto(`data:image/jpeg;base64,${JPEG_B64}`, 'bare')).toBe(JPEG_B64);
    expect(encodePhoto(`data:image/jpeg;base64,${JPEG_B64}`, 'data-url')).toBe(`data:image/jpeg;base64,${JPEG_B64}`);
    expect(encodePhoto(`data:image/png;base64,${JPEG_B64}`, 'data-url')).toBe(`data:image/png;base64,${JPEG_B64}`);
    expect(encodePhoto('http://10.0.0.1/a.jpg', 'data-url')).toBe('http://10.0.0.1/a.jpg');
    expect(encodePhoto('https://10.0.0.1/a.jpg', 'bare')).toBe('https://10.0.0.1/a.jpg');
  });
});
