import { k30DateTime } from '../protocol';
import type { PassRecord, Person, SimulatorState, Visitor } from './state';

export interface PassInput {
  personNo?: string;
  visitorNo?: string;
  deviceNo: string;
  /** `yyyy-MM-dd HH:mm:ss`; default now. */
  addTime?: string;
}

/** The `data` of an `UploadRecord` callback, field names as in the vendor document. */
export interface UploadRecordData {
  recordNo: string;
  departmentNo: string;
  departmentName: string;
  peopleNo: string;
  peopleName: string;
  deviceNo: string;
  deviceName: string;
  outinType: 0 | 1;
  recogMode: number;
  addTime: string;
  exceptionMode: 1;
  photo: string;
  /** Printed in one of the vendor's tables as "所属区域名称": the device's region name. */
  companyName: string;
}

export class PassError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * A device recognised someone: adds the pass record and updates presence in the device's region
 * (entry device → in, refreshed; exit device → out). Returns the record and its callback data.
 */
export function recordPass(state: SimulatorState, input: PassInput, now: Date, baseUrl: string): { record: PassRecord; upload: UploadRecordData } {
  const device = state.devices.get(input.deviceNo);
  if (!device) throw new PassError(`device not found: ${input.deviceNo}`, 404);
  const addtime = input.addTime ?? k30DateTime(now);
  let record: PassRecord;
  let key: string;
  if (input.visitorNo) {
    const visitor = state.visitors.get(input.visitorNo);
    if (!visitor) throw new PassError(`visitor not found: ${input.visitorNo}`, 404);
    key = `v:${visitor.no}`;
    record = { no: state.nextRecordNo(), ...visitorPassOf(state, visitor, device.no, addtime) };
  } else if (input.personNo) {
    const person = state.people.get(input.personNo);
    if (!person) throw new PassError(`person not found: ${input.personNo}`, 404);
    key = `p:${person.no}`;
    record = { no: state.nextRecordNo(), ...passOf(state, person, device.no, addtime) };
  } else {
    throw new PassError('personNo or visitorNo is required', 400);
  }
  state.passRecords.push(record);
  const region = state.regionByName(device.regionname);
  if (region) {
    const slot = state.inside(region.no);
    slot.delete(key);
    if (device.outintype === 1) {
      slot.set(key, {
        ...(input.visitorNo ? { visitorNo: record.peopleno } : { personNo: record.peopleno }),
        name: record.peoplename,
        deviceno: device.no,
        entertime: addtime,
      });
    }
  }
  const upload: UploadRecordData = {
    recordNo: record.no,
    departmentNo: record.deptno,
    departmentName: record.deptname,
    peopleNo: record.peopleno,
    peopleName: record.peoplename,
    deviceNo: device.no,
    deviceName: device.name,
    outinType: device.outintype,
    recogMode: record.mode,
    addTime: addtime,
    exceptionMode: 1,
    photo: `${baseUrl}/photos/records/${record.no}.jpg`,
    companyName: device.regionname,
  };
  return { record, upload };
}

/** A person's pass through a door, as K30 records it (the seed's history and a live pass alike). */
export function passOf(state: SimulatorState, person: Person, deviceno: string, addtime: string): Omit<PassRecord, 'no'> {
  const device = state.devices.get(deviceno)!;
  return {
    deviceno,
    peopleno: person.no,
    peoplename: person.name,
    jobnumber: person.jobnumber,
    iccard: person.iccard,
    deptno: person.deptno,
    deptname: state.deptName(person.deptno),
    group: 0,
    mode: 0,
    addtime,
    outintype: device.outintype,
    exceptionmode: 1,
  };
}

/** A visitor's pass at a device (group 10, recognised by face: mode 6), without its record number. */
export function visitorPassOf(state: SimulatorState, visitor: Visitor, deviceno: string, addtime: string): Omit<PassRecord, 'no'> {
  return {
    deviceno,
    peopleno: visitor.no,
    peoplename: visitor.name,
    jobnumber: '',
    iccard: '',
    deptno: '',
    deptname: '',
    group: 10,
    mode: 6,
    addtime,
    outintype: state.devices.get(deviceno)!.outintype,
    exceptionmode: 1,
  };
}
