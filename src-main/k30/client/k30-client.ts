import { K30CreatedWithoutNumberError, K30Error, K30ProtocolError, K30ServerError, K30ValidationError } from './errors';
import { resolveCredentials, type ResolvedCredentials } from '../protocol/credentials';
import { describeError } from '../protocol/describe-error';
import { openMessage, sealRequest } from '../protocol/envelope';
import { checkAnswerTrust, DEFAULT_ANSWER_FRESHNESS_MS, type AnswerTrust } from './answer-trust';
import {
  createdNo,
  normaliseDepartment,
  normaliseDevice,
  normalisePage,
  normalisePassRecord,
  normalisePerson,
  normaliseRegion,
  normaliseRegionPerson,
  sexCode,
  singleRow,
} from './normalise';
import { isReadPath, isRateLimitedPath, normalisePath, PATHS, type K30Path } from './paths';
import { encodePhoto } from './photo';
import { compact, dateOnly, dateTime, flag01, type Data } from './request-data';
import { listLimiterFor, type CallPriority, type RateLimiter } from './rate-limiter';
import { retryPolicy, withRetry, type RetryHooks, type RetryPolicy } from './retry';
import { HttpTransport, type K30Transport } from './transport';
import type {
  CreateVisitorResult,
  Department,
  DepartmentInput,
  DepartmentQuery,
  Device,
  DeviceQuery,
  DeviceUpdate,
  DoorMode,
  K30ClientOptions,
  K30Logger,
  Page,
  PassRecord,
  PassRecordQuery,
  PeopleQuery,
  Person,
  PersonInput,
  PhotoEncoding,
  Region,
  RegionInput,
  RegionPeopleQuery,
  RegionPerson,
  RegionQuery,
  ResponseSignPolicy,
  SyncPersonRequest,
  VisitorInput,
} from './types';
import { checkDeviceNos, validateRequest } from './validate';

export const DEFAULT_TIMEOUT_MS = 10_000;
const silentLogger: K30Logger = { warn: () => undefined };

/** `http://host:8030/`, `host:8030`, `http://host:8030/openapi` → `http://host:8030`. */
export function normaliseServer(server: string): string {
  const raw = (server ?? '').trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new K30ValidationError('server', 'is not a valid http(s) URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') throw new K30ValidationError('server', 'is not a valid http(s) URL');
  const path = url.pathname.replace(/\/+$/, '').replace(/\/openapi$/i, '');
  return `${url.protocol}//${url.host}${path}`;
}

export class K30Client {
  readonly server: string;
  readonly photoEncoding: PhotoEncoding;
  readonly responseSignPolicy: ResponseSignPolicy;
  readonly timeoutMs: number;
  private readonly trust: AnswerTrust;
  private readonly credentials: ResolvedCredentials;
  private readonly retry: RetryPolicy;
  private readonly limiter: RateLimiter;
  private readonly logger: K30Logger;
  private readonly transport: K30Transport;
  /** One object for every call (only transport errors, which name their call, are retried). */
  private readonly retryHooks: RetryHooks = {
    onRetry: (error, retry, delay) =>
      this.logger.warn(
        `K30 ${error instanceof K30Error ? error.message : 'call failed'}; retry ${retry + 1} of ${this.retry.attempts - 1} in ${Math.round(delay)} ms`,
      ),
  };

  constructor(options: K30ClientOptions) {
    this.server = normaliseServer(options.server);
    if (!options.credentials?.companyno) throw new K30ValidationError('companyno', 'is required');
    this.credentials = resolveCredentials(options.credentials);
    this.photoEncoding = options.photoEncoding ?? 'data-url';
    this.responseSignPolicy = options.responseSignPolicy ?? 'strict';
    this.trust = {
      policy: this.responseSignPolicy,
      freshnessMs: options.answerFreshnessMs !== undefined && options.answerFreshnessMs > 0 ? options.answerFreshnessMs : DEFAULT_ANSWER_FRESHNESS_MS,
      now: options.now ?? (() => new Date()),
      logger: options.logger ?? silentLogger,
    };
    this.timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.retry = retryPolicy(options.retries);
    this.limiter = options.limiter ?? listLimiterFor(this.server);
    this.logger = options.logger ?? silentLogger;
    this.transport = options.transport ?? new HttpTransport({ timeoutMs: this.timeoutMs, maxAnswerBytes: options.maxAnswerBytes });
  }

  // -------------------------------------------------------------------------------------------
  // The exchange
  /**
   * Any call, as given: no field checks, no normalising. Returns the decoded answer data (null
   * when the answer has none). `readOnly` defaults to whether the action starts with `get`.
   */
  async call(path: string, data: Record<string, unknown>, opts: { readOnly?: boolean } = {}): Promise<unknown> {
    const clean = normalisePath(path);
    const answer = await this.exchange(clean, data ?? {}, opts.readOnly ?? isReadPath(clean));
    return answer === undefined ? null : answer;
  }

  /** Validates, then sends with retries. */
  private async send(path: K30Path, data: Data, priority?: CallPriority): Promise<unknown> {
    const body = compact(data);
    validateRequest(path, body);
    return this.exchange(path, body, isReadPath(path), priority);
  }

  private exchange(path: string, data: Data, readOnly: boolean, priority: CallPriority = 'interactive'): Promise<unknown> {
    const limited = isRateLimitedPath(path);
    const attempt = () => (limited ? this.limiter.schedule(() => this.once(path, data), priority) : this.once(path, data));
    return withRetry(attempt, readOnly, this.retry, this.retryHooks);
  }

  /** One attempt: seal, POST, open, check. */
  private async once(path: string, data: Data): Promise<unknown> {
    const envelope = sealRequest(this.credentials, data);
    const { text } = await this.transport.post(`${this.server}/openapi/${path}`, JSON.stringify(envelope), path);

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new K30ProtocolError(`${path}: the answer is not JSON`, 'not-json', path);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new K30ProtocolError(`${path}: the answer is not a JSON object`, 'bad-envelope', path);
    const resultcode = String((body as Data).resultcode ?? '').trim();
    const msg = typeof (body as Data).msg === 'string' ? ((body as Data).msg as string) : '';
    if (resultcode !== '1' && resultcode !== '0') throw new K30ProtocolError(`${path}: the answer has no resultcode`, 'bad-envelope', path);

    let opened;
    try {
      opened = openMessage(body, this.credentials, 'answer');
    } catch (error) {
      // A refusal whose data cannot be read is still a refusal: the server's msg says why.
      if (resultcode === '0') throw new K30ServerError(msg, path);
      if (error instanceof K30ProtocolError) throw new K30ProtocolError(`${path}: ${error.message}`, error.failure, path);
      throw new K30ProtocolError(`${path}: ${describeError(error)}`, 'bad-envelope', path);
    }

    checkAnswerTrust(path, { signatureValid: opened.signatureValid, timestamp: (body as Data).timestamp }, this.trust);
    if (resultcode === '0') throw new K30ServerError(msg, path);
    return opened.data;
  }

  private photo(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === '' ? undefined : encodePhoto(value, this.photoEncoding);
  }

  private async createNo(path: K30Path, data: Data): Promise<string> {
    const no = createdNo(await this.send(path, data));
    if (!no) throw new K30CreatedWithoutNumberError('the answer carried no number', path);
    return no;
  }

  // -------------------------------------------------------------------------------------------
  // People

  private personData(p: PersonInput): Data {
    return {
      name: p.name,
      deptno: p.deptno,
      jobnumber: p.jobnumber,
      phone: p.phone,
      sex: p.sex === undefined ? undefined : sexCode(p.sex),
      idcard: p.idcard,
      iccard: p.iccard,
      startdate: dateTime(p.startdate),
      effdate: dateTime(p.effdate),
      photo: this.photo(p.photo),
      idcardphoto: this.photo(p.idcardphoto),
      pwd: p.pwd,
      carno: p.carno,
      entrydate: dateTime(p.entrydate),
      nation: p.nation,
      native: p.native,
      residence: p.residence,
    };
  }

  /**
   * Creates a person. When the answer carries no `no`, the person is looked up by job number
   * (people/getlist has no job-number filter: it filters by name, then matches the job number
   * across pages) and `foundBy: 'jobnumber'` is returned. If that fails too, throws
   * K30CreatedWithoutNumberError: the person exists, do not create again.
   */
  async createPerson(p: PersonInput): Promise<{ no: string; foundBy?: 'jobnumber' }> {
    const answer = await this.send(PATHS.peopleCreate, this.personData(p));
    const no = createdNo(answer);
    if (no) return { no };
    let found: string | undefined;
    try {
      found = await this.findPersonByJobnumber(p.name, p.jobnumber);
    } catch (error) {
      throw new K30CreatedWithoutNumberError(`the answer carried no number and the look-up failed: ${describeError(error)}`, PATHS.peopleCreate);
    }
    if (!found) throw new K30CreatedWithoutNumberError(`the answer carried no number and no person with this job number was found`, PATHS.peopleCreate);
    return { no: found, foundBy: 'jobnumber' };
  }

  /** Pages through people/getlist filtered by name (cut to the filter's 32 characters) for an exact job number. */
  private async findPersonByJobnumber(name: string, jobnumber: string, maxPages = 50): Promise<string | undefined> {
    const filter = [...name.trim()].slice(0, 32).join('');
    for (let pageindex = 1; pageindex <= maxPages; pageindex++) {
      const page = await this.listPeople({ pageindex, pagesize: 100, name: filter });
      const hit = page.rows.find((person) => person.jobnumber === jobnumber && person.no !== '');
      if (hit) return hit.no;
      if (page.rows.length === 0 || pageindex >= page.totalPage) return undefined;
    }
    return undefined;
  }

  async updatePerson(p: PersonInput & { no: string }): Promise<void> {
    await this.send(PATHS.peopleUpdate, { no: p.no, ...this.personData(p) });
  }

  async deletePerson(no: string): Promise<void> {
    await this.send(PATHS.peopleDelete, { no });
  }

  async listPeople(q: PeopleQuery): Promise<Page<Person>> {
    const { pageindex, pagesize, deptno, no, name, phone, idcard, iccard } = q;
    return normalisePage(await this.send(PATHS.peopleList, { pageindex, pagesize, deptno, no, name, phone, idcard, iccard }), normalisePerson);
  }

  /** Pushes a person to the given devices, or to the devices bound to `deptno` (deviceNos wins). */
  async syncPersonToDevices(q: SyncPersonRequest): Promise<void> {
    const devices = checkDeviceNos('deviceNos', q.deviceNos, PATHS.peopleSync, { maxJoined: 512 });
    await this.send(PATHS.peopleSync, {
      no: q.no,
      device_nos: devices.length > 0 ? devices.join(',') : undefined,
      deptno: devices.length > 0 ? undefined : q.deptno,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Departments

  private departmentData(d: DepartmentInput): Data {
    return { name: d.name, linkername: d.linkername, linkerphone: d.linkerphone, parentno: d.parentno, remark: d.remark };
  }

  async createDepartment(d: DepartmentInput): Promise<{ no: string }> {
    return { no: await this.createNo(PATHS.departmentCreate, this.departmentData(d)) };
  }

  async updateDepartment(d: DepartmentInput & { no: string }): Promise<void> {
    await this.send(PATHS.departmentUpdate, { no: d.no, ...this.departmentData(d) });
  }

  async deleteDepartment(no: string): Promise<void> {
    await this.send(PATHS.departmentDelete, { no });
  }

  async listDepartments(q: DepartmentQuery): Promise<Page<Department>> {
    const { pageindex, pagesize, no, name } = q;
    return normalisePage(await this.send(PATHS.departmentList, { pageindex, pagesize, no, name }), normaliseDepartment);
  }

  // -------------------------------------------------------------------------------------------
  // Pass records

  async listPassRecords(q: PassRecordQuery): Promise<Page<PassRecord>> {
    const { pageindex, pagesize, deptno, peopleno, peoplename, deviceno, group, mode } = q;
    const data = { pageindex, pagesize, startdate: dateOnly(q.startdate), effdate: dateOnly(q.effdate), deptno, peopleno, peoplename, deviceno, group, mode };
    return normalisePage(await this.send(PATHS.recordList, data), normalisePassRecord);
  }

  // -------------------------------------------------------------------------------------------
  // Devices

  async listDevices(q: DeviceQuery): Promise<Page<Device>> {
    const { pageindex, pagesize, deviceno, devicename, ip } = q;
    return normalisePage(await this.send(PATHS.deviceList, { pageindex, pagesize, deviceno, devicename, ip }), normaliseDevice);
  }

  async getDeviceStatus(deviceno: string): Promise<Device> {
    const row = singleRow(await this.send(PATHS.deviceStatus, { deviceno }));
    if (row === undefined) throw new K30ProtocolError(`${PATHS.deviceStatus}: the answer holds no device`, 'bad-envelope', PATHS.deviceStatus);
    return normaliseDevice(row);
  }

  async updateDevice(d: DeviceUpdate): Promise<void> {
    const { no, ip, name, area, regionname, outintype, isenableattend } = d;
    await this.send(PATHS.deviceUpdate, { no, ip, name, area, regionname, outintype, isenableattend });
  }

  async openDoor(deviceno: string): Promise<void> {
    await this.send(PATHS.deviceOpenDoor, { deviceno });
  }

  /** Holds the door open (vendor mode 1) or closed (mode 2). */
  async setDoorMode(deviceno: string, mode: DoorMode): Promise<void> {
    const code = mode === 'always-open' ? 1 : mode === 'always-closed' ? 2 : undefined;
    if (code === undefined) throw new K30ValidationError('mode', 'must be always-open or always-closed', PATHS.deviceDoorMode);
    await this.send(PATHS.deviceDoorMode, { deviceno, mode: code });
  }

  // -------------------------------------------------------------------------------------------
  // Visitors

  /**
   * Registers a visitor. A success answer without a number gives `created-without-no`: K30 has
   * no visitor list to find it in, so the caller must treat the visit as registered but unsynced.
   */
  async createVisitor(v: VisitorInput): Promise<CreateVisitorResult> {
    const data = {
      name: v.name,
      phone: v.phone,
      photo: this.photo(v.photo),
      staffno: v.staffno,
      reason: v.reason,
      begintime: dateTime(v.begintime),
      endtime: dateTime(v.endtime),
      idcard: v.idcard,
      carno: v.carno,
    };
    const no = createdNo(await this.send(PATHS.visitorCreate, data));
    return no ? { outcome: 'created', no } : { outcome: 'created-without-no' };
  }

  async syncVisitor(no: string, deviceNos: string[]): Promise<void> {
    const devices = checkDeviceNos('deviceNos', deviceNos, PATHS.visitorSync, { required: true });
    await this.send(PATHS.visitorSync, { no, devicenos: devices.join(',') });
  }

  /** Fails (device offline) when a device it was pushed to is offline: keep it as removal pending. */
  async deleteVisitor(no: string): Promise<void> {
    await this.send(PATHS.visitorDelete, { no });
  }

  // -------------------------------------------------------------------------------------------
  // Regions

  private regionData(r: RegionInput): Data {
    return { name: r.name, parentno: r.parentno, linkage: flag01(r.linkage), manual: flag01(r.manual) };
  }

  async createRegion(r: RegionInput): Promise<{ no: string }> {
    return { no: await this.createNo(PATHS.regionCreate, this.regionData(r)) };
  }

  async updateRegion(r: RegionInput & { no: string }): Promise<void> {
    await this.send(PATHS.regionUpdate, { no: r.no, ...this.regionData(r) });
  }

  async deleteRegion(no: string): Promise<void> {
    await this.send(PATHS.regionDelete, { no });
  }

  /** `priority` 'background' for calls nobody waits for at the screen (they leave the limiter's reserve alone). */
  async listRegions(q: RegionQuery, opts: { priority?: CallPriority } = {}): Promise<Page<Region>> {
    const { pageindex, pagesize, no, name, parentno } = q;
    return normalisePage(await this.send(PATHS.regionList, { pageindex, pagesize, no, name, parentno }, opts.priority), normaliseRegion);
  }

  async listRegionPeople(q: RegionPeopleQuery, opts: { priority?: CallPriority } = {}): Promise<Page<RegionPerson>> {
    const { pageindex, pagesize, no, name, phone, idcard, iccard } = q;
    const data = { pageindex, pagesize, no, name, phone, idcard, iccard, startdate: dateTime(q.startdate), effdate: dateTime(q.effdate) };
    return normalisePage(await this.send(PATHS.regionPeople, data, opts.priority), normaliseRegionPerson);
  }
}
