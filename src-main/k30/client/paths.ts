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
  return path
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/^openapi\//i, '');
}

/** Answers for the paths seen, so a call does not parse its path again (few paths, bounded all the same). */
function remembered(compute: (path: string) => boolean): (path: string) => boolean {
  const known = new Map<string, boolean>();
  return (path) => {
    let answer = known.get(path);
    if (answer === undefined) {
      answer = compute(path);
      if (known.size < 256) known.set(path, answer);
    }
    return answer;
  };
}

/** Read calls (getlist, GetList, GetDeviceStatus, get…rptlist) may be retried after any transport failure. */
export const isReadPath = remembered((path) => /^get/i.test(normalisePath(path).split('/').pop() ?? ''));

/** The vendor limits these list calls to fewer than 60 a minute. */
const RATE_LIMITED = new Set(['people/getlist', 'region/getlist', 'region/getpeoplelist']);

export const isRateLimitedPath = remembered((path) => RATE_LIMITED.has(normalisePath(path).toLowerCase()));
