import { fieldRefusal } from './sim-error';

/**
 * A valid 8×8 grey baseline JPEG (155 bytes), served for every person, visitor and record photo
 * that has no uploaded bytes. Checked to decode in Chromium.
 */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAALCAAIAAgBAREA/8QAJgABAAAAAAAAAAAAAAAAAAAABRABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAAPwBh/9k=',
  'base64',
);

const DATA_URL = /^data:([^;,]*)(;[^,]*)?,/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads a photo field: `data:image/...;base64,<b64>` or bare Base64 (both are seen in the wild).
 * Line breaks inside the Base64 are tolerated. Anything else is refused, naming the field.
 */
export function decodePhoto(field: string, value: string): Buffer {
  let body = value;
  const prefix = DATA_URL.exec(value);
  if (prefix) {
    if (!prefix[1].startsWith('image/')) throw fieldRefusal(field, '图片格式错误', `data URL is ${prefix[1] || 'untyped'}, not image/*`);
    if (prefix[2] !== ';base64') throw fieldRefusal(field, '图片格式错误', 'data URL must be ;base64');
    body = value.slice(prefix[0].length);
  }
  body = body.replace(/[\r\n]/g, '');
  if (!BASE64.test(body) || body.length % 4 === 1) throw fieldRefusal(field, '图片不是有效的Base64', 'photo is not valid Base64');
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length === 0) throw fieldRefusal(field, '图片为空', 'photo is empty');
  return bytes;
}

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

export function imageContentType(bytes: Buffer): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  return 'image/jpeg';
}
