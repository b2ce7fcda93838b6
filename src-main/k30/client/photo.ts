import type { PhotoEncoding } from './types';

/**
 * Photos go to K30 either as an http(s) URL the devices can reach (sent as-is) or as Base64 of
 * the image bytes. The vendor's table asks for a `data:image/...;base64,` prefix, an independent
 * integration strips it: which one a server accepts is a setting (PhotoEncoding).
 */

const DATA_URL_PREFIX = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(?:;[^,;]*)*;base64,/i;
const URL_PATTERN = /^https?:\/\//i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function isPhotoUrl(photo: string): boolean {
  if (!URL_PATTERN.test(photo)) return false;
  try {
    const url = new URL(photo);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Splits an optional `data:<mime>;base64,` prefix from the Base64 body (whitespace removed). */
export function splitDataUrl(photo: string): { mime?: string; base64: string } {
  const match = DATA_URL_PREFIX.exec(photo);
  const body = match ? photo.slice(match[0].length) : photo;
  return { mime: match?.[1]?.toLowerCase(), base64: body.replace(/\s+/g, '') };
}

export function isBase64(text: string): boolean {
  return text.length > 0 && text.length % 4 === 0 && BASE64.test(text);
}

/** A photo as the caller may give it: a URL (when `allowUrl`), bare Base64, or Base64 with a data: prefix. */
export function isValidPhoto(photo: string, allowUrl = true): boolean {
  if (URL_PATTERN.test(photo.trim())) return allowUrl && isPhotoUrl(photo.trim());
  const { mime, base64 } = splitDataUrl(photo.trim());
  return (mime === undefined || mime.startsWith('image/')) && isBase64(base64);
}

/**
 * The wire value: URLs as-is; Base64 with `data:image/jpeg;base64,` ('data-url') or without
 * ('bare'). A prefix already present is stripped and re-applied, keeping its image type.
 */
export function encodePhoto(photo: string, encoding: PhotoEncoding): string {
  const trimmed = photo.trim();
  if (URL_PATTERN.test(trimmed)) return trimmed;
  const { mime, base64 } = splitDataUrl(trimmed);
  if (encoding === 'bare') return base64;
  const type = mime && mime.startsWith('image/') ? mime : 'image/jpeg';
  return `data:${type};base64,${base64}`;
}
