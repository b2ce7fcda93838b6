import type { K30Credentials } from '../protocol/credentials';
import type { RateLimiter } from './rate-limiter';
import type { K30Transport } from './transport';

/**
 * Typed requests and normalised answers of the K30 client. Answers are cleaned of the vendor's
 * quirks (see normalise.ts): numbers are numbers, flags are booleans, missing strings are ''.
 */

/** 'data-url' = `data:image/jpeg;base64,` prefix (the vendor's table); 'bare' = Base64 only. */
export type PhotoEncoding = 'data-url' | 'bare';

/** What to do when an answer's signature does not match: ignore / log a warning / throw K30ProtocolError('bad-signature'). */
export type ResponseSignPolicy = 'off' | 'warn' | 'strict';

export interface K30Logger {
  warn(msg: string): void;
  info?(msg: string): void;
}

export interface RetryOptions {
  /** Total attempts, the first included. Default 3. */
  attempts?: number;
  /** Base of the exponential backoff in ms. Default 200. */
  baseMs?: number;
  /** Cap of one backoff sleep in ms. Default 5000. */
  capMs?: number;
}

export interface K30ClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:8030`; `/openapi/<Group>/<Action>` is appended. */
  server: string;
  credentials: K30Credentials;
  /** Default 'data-url'. */
  photoEncoding?: PhotoEncoding;
  /**
   * Default 'strict': an answer that does not verify (or is stale) is an error, so a state change
   * is never taken as done on an answer anyone could have written. 'warn' only logs it.
   */
  responseSignPolicy?: ResponseSignPolicy;
  /** An answer whose timestamp is further than this from `now` is stale (a replay). Default 10 min. */
  answerFreshnessMs?: number;
  /** The clock answers' timestamps are compared with. */
  now?: () => Date;
  /** Per call (per attempt), default 10 000 ms. */
  timeoutMs?: number;
  /** Answers larger than this are refused unread (K30ProtocolError 'too-large'); default 8 MB. */
  maxAnswerBytes?: number;
  retries?: RetryOptions;
  /** Default: the process-wide limiter of this server's list calls (listLimiterFor). */
  limiter?: RateLimiter;
  /** Never given credentials or photo data. */
  logger?: K30Logger;
  /**
   * What carries each POST. Default: an HttpTransport (node:http/https) with `timeoutMs` and
   * `maxAnswerBytes`; a given one brings its own (tests wrap a real HttpTransport to record or
   * delay calls).
   */
  transport?: K30Transport;
}

export interface Page<T> {
  total: number;
  totalPage: number;
  rows: T[];
}

export type Sex = 'unknown' | 'male' | 'female';

/** A date field: a Date is formatted in local time (`yyyy-MM-dd HH:mm:ss`, or `yyyy-MM-dd` where the call takes dates only). */
export type K30DateInput = Date | string;

export interface PageQuery {
  /** From 1. */
  pageindex: number;
  /** 1..1000. */
  pagesize: number;
}

// ---------------------------------------------------------------------------------------------
// People

export interface PersonInput {
  name: string;
  deptno: string;
  jobnumber: string;
  phone?: string;
  sex?: Sex;
  idcard?: string;
  iccard?: string;
  /** Validity start; the server defaults to now. */
  startdate?: K30DateInput;
  /** Validity end; the server defaults to +50 years. */
  effdate?: K30DateInput;
  /** Bare Base64 of the JPEG bytes (a `data:` prefix is accepted); the vendor's table takes no URL here. */
  photo?: string;
  idcardphoto?: string;
  /** Door password: up to 6 digits. */
  pwd?: string;
  carno?: string;
  entrydate?: K30DateInput;
  nation?: string;
  native?: string;
  residence?: string;
}

export interface Person {
  no: string;
  jobnumber: string;
  name: string;
  sex: Sex;
  phone: string;
  idcard: string;
  iccard: string;
  /** List type, e.g. 白名单. */
  type: string;
  photoUrl: string;
  idcardPhotoUrl: string;
  remark: string;
  startdate: string;
  effdate: string;
  native: string;
  nation: string;
  residence: string;
  deptno: string;
  deptname: string;
}

export interface PeopleQuery extends PageQuery {
  deptno?: string;
  no?: string;
  /** Fuzzy. */
  name?: string;
  phone?: string;
  idcard?: string;
  iccard?: string;
}

export interface SyncPersonRequest {
  no: string;
  /** Wins over deptno when given. */
  deviceNos?: string[];
  deptno?: string;
}

// ---------------------------------------------------------------------------------------------
// Departments

export interface DepartmentInput {
  name: string;
  linkername?: string;
  linkerphone?: string;
  parentno?: string;
  remark?: string;
}

export interface Department {
  no: string;
  name: string;
  linkername: string;
  linkerphone: string;
  parentno: string;
  remark: string;
  companyno: string;
}

export interface DepartmentQuery extends PageQuery {
  no?: string;
  name?: string;
}

// ---------------------------------------------------------------------------------------------
// Pass records

export type RecordGroup = 0 | 1 | 10;

export interface PassRecordQuery extends PageQuery {
  /** `yyyy-MM-dd`; same month as effdate. */
  startdate: K30DateInput;
  effdate: K30DateInput;
  deptno?: string;
  peopleno?: string;
  peoplename?: string;
  deviceno?: string;
  /** 0 whitelist, 1 stranger, 10 visitor. */
  group?: RecordGroup;
  /** Recognition mode (0 smart, 1 ID+face, 2 card+face, 3 button, 6 visitor QR, 7 password, 11 remote). */
  mode?: number;
}

export interface PassRecord {
  no: string;
  deviceno: string;
  peopleno: string;
  peoplename: string;
  jobnumber: string;
  photoUrl: string;
  iccard: string;
  group: number;
  mode: number;
  addtime: string;
  direction: 'in' | 'out';
  normal: boolean;
}

// ---------------------------------------------------------------------------------------------
// Devices

export interface Device {
  no: string;
  name: string;
  ip: string;
  area: string;
  regionname: string;
  outintype: 0 | 1;
  isenableattend: 0 | 1;
  online: boolean;
}

export interface DeviceQuery extends PageQuery {
  deviceno?: string;
  devicename?: string;
  ip?: string;
}

export interface DeviceUpdate {
  no: string;
  ip: string;
  name: string;
  area?: string;
  regionname?: string;
  outintype?: 0 | 1;
  isenableattend?: 0 | 1;
}

export type DoorMode = 'always-open' | 'always-closed';

// ---------------------------------------------------------------------------------------------
// Visitors

export interface VisitorInput {
  name: string;
  phone: string;
  /** Bare Base64 of the JPEG bytes (a `data:` prefix is accepted) or an http(s) URL; the client applies photoEncoding. */
  photo?: string;
  /** The host's person number. */
  staffno: string;
  reason?: string;
  begintime: K30DateInput;
  endtime: K30DateInput;
  idcard: string;
  carno?: string;
}

export type CreateVisitorResult = { outcome: 'created'; no: string } | { outcome: 'created-without-no' };

// ---------------------------------------------------------------------------------------------
// Regions

export interface RegionInput {
  name: string;
  parentno?: string;
  /** Fire linkage (sent as "0"/"1"). */
  linkage?: boolean;
  /** Manual alarm reset (sent as "0"/"1"). */
  manual?: boolean;
}

export interface Region {
  no: string;
  name: string;
  companyno: string;
  parentno: string;
  isdefault: boolean;
  linkage: boolean;
  manual: boolean;
}

export interface RegionQuery extends PageQuery {
  no?: string;
  name?: string;
  parentno?: string;
}

export interface RegionPeopleQuery extends PageQuery {
  /** The region number. */
  no: string;
  name?: string;
  phone?: string;
  idcard?: string;
  iccard?: string;
  /** `yyyy-MM-dd HH:mm:ss`. */
  startdate?: K30DateInput;
  effdate?: K30DateInput;
}

export interface RegionPerson {
  no: string;
  name: string;
  jobnumber: string;
  deptno: string;
  deptname: string;
  rolename: string;
  phone: string;
  idcard: string;
  iccard: string;
  sex: Sex;
  photoUrl: string;
  deviceno: string;
  entertime: string;
}
