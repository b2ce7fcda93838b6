/**
 * The simulator's in-memory model of one K30 company. Plain data in insertion-ordered maps, so
 * lists come back in a stable order; handlers mutate it directly (Node runs them one at a time).
 */
export type Sex = 0 | 1 | 2;

export interface Person {
  no: string;
  jobnumber: string;
  name: string;
  deptno: string;
  phone: string;
  sex: Sex;
  idcard: string;
  iccard: string;
  /** `yyyy-MM-dd HH:mm:ss` */
  startdate: string;
  effdate: string;
  entrydate: string;
  pwd: string;
  carno: string;
  nation: string;
  native: string;
  residence: string;
  remark: string;
  rolename: string;
  /** Decoded byte length of the photo; 0 = no photo. Bytes live in SimulatorState.photos. */
  photoBytes: number;
  idcardphotoBytes: number;
  /** Devices the person was pushed to (people/syncwhitelist), in push order. */
  syncedDevices: string[];
}

export interface Department {
  no: string;
  name: string;
  linkername: string;
  linkerphone: string;
  parentno: string;
  remark: string;
  /** Devices bound to the department: people/syncwhitelist with `deptno` pushes to these. */
  deviceNos: string[];
}

export interface Device {
  no: string;
  name: string;
  ip: string;
  area: string;
  /** The region's name (the API links devices to regions by name). */
  regionname: string;
  outintype: 0 | 1;
  isenableattend: 0 | 1;
  online: boolean;
  /** Quirk: this device's `onlinestatus` is answered as a string ("0"/"1"), not a number. */
  statusAsString: boolean;
  /** 0 normal, 1 held open, 2 held closed (Device/SetLongOpenByDevice). */
  longOpenMode: 0 | 1 | 2;
  doorOpenCount: number;
  /**
   * What this terminal accepts of a photo (the vendor documents none; tests set them through the
   * control plane): a push of a photo over `maxBytes` or with a short side under `minShortSide`
   * fails in its `authstatus` callback. Absent: any photo.
   */
  photoLimits?: { maxBytes?: number; minShortSide?: number };
}

export interface Region {
  no: string;
  name: string;
  parentno: string;
  isdefault: 0 | 1;
  linkage: '0' | '1';
  manual: '0' | '1';
}

export interface Visitor {
  no: string;
  name: string;
  phone: string;
  staffno: string;
  reason: string;
  begintime: string;
  endtime: string;
  idcard: string;
  carno: string;
  /** Decoded byte length of a Base64 photo; 0 when none or when a URL was given. */
  photoBytes: number;
  photoUrl: string;
  createdAt: string;
  /** Sync records: devices the visitor was pushed to, in push order, online or not. */
  syncedDevices: string[];
}

export interface PassRecord {
  no: string;
  deviceno: string;
  /** Person no, or visitor no for a visitor (group 10). */
  peopleno: string;
  peoplename: string;
  jobnumber: string;
  iccard: string;
  deptno: string;
  deptname: string;
  /** 0 whitelist, 1 stranger, 10 visitor. */
  group: 0 | 1 | 10;
  /** Recognition mode: 0 smart (face), 6 visitor QR, 11 remote... */
  mode: number;
  /** `yyyy-MM-dd HH:mm:ss` */
  addtime: string;
  outintype: 0 | 1;
  exceptionmode: 1;
}

export interface PresenceEntry {
  personNo?: string;
  visitorNo?: string;
  name: string;
  deviceno: string;
  /** `yyyy-MM-dd HH:mm:ss` */
  entertime: string;
}

const NO_BASE = 1_760_000_000_000_000;
const RECORD_NO_BASE = 1_760_000_000_000;

export class SimulatorState {
  readonly people = new Map<string, Person>();
  readonly departments = new Map<string, Department>();
  readonly devices = new Map<string, Device>();
  readonly regions = new Map<string, Region>();
  readonly visitors = new Map<string, Visitor>();
  /** Oldest first. */
  readonly passRecords: PassRecord[] = [];
  /** Region no → who is inside, keyed `p:<personNo>` / `v:<visitorNo>`. */
  readonly presence = new Map<string, Map<string, PresenceEntry>>();
  /** Uploaded photo bytes, keyed `people/<no>`, `people-idcard/<no>`, `visitors/<no>`. */
  readonly photos = new Map<string, Buffer>();
  companyName = '';
  /** The company number answers carry in rows (`companyno` of departments and regions). */
  companyNo = '';
  /** Never reset, so numbers handed out before a reset are not handed out again. */
  private counter = 0;
  private recordCounter = 0;

  /** A fresh 16-digit number, like the vendor's (`1744965266261879`). */
  nextNo(): string {
    return String(NO_BASE + ++this.counter);
  }

  /** A fresh 13-digit pass-record number (`1749198341167`). */
  nextRecordNo(): string {
    return String(RECORD_NO_BASE + ++this.recordCounter);
  }

  clear(): void {
    this.people.clear();
    this.departments.clear();
    this.devices.clear();
    this.regions.clear();
    this.visitors.clear();
    this.passRecords.length = 0;
    this.presence.clear();
    this.photos.clear();
    this.companyName = '';
  }

  regionByName(name: string): Region | undefined {
    for (const region of this.regions.values()) if (region.name === name) return region;
    return undefined;
  }

  deptName(deptno: string): string {
    return this.departments.get(deptno)?.name ?? '';
  }

  /** Who is inside a region (creating the region's slot on first use). */
  inside(regionNo: string): Map<string, PresenceEntry> {
    let slot = this.presence.get(regionNo);
    if (!slot) this.presence.set(regionNo, (slot = new Map()));
    return slot;
  }

  /** Removes a person or visitor from every region. */
  leaveEverywhere(key: string): void {
    for (const slot of this.presence.values()) slot.delete(key);
  }

  /** Is `no` the region `ancestor` itself or one of its descendants? */
  isWithinRegion(no: string, ancestor: string): boolean {
    return isWithin(no, ancestor, (n) => this.regions.get(n)?.parentno);
  }

  isWithinDepartment(no: string, ancestor: string): boolean {
    return isWithin(no, ancestor, (n) => this.departments.get(n)?.parentno);
  }

  /** The JSON shape of GET /__sim/state: light people (no photo data), presence as lists. */
  snapshot() {
    return {
      companyName: this.companyName,
      people: [...this.people.values()].map((p) => ({
        no: p.no,
        jobnumber: p.jobnumber,
        name: p.name,
        deptno: p.deptno,
        phone: p.phone,
        sex: p.sex,
        photoBytes: p.photoBytes,
        syncedDevices: p.syncedDevices,
      })),
      departments: [...this.departments.values()],
      devices: [...this.devices.values()].map((d) => ({
        no: d.no,
        name: d.name,
        ip: d.ip,
        area: d.area,
        regionname: d.regionname,
        outintype: d.outintype,
        isenableattend: d.isenableattend,
        onlinestatus: d.online ? 1 : 0,
        longOpenMode: d.longOpenMode,
        doorOpenCount: d.doorOpenCount,
      })),
      regions: [...this.regions.values()],
      visitors: [...this.visitors.values()],
      passRecords: this.passRecords,
      presence: Object.fromEntries([...this.presence].map(([regionNo, slot]) => [regionNo, [...slot.values()]])),
    };
  }
}

function isWithin(no: string, ancestor: string, parentOf: (no: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let current: string | undefined = no; current && !seen.has(current); current = parentOf(current)) {
    if (current === ancestor) return true;
    seen.add(current);
  }
  return false;
}
