import { K30ValidationError } from './errors';
import { DATE_PATTERN, DATE_TIME_PATTERN, parseK30DateTime } from '../protocol/timestamp';
import { PATHS, type K30Path } from './paths';
import { isValidPhoto } from './photo';

/**
 * Field checks before sending: a failed check throws K30ValidationError naming the field, and
 * nothing is sent. CALL_RULES is the one table of the vendor's required fields, lengths and
 * formats; CROSS_CHECKS holds the rules that involve two fields. Messages never repeat the value
 * (it may be a photo or an ID number).
 */

export type FieldKind =
  /** A string of at most `max` characters. */
  | 'text'
  /** `yyyy-MM-dd HH:mm:ss`, a real calendar time. */
  | 'datetime'
  /** `yyyy-MM-dd`, a real calendar day. */
  | 'date'
  /** The door password: 1 to 6 digits. */
  | 'pwd'
  /** Base64 image data (optionally with a data: prefix) or an http(s) URL (visitor photos). */
  | 'photo'
  /** Base64 image data only (person photos: the vendor's table allows no URL). */
  | 'image'
  /** Comma-separated device numbers. */
  | 'device-list'
  /** "0" or "1". */
  | 'flag'
  /** An integer from `oneOf`, or any integer when there is no `oneOf`. */
  | 'int'
  | 'pageindex'
  | 'pagesize';

export interface FieldRule {
  kind: FieldKind;
  /** Characters; undefined = the vendor's `max` (no limit). */
  max?: number;
  required?: boolean;
  oneOf?: readonly number[];
}

export const MAX_PAGE_SIZE = 1000;
/** Device numbers are 32 characters in every table that lists them. */
export const DEVICE_NO_MAX = 32;

const text = (max: number): FieldRule => ({ kind: 'text', max });
const must = (max: number): FieldRule => ({ kind: 'text', max, required: true });
const datetime: FieldRule = { kind: 'datetime', max: 50 };
const page = { pageindex: { kind: 'pageindex', required: true }, pagesize: { kind: 'pagesize', required: true } } satisfies Record<string, FieldRule>;

const personFields: Record<string, FieldRule> = {
  name: must(50),
  deptno: must(50),
  jobnumber: must(50),
  phone: text(50),
  sex: { kind: 'int', max: 10, oneOf: [0, 1, 2] },
  idcard: text(50),
  iccard: text(50),
  startdate: datetime,
  effdate: datetime,
  photo: { kind: 'image' },
  idcardphoto: { kind: 'image' },
  pwd: { kind: 'pwd', max: 6 },
  carno: text(50),
  entrydate: datetime,
  nation: text(50),
  native: text(50),
  residence: text(50),
};

const departmentFields: Record<string, FieldRule> = {
  name: must(50),
  linkername: text(50),
  linkerphone: text(50),
  parentno: text(50),
  remark: text(100),
};

const regionFields: Record<string, FieldRule> = {
  name: must(50),
  parentno: text(50),
  linkage: { kind: 'flag', max: 10 },
  manual: { kind: 'flag', max: 10 },
};

/** The vendor's request tables, per call (request `data` fields only). */
export const CALL_RULES: Record<K30Path, Record<string, FieldRule>> = {
  [PATHS.peopleCreate]: personFields,
  [PATHS.peopleUpdate]: { no: must(50), ...personFields },
  [PATHS.peopleDelete]: { no: must(50) },
  [PATHS.peopleList]: { ...page, deptno: text(32), no: text(32), name: text(32), phone: text(32), idcard: text(32), iccard: text(32) },
  [PATHS.peopleSync]: { no: must(50), device_nos: { kind: 'device-list', max: 512 }, deptno: text(100) },
  [PATHS.departmentCreate]: departmentFields,
  [PATHS.departmentUpdate]: { no: must(50), ...departmentFields },
  [PATHS.departmentDelete]: { no: must(50) },
  [PATHS.departmentList]: { ...page, no: text(32), name: text(32) },
  [PATHS.recordList]: {
    ...page,
    startdate: { kind: 'date', max: 32, required: true },
    effdate: { kind: 'date', max: 32, required: true },
    deptno: text(32),
    peopleno: text(32),
    peoplename: text(32),
    deviceno: text(32),
    group: { kind: 'int', oneOf: [0, 1, 10] },
    mode: { kind: 'int' },
  },
  [PATHS.deviceList]: { ...page, deviceno: text(32), devicename: text(32), ip: text(32) },
  [PATHS.deviceStatus]: { deviceno: must(32) },
  [PATHS.deviceUpdate]: {
    no: must(50),
    ip: must(50),
    name: must(50),
    area: text(100),
    regionname: text(100),
    outintype: { kind: 'int', oneOf: [0, 1] },
    isenableattend: { kind: 'int', oneOf: [0, 1] },
  },
  [PATHS.deviceOpenDoor]: { deviceno: must(32) },
  [PATHS.deviceDoorMode]: { deviceno: must(32), mode: { kind: 'int', oneOf: [1, 2], required: true } },
  [PATHS.visitorCreate]: {
    name: must(50),
    phone: must(50),
    photo: { kind: 'photo' },
    staffno: must(50),
    reason: text(50),
    begintime: { ...datetime, required: true },
    endtime: { ...datetime, required: true },
    idcard: must(50),
    carno: text(50),
  },
  [PATHS.visitorSync]: { no: must(50), devicenos: { kind: 'device-list', required: true } },
  [PATHS.visitorDelete]: { no: must(50) },
  [PATHS.regionCreate]: regionFields,
  [PATHS.regionUpdate]: { no: must(50), ...regionFields },
  [PATHS.regionDelete]: { no: must(50) },
  [PATHS.regionList]: { ...page, no: text(32), name: text(32), parentno: text(32) },
  [PATHS.regionPeople]: {
    ...page,
    no: must(32),
    name: text(32),
    phone: text(32),
    idcard: text(32),
    iccard: text(32),
    startdate: { kind: 'datetime', max: 32 },
    effdate: { kind: 'datetime', max: 32 },
  },
};

type Data = Record<string, unknown>;

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function chars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Device numbers as the caller gives them: non-empty, no commas or spaces inside one, no duplicates. */
export function checkDeviceNos(field: string, list: unknown, call: string, options: { required?: boolean; maxJoined?: number } = {}): string[] {
  if (list === undefined || list === null) {
    if (options.required) throw new K30ValidationError(field, 'is required', call);
    return [];
  }
  if (!Array.isArray(list)) throw new K30ValidationError(field, 'must be a list of device numbers', call);
  if (list.length === 0 && options.required) throw new K30ValidationError(field, 'must name at least one device', call);
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'string' || item.trim() === '') throw new K30ValidationError(field, 'contains an empty device number', call);
    if (/[,\s]/.test(item)) throw new K30ValidationError(field, 'contains a device number with a comma or space inside', call);
    if (chars(item) > DEVICE_NO_MAX) throw new K30ValidationError(field, `contains a device number longer than ${DEVICE_NO_MAX} characters`, call);
    if (seen.has(item)) throw new K30ValidationError(field, 'contains a device number twice', call);
    seen.add(item);
  }
  const joined = list.join(',');
  if (options.maxJoined !== undefined && chars(joined) > options.maxJoined) {
    throw new K30ValidationError(field, `is longer than ${options.maxJoined} characters when joined`, call);
  }
  return list as string[];
}

function fail(field: string, call: string, problem: string): never {
  throw new K30ValidationError(field, problem, call);
}

function checkField(field: string, rule: FieldRule, value: unknown, call: string): void {
  if (isMissing(value)) {
    if (rule.required) fail(field, call, 'is required');
    return;
  }
  switch (rule.kind) {
    case 'pageindex':
      if (!Number.isInteger(value) || (value as number) < 1) fail(field, call, 'must be a whole number from 1');
      return;
    case 'pagesize':
      if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_PAGE_SIZE)
        fail(field, call, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
      return;
    case 'int': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (!Number.isInteger(n)) fail(field, call, 'must be a whole number');
      if (rule.oneOf && !rule.oneOf.includes(n as number)) fail(field, call, `must be one of ${rule.oneOf.join(', ')}`);
      return;
    }
    default:
      break;
  }
  if (typeof value !== 'string') fail(field, call, 'must be text');
  if (rule.max !== undefined && chars(value) > rule.max) fail(field, call, `is longer than ${rule.max} characters`);
  switch (rule.kind) {
    case 'datetime':
      if (!DATE_TIME_PATTERN.test(value) || !parseK30DateTime(value)) fail(field, call, 'must be a date and time as yyyy-MM-dd HH:mm:ss');
      return;
    case 'date':
      if (!DATE_PATTERN.test(value) || !parseK30DateTime(value)) fail(field, call, 'must be a date as yyyy-MM-dd');
      return;
    case 'pwd':
      if (!/^\d{1,6}$/.test(value)) fail(field, call, 'must be 1 to 6 digits');
      return;
    case 'photo':
      if (!isValidPhoto(value)) fail(field, call, 'must be Base64 image data or an http(s) URL');
      return;
    case 'image':
      if (!isValidPhoto(value, false)) fail(field, call, 'must be Base64 image data');
      return;
    case 'flag':
      if (value !== '0' && value !== '1') fail(field, call, 'must be "0" or "1"');
      return;
    case 'device-list':
      checkDeviceNos(field, value.split(','), call);
      return;
    default:
      return;
  }
}

function timeOf(value: unknown): number | undefined {
  return typeof value === 'string' ? parseK30DateTime(value)?.getTime() : undefined;
}

/** `to` after `from` (strictly, or not before when `orEqual`) when both are given. */
function ordered(data: Data, from: string, to: string, call: string, orEqual = false): void {
  const a = timeOf(data[from]);
  const b = timeOf(data[to]);
  if (a === undefined || b === undefined) return;
  if (orEqual ? b < a : b <= a) throw new K30ValidationError(to, `must be ${orEqual ? 'on or after' : 'after'} ${from}`, call);
}

/** Rules across fields, per call; run after CALL_RULES passed. */
export const CROSS_CHECKS: Partial<Record<K30Path, (data: Data, call: string) => void>> = {
  [PATHS.peopleCreate]: (d, c) => ordered(d, 'startdate', 'effdate', c),
  [PATHS.peopleUpdate]: (d, c) => ordered(d, 'startdate', 'effdate', c),
  [PATHS.peopleSync]: (d, c) => {
    if (isMissing(d.device_nos) && isMissing(d.deptno)) throw new K30ValidationError('device_nos', 'or deptno is required', c);
  },
  [PATHS.recordList]: (d, c) => {
    ordered(d, 'startdate', 'effdate', c, true);
    if (String(d.startdate).slice(0, 7) !== String(d.effdate).slice(0, 7)) throw new K30ValidationError('effdate', 'must be in the same month as startdate', c);
  },
  [PATHS.visitorCreate]: (d, c) => ordered(d, 'begintime', 'endtime', c),
  [PATHS.regionPeople]: (d, c) => ordered(d, 'startdate', 'effdate', c, true),
};

/** CALL_RULES[path] as a list, made once per path (every call walks it). */
const ruleLists = new Map<K30Path, [string, FieldRule][]>();
function ruleList(path: K30Path): [string, FieldRule][] {
  let list = ruleLists.get(path);
  if (!list) ruleLists.set(path, (list = Object.entries(CALL_RULES[path])));
  return list;
}

/** Checks a call's request data against the vendor's table; throws K30ValidationError on the first problem. */
export function validateRequest(path: K30Path, data: Data): void {
  for (const [field, rule] of ruleList(path)) checkField(field, rule, data[field], path);
  CROSS_CHECKS[path]?.(data, path);
}
