import { k30Date, k30DateTime } from '../protocol/timestamp';
import type { K30DateInput } from './types';

/** How our typed inputs become K30 request fields. */
export type Data = Record<string, unknown>;

/** Drops undefined, null and '' so optional fields are left out of the request (and the signature). */
export function compact(data: Data): Data {
  const out: Data = {};
  for (const key in data) {
    const value = data[key];
    if (value !== undefined && value !== null && value !== '' && Object.hasOwn(data, key)) out[key] = value;
  }
  return out;
}

export function dateTime(value: K30DateInput | undefined): string | undefined {
  return value instanceof Date ? k30DateTime(value) : value;
}

export function dateOnly(value: K30DateInput | undefined): string | undefined {
  return value instanceof Date ? k30Date(value) : value;
}

export function flag01(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0';
}
