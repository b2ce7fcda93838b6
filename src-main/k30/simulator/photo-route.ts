import type { ServerResponse } from 'node:http';
import { imageContentType, TINY_JPEG } from './photos';
import type { SimulatorState } from './state';
import { sendJson, sendBytes } from './http-util';

/**
 * GET /photos/<kind>/<no>.jpg: the uploaded bytes when there are some, else the tiny demo JPEG for
 * anyone who has a photo (people, people-idcard, visitors) and for every pass record (records).
 */
export function servePhoto(state: SimulatorState, pathname: string, res: ServerResponse): boolean {
  const match = /^\/photos\/(people|people-idcard|visitors|records)\/([^/]+)\.jpg$/.exec(pathname);
  if (!match) return false;
  const [, kind, no] = match;
  const stored = state.photos.get(`${kind}/${no}`);
  const exists =
    kind === 'people'
      ? (state.people.get(no)?.photoBytes ?? 0) > 0
      : kind === 'people-idcard'
        ? (state.people.get(no)?.idcardphotoBytes ?? 0) > 0
        : kind === 'visitors'
          ? state.visitors.has(no)
          : state.passRecords.some((r) => r.no === no);
  if (!exists) {
    sendJson(res, 404, { error: `no photo: ${kind}/${no}` });
    return true;
  }
  const bytes = stored ?? TINY_JPEG;
  sendBytes(res, 200, imageContentType(bytes), bytes);
  return true;
}
