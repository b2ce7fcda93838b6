import type { Department, Device, PassRecord, Page, Person, Region, RegionPerson, Sex } from './types';

/**
 * Vendor answers → clean types. The K30 server is inconsistent: field names change case between
 * calls (`jobNumber` / `jobnumber`, `deptNo` / `deptno`), numbers arrive as strings, sex comes as
 * 男/女/未知 in one list and 0/1/2 in another, `appid` stands for `companyno` and `peoplno` for
 * `peopleno`. Everything here is total: missing strings become '', missing numbers 0.
 */

type Row = Record<string, unknown>;

/** Field aliases, by lower-cased vendor name → lower-cased canonical name. */
const ALIASES: Record<string, string | undefined> = Object.assign(Object.create(null) as Record<string, string | undefined>, {
  appid: 'companyno',
  peoplno: 'peopleno',
});

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The row with lower-cased keys and aliases folded in (an explicit canonical field wins over its
 * alias). One pass over the keys; the aliases, which few answers carry, get a second.
 */
export function foldRow(value: unknown): Row {
  const out: Row = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  const row = value as Row;
  const keys = Object.keys(row);
  let aliased = false;
  for (let i = 0; i < keys.length; i++) {
    const lower = keys[i].toLowerCase();
    if (ALIASES[lower] !== undefined) aliased = true;
    else if (isBlank(out[lower])) out[lower] = row[keys[i]];
  }
  if (!aliased) return out;
  for (let i = 0; i < keys.length; i++) {
    const canonical = ALIASES[keys[i].toLowerCase()];
    if (canonical !== undefined && isBlank(out[canonical])) out[canonical] = row[keys[i]];
  }
  return out;
}

export function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/** A number from a number or a numeric string; `fallback` otherwise. */
export function num(value: unknown, fallback = 0): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : fallback;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : fallback;
  }
  return fallback;
}

/** 1 / "1" / true / "true" → true; anything else false. */
export function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '1' || value.trim().toLowerCase() === 'true';
  return value === 1;
}

function bit(value: unknown): 0 | 1 {
  return flag(value) ? 1 : 0;
}

/** 男/女/未知, 0/1/2 (number or string) or already male/female/unknown. */
export function parseSex(value: unknown): Sex {
  const text = str(value).trim().toLowerCase();
  switch (text) {
    case '男':
    case '1':
    case 'male':
    case 'm':
      return 'male';
    case '女':
    case '2':
    case 'female':
    case 'f':
      return 'female';
    default:
      return 'unknown';
  }
}

/** Sex → the vendor's request value ("0" unknown, "1" male, "2" female). */
export function sexCode(sex: Sex): string {
  return sex === 'male' ? '1' : sex === 'female' ? '2' : '0';
}

function maybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    return JSON.parse(t);
  } catch {
    return value;
  }
}

/**
 * A list answer `{ total, totalPage, data: [...] }` → Page. Also tolerated: rows under `rows` or
 * `list`, rows as a JSON string, the answer being the bare row array, or no answer (empty page).
 */
export function normalisePage<T>(data: unknown, row: (value: unknown) => T): Page<T> {
  const answer = maybeJson(data);
  if (Array.isArray(answer)) return { total: answer.length, totalPage: answer.length > 0 ? 1 : 0, rows: answer.filter(isObject).map(row) };
  const folded = foldRow(answer);
  const rawRows = maybeJson(folded.data ?? folded.rows ?? folded.list);
  const rows = Array.isArray(rawRows) ? rawRows.filter(isObject).map(row) : [];
  const total = num(folded.total, rows.length);
  return { total, totalPage: num(folded.totalpage, rows.length > 0 ? 1 : 0), rows };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function normalisePerson(value: unknown): Person {
  const r = foldRow(value);
  return {
    no: str(r.no),
    jobnumber: str(r.jobnumber),
    name: str(r.name),
    sex: parseSex(r.sex),
    phone: str(r.phone),
    idcard: str(r.idcard),
    iccard: str(r.iccard),
    type: str(r.type),
    photoUrl: str(r.photo),
    idcardPhotoUrl: str(r.idcardphoto),
    remark: str(r.remark),
    startdate: str(r.startdate),
    effdate: str(r.effdate),
    native: str(r.native),
    nation: str(r.nation),
    residence: str(r.residence),
    deptno: str(r.deptno),
    deptname: str(r.deptname),
  };
}

export function normaliseDepartment(value: unknown): Department {
  const r = foldRow(value);
  return {
    no: str(r.no),
    name: str(r.name),
    linkername: str(r.linkername),
    linkerphone: str(r.linkerphone),
    parentno: str(r.parentno),
    remark: str(r.remark),
    companyno: str(r.companyno),
  };
}

export function normaliseDevice(value: unknown): Device {
  const r = foldRow(value);
  return {
    no: str(r.no ?? r.deviceno),
    name: str(r.name ?? r.devicename),
    ip: str(r.ip),
    area: str(r.area),
    regionname: str(r.regionname),
    outintype: bit(r.outintype),
    isenableattend: bit(r.isenableattend),
    online: flag(r.onlinestatus ?? r.online),
  };
}

export function normalisePassRecord(value: unknown): PassRecord {
  const r = foldRow(value);
  return {
    no: str(r.no),
    deviceno: str(r.deviceno),
    peopleno: str(r.peopleno),
    peoplename: str(r.peoplename),
    jobnumber: str(r.jobnumber),
    photoUrl: str(r.photo),
    iccard: str(r.iccard),
    group: num(r.group),
    mode: num(r.mode),
    addtime: str(r.addtime),
    direction: flag(r.outintype) ? 'in' : 'out',
    normal: flag(r.exceptionmode),
  };
}

export function normaliseRegion(value: unknown): Region {
  const r = foldRow(value);
  return {
    no: str(r.no),
    name: str(r.name),
    companyno: str(r.companyno),
    parentno: str(r.parentno),
    isdefault: flag(r.isdefault),
    linkage: flag(r.linkage),
    manual: flag(r.manual),
  };
}

export function normaliseRegionPerson(value: unknown): RegionPerson {
  const r = foldRow(value);
  return {
    no: str(r.no),
    name: str(r.name),
    jobnumber: str(r.jobnumber),
    deptno: str(r.deptno),
    deptname: str(r.deptname),
    rolename: str(r.rolename),
    phone: str(r.phone),
    idcard: str(r.idcard),
    iccard: str(r.iccard),
    sex: parseSex(r.sex),
    photoUrl: str(r.photo),
    deviceno: str(r.deviceno),
    entertime: str(r.entertime),
  };
}

/**
 * The one device of a GetDeviceStatus answer: an object (the vendor's example), a one-row list
 * or a page; undefined when there is none.
 */
export function singleRow(data: unknown): unknown {
  const answer = maybeJson(data);
  if (Array.isArray(answer)) return answer.find(isObject);
  if (!isObject(answer)) return undefined;
  const folded = foldRow(answer);
  const inner = maybeJson(folded.data);
  if (Array.isArray(inner)) return inner.find(isObject);
  if (isObject(inner)) return inner;
  return answer;
}

/** The new record's number from a Create answer: `{ no }`, a bare number or string; '' when absent. */
export function createdNo(data: unknown): string {
  const answer = maybeJson(data);
  if (typeof answer === 'string' || typeof answer === 'number') return str(answer).trim();
  if (!isObject(answer)) return '';
  const folded = foldRow(answer);
  const inner = folded.no ?? (isObject(folded.data) ? foldRow(folded.data).no : folded.data);
  return typeof inner === 'string' || typeof inner === 'number' ? str(inner).trim() : '';
}
