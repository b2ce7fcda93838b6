/**
 * The K30 call paths, spelled exactly as the vendor lists them (the document mixes cases and
 * nothing says the server ignores case), and what the client must know about each.
 */
export const PATHS = {
  peopleCreate: 'people/Create',
  peopleUpdate: 'people/Update',
  peopleDelete: 'people/Delete',
  peopleList: 'people/getlist',
  peopleSync: 'people/syncwhitelist',
  departmentCreate: 'department/Create',
  departmentUpdate: 'department/Update',
  /** The document prints this one under `/api/v2/`; the digest keeps it under `/openapi/` like the rest. */
  departmentDelete: 'department/Delete',
  departmentList: 'department/getlist',
  recordList: 'record/getlist',
  deviceList: 'Device/GetList',
  deviceStatus: 'Device/GetDeviceStatus',
  deviceUpdate: 'Device/Update',
  deviceOpenDoor: 'Device/OpenDoor',
  deviceDoorMode: 'Device/SetLongOpenByDevice',
  visitorCreate: 'visitor/Create',
  visitorSync: 'visitor/SyncVisitor',
  visitorDelete: 'visitor/Delete',
  regionCreate: 'region/Create',
  regionUpdate: 'region/Update',
  regionDelete: 'region/Delete',
  regionList: 'region/getlist',
  regionPeople: 'region/getpeoplelist',
} as const;

export type K30Path = (typeof PATHS)[keyof typeof PATHS];

/** `/openapi/people/Create`, `people/Create/` → `people/Create`. */
export function normalisePath(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '').replace(/^openapi\//i, '');
}

/** Read calls (getlist, GetList, GetDeviceStatus, get…rptlist) may be retried after any transport failure. */
export function isReadPath(path: string): boolean {
  const action = normalisePath(path).split('/').pop() ?? '';
  return /^get/i.test(action);
}

/** The vendor limits these list calls to fewer than 60 a minute. */
const RATE_LIMITED = new Set(['people/getlist', 'region/getlist', 'region/getpeoplelist']);

export function isRateLimitedPath(path: string): boolean {
  return RATE_LIMITED.has(normalisePath(path).toLowerCase());
}
