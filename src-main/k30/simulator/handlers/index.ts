import { abnormalReport, calculateAttendance, dayReport, monthReport } from './attendance';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './department';
import { deviceStatus, listDevices, openDoor, setLongOpen, updateDevice } from './device';
import { createPerson, deletePerson, listPeople, syncPersonToDevices, updatePerson } from './people';
import { listRecords } from './record';
import { createRegion, deleteRegion, listRegionPeople, listRegions, updateRegion } from './region';
import type { Handler } from './types';
import { createVisitor, deleteVisitor, syncVisitor } from './visitor';

/** Every call of PROTOCOL.md's table, by its path under /openapi/ (case-sensitive, as printed). */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  'people/Create': createPerson,
  'people/Update': updatePerson,
  'people/Delete': deletePerson,
  'people/getlist': listPeople,
  'people/syncwhitelist': syncPersonToDevices,
  'department/Create': createDepartment,
  'department/Update': updateDepartment,
  'department/Delete': deleteDepartment,
  'department/getlist': listDepartments,
  'attendance/attcalculate': calculateAttendance,
  'attendance/getdayrptlist': dayReport,
  'attendance/getmonthrptlist': monthReport,
  'attendance/getabnormalrptlist': abnormalReport,
  'record/getlist': listRecords,
  'Device/GetList': listDevices,
  'Device/GetDeviceStatus': deviceStatus,
  'Device/Update': updateDevice,
  'Device/OpenDoor': openDoor,
  'Device/SetLongOpenByDevice': setLongOpen,
  'visitor/Create': createVisitor,
  'visitor/SyncVisitor': syncVisitor,
  'visitor/Delete': deleteVisitor,
  'region/Create': createRegion,
  'region/Update': updateRegion,
  'region/Delete': deleteRegion,
  'region/getlist': listRegions,
  'region/getpeoplelist': listRegionPeople,
};

/** Paths printed elsewhere in the vendor document, mapped to their call. */
export const PATH_ALIASES: Readonly<Record<string, string>> = {
  '/api/v2/department/Delete': 'department/Delete',
};

/** The call for a request path, or undefined when the server has no such interface. */
export function callForPath(pathname: string): string | undefined {
  const alias = PATH_ALIASES[pathname];
  if (alias) return alias;
  if (!pathname.startsWith('/openapi/')) return undefined;
  const call = pathname.slice('/openapi/'.length);
  return Object.hasOwn(HANDLERS, call) ? call : undefined;
}
