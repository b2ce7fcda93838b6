import { DATE_PATTERN, DATE_TIME_PATTERN, parseK30DateTime } from '../protocol/timestamp';
import { decodePhoto, isHttpUrl } from './photos';
import { fieldRefusal } from './sim-error';

/**
 * What each call accepts, from the vendor's request tables (k30-openapi-source.txt): length, whether
 * required, and the kind of value. This table is the only place the vendor's lengths live.
 */
export type FieldKind =
  | 'string'
  /** Number or numeric string, optionally within min..max. */
  | 'int'
  /** `yyyy-MM-dd HH:mm:ss` */
  | 'datetime'
  /** `yyyy-MM-dd` */
  | 'date'
  /** Digits only (pwd). */
  | 'digits'
  /** Base64 image, with or without a `data:image/...;base64,` prefix. */
  | 'photo'
  /** As photo, or an http(s) URL the device can fetch (visitor/Create). */
  | 'photo-or-url';

export interface FieldSpec {
  kind?: FieldKind;
  required?: boolean;
  /** Maximum length in characters; absent = the vendor's "max". */
  len?: number;
  /** Allowed values (compared as strings). */
  values?: readonly string[];
  min?: number;
  max?: number;
}

const req = (len: number, kind: FieldKind = 'string'): FieldSpec => ({ len, kind, required: true });
const opt = (len: number, kind: FieldKind = 'string'): FieldSpec => ({ len, kind });
const oneOf = (len: number, values: readonly string[], required = false): FieldSpec => ({ len, values, required });
const PAGING = {
  pageindex: { kind: 'int', required: true, min: 1 },
  pagesize: { kind: 'int', required: true, min: 1, max: 1000 },
} satisfies Record<string, FieldSpec>;

const PERSON_OPTIONAL: Record<string, FieldSpec> = {
  phone: opt(50),
  sex: oneOf(10, ['0', '1', '2']),
  idcard: opt(50),
  iccard: opt(50),
  startdate: opt(50, 'datetime'),
  effdate: opt(50, 'datetime'),
  photo: { kind: 'photo' },
  idcardphoto: { kind: 'photo' },
  pwd: opt(6, 'digits'),
  carno: opt(50),
  entrydate: opt(50, 'datetime'),
  nation: opt(50),
  native: opt(50),
  residence: opt(50),
};
const DEPARTMENT_OPTIONAL: Record<string, FieldSpec> = { linkername: opt(50), linkerphone: opt(50), parentno: opt(50), remark: opt(100) };
const REGION_OPTIONAL: Record<string, FieldSpec> = { parentno: opt(50), linkage: oneOf(10, ['0', '1']), manual: oneOf(10, ['0', '1']) };
const REPORT: Record<string, FieldSpec> = {
  ...PAGING,
  deptno: opt(32),
  no: opt(32),
  name: opt(32),
  jobnumber: opt(32),
  startdate: req(11, 'date'),
  effdate: req(11, 'date'),
};

export const FIELD_SPECS: Record<string, Record<string, FieldSpec>> = {
  'people/Create': { name: req(50), deptno: req(50), jobnumber: req(50), ...PERSON_OPTIONAL },
  'people/Update': { no: req(50), name: req(50), deptno: req(50), jobnumber: req(50), ...PERSON_OPTIONAL },
  'people/Delete': { no: req(50) },
  'people/getlist': { ...PAGING, deptno: opt(32), no: opt(32), name: opt(32), phone: opt(32), idcard: opt(32), iccard: opt(32) },
  'people/syncwhitelist': { no: req(50), device_nos: opt(512), deptno: opt(100) },
  'department/Create': { name: req(50), ...DEPARTMENT_OPTIONAL },
  'department/Update': { no: req(50), name: req(50), ...DEPARTMENT_OPTIONAL },
  'department/Delete': { no: req(50) },
  'department/getlist': { ...PAGING, no: opt(32), name: opt(32) },
  'attendance/attcalculate': { staffnos: opt(2560), deptnos: opt(2560), startdate: req(11, 'date'), effdate: req(11, 'date') },
  'attendance/getdayrptlist': REPORT,
  'attendance/getmonthrptlist': REPORT,
  'attendance/getabnormalrptlist': REPORT,
  'record/getlist': {
    ...PAGING,
    startdate: req(32, 'date'),
    effdate: req(32, 'date'),
    deptno: opt(32),
    peopleno: opt(32),
    peoplename: opt(32),
    deviceno: opt(32),
    group: { kind: 'int', values: ['0', '1', '10'] },
    mode: { kind: 'int', min: -8, max: 11 },
  },
  'Device/GetList': { ...PAGING, deviceno: opt(32), devicename: opt(32), ip: opt(32) },
  'Device/GetDeviceStatus': { deviceno: req(32) },
  'Device/Update': {
    no: req(50),
    ip: req(50),
    name: req(50),
    area: opt(100),
    regionname: opt(100),
    outintype: { kind: 'int', values: ['0', '1'] },
    isenableattend: { kind: 'int', values: ['0', '1'] },
  },
  'Device/OpenDoor': { deviceno: req(32) },
  'Device/SetLongOpenByDevice': { deviceno: req(32), mode: { kind: 'int', required: true, values: ['1', '2'] } },
  'visitor/Create': {
    name: req(50),
    phone: req(50),
    photo: { kind: 'photo-or-url' },
    staffno: req(50),
    reason: opt(50),
    begintime: req(50, 'datetime'),
    endtime: req(50, 'datetime'),
    idcard: req(50),
    carno: opt(50),
  },
  'visitor/SyncVisitor': { no: req(50), devicenos: { required: true } },
  'visitor/Delete': { no: req(50) },
  'region/Create': { name: req(50), ...REGION_OPTIONAL },
  'region/Update': { no: req(50), name: req(50), ...REGION_OPTIONAL },
  'region/Delete': { no: req(50) },
  'region/getlist': { ...PAGING, no: opt(32), name: opt(32), parentno: opt(32) },
  'region/getpeoplelist': {
    ...PAGING,
    no: req(32),
    name: opt(32),
    phone: opt(32),
    idcard: opt(32),
    iccard: opt(32),
    startdate: opt(32, 'datetime'),
    effdate: opt(32, 'datetime'),
  },
};

/** A call's parameters after checking: strings, ints and decoded photos, each by field name. */
export class Params {
  constructor(
    private readonly strings: Map<string, string>,
    private readonly ints: Map<string, number>,
    private readonly photos: Map<string, Buffer>,
  ) {}
  /** The field's text; '' when absent. */
  s(name: string): string {
    return this.strings.get(name) ?? '';
  }
  has(name: string): boolean {
    return this.strings.has(name);
  }
  /** An int field; undefined when absent. */
  n(name: string): number | undefined {
    return this.ints.get(name);
  }
  /** Decoded bytes of a Base64 photo field; undefined when absent or given as a URL. */
  photo(name: string): Buffer | undefined {
    return this.photos.get(name);
  }
  /** A comma list (`device_nos`, `staffnos`...), trimmed, empties dropped. */
  list(name: string): string[] {
    return this.s(name)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}

/** Checks `data` against the call's table; the first problem is refused with a msg naming the field. */
export function validateParams(call: string, data: Record<string, unknown>): Params {
  const specs = FIELD_SPECS[call] ?? {};
  const strings = new Map<string, string>();
  const ints = new Map<string, number>();
  const photos = new Map<string, Buffer>();
  for (const [field, spec] of Object.entries(specs)) {
    const raw = data[field];
    if (raw === undefined || raw === null || raw === '') {
      if (spec.required) throw fieldRefusal(field, '不能为空', `${field} is required`);
      continue;
    }
    if (typeof raw === 'object') throw fieldRefusal(field, '格式错误', `${field} must be a ${spec.kind === 'int' ? 'number' : 'string'}`);
    const text = String(raw);
    if (spec.required && text.trim() === '') throw fieldRefusal(field, '不能为空', `${field} is required`);
    if (spec.len !== undefined && text.length > spec.len)
      throw fieldRefusal(field, `长度不能超过${spec.len}`, `${field} is longer than ${spec.len} characters`);
    if (spec.values && !spec.values.includes(text)) throw fieldRefusal(field, '取值无效', `${field} must be one of ${spec.values.join(', ')}`);
    switch (spec.kind ?? 'string') {
      case 'int':
        ints.set(field, checkInt(field, raw, spec));
        break;
      case 'datetime':
        if (!DATE_TIME_PATTERN.test(text) || !parseK30DateTime(text)) throw fieldRefusal(field, '时间格式错误', `${field} must be yyyy-MM-dd HH:mm:ss`);
        break;
      case 'date':
        if (!DATE_PATTERN.test(text) || !parseK30DateTime(text)) throw fieldRefusal(field, '日期格式错误', `${field} must be yyyy-MM-dd`);
        break;
      case 'digits':
        if (!/^\d+$/.test(text)) throw fieldRefusal(field, '必须是纯数字', `${field} must be digits only`);
        break;
      case 'photo':
        photos.set(field, decodePhoto(field, text));
        break;
      case 'photo-or-url':
        if (!isHttpUrl(text)) photos.set(field, decodePhoto(field, text));
        break;
      case 'string':
        break;
    }
    strings.set(field, text);
  }
  return new Params(strings, ints, photos);
}

function checkInt(field: string, raw: unknown, spec: FieldSpec): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value)) throw fieldRefusal(field, '必须是整数', `${field} must be an integer`);
  const { min, max } = spec;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = max === undefined ? `>= ${min}` : min === undefined ? `<= ${max}` : `${min}..${max}`;
    throw fieldRefusal(field, '超出范围', `${field} must be ${range}`);
  }
  return value;
}

/** Refuses unless `later` is strictly after `earlier` (both already format-checked). */
export function requireAfter(laterField: string, later: string, earlierField: string, earlier: string, orEqual = false): void {
  const a = parseK30DateTime(later)!.getTime();
  const b = parseK30DateTime(earlier)!.getTime();
  if (a < b || (!orEqual && a === b)) throw fieldRefusal(laterField, `必须晚于${earlierField}`, `${laterField} must be after ${earlierField}`);
}
