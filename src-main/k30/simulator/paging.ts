import type { Params } from './validation';

/** A list answer as the vendor shapes it. */
export interface Page<T> {
  total: number;
  totalPage: number;
  data: T[];
}

/** Slices `rows` by the call's pageindex/pagesize (both checked by validation) and maps the slice. */
export function page<S, T>(rows: readonly S[], params: Params, toRow: (row: S) => T): Page<T> {
  const size = params.n('pagesize')!;
  const index = params.n('pageindex')!;
  const start = (index - 1) * size;
  return { total: rows.length, totalPage: Math.ceil(rows.length / size), data: rows.slice(start, start + size).map(toRow) };
}

/** Case-insensitive substring match; an empty filter matches everything. */
export function fuzzy(value: string, filter: string): boolean {
  return filter === '' || value.toLowerCase().includes(filter.toLowerCase());
}

/** Exact match; an empty filter matches everything. */
export function exact(value: string, filter: string): boolean {
  return filter === '' || value === filter;
}

/** As page(), for rows computed on demand: only the requested slice is built. */
export function pageLazy<T>(total: number, params: Params, rowAt: (index: number) => T): Page<T> {
  const size = params.n('pagesize')!;
  const start = (params.n('pageindex')! - 1) * size;
  const data: T[] = [];
  for (let i = start; i < Math.min(total, start + size); i++) data.push(rowAt(i));
  return { total, totalPage: Math.ceil(total / size), data };
}
