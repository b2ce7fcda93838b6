import { jpegSize } from '../jpeg-size';
import type { Department, Device, Person, Region, SimulatorState, Visitor } from '../state';
import { fieldRefusal } from '../sim-error';
import type { HandlerContext, HandlerResult } from './types';

export const SUCCESS = 'Success';
export const LIST_SUCCESS = '获取列表成功';

export function ok(msg = SUCCESS, data?: unknown): HandlerResult {
  return { msg, data };
}

function found<T>(item: T | undefined, field: string, zh: string, en: string, no: string): T {
  if (!item) throw fieldRefusal(field, zh, `${en}: ${no}`);
  return item;
}

export const requirePerson = (state: SimulatorState, no: string, field = 'no'): Person =>
  found(state.people.get(no), field, '人员不存在', 'person not found', no);
export const requireDepartment = (state: SimulatorState, no: string, field = 'deptno'): Department =>
  found(state.departments.get(no), field, '部门不存在', 'department not found', no);
export const requireDevice = (state: SimulatorState, no: string, field = 'deviceno'): Device =>
  found(state.devices.get(no), field, '设备不存在', 'device not found', no);
export const requireRegion = (state: SimulatorState, no: string, field = 'no'): Region =>
  found(state.regions.get(no), field, '区域不存在', 'region not found', no);
export const requireVisitor = (state: SimulatorState, no: string, field = 'no'): Visitor =>
  found(state.visitors.get(no), field, '访客不存在', 'visitor not found', no);

export function photoUrl(baseUrl: string, kind: 'people' | 'visitors' | 'records' | 'people-idcard', no: string): string {
  return `${baseUrl}/photos/${kind}/${no}.jpg`;
}

/**
 * Pushes a person or visitor to devices: one sync record per device (online or not, in the order
 * given, no duplicates) and one `authstatus` callback per device — "1" online, "0" 设备离线 offline.
 */
export function pushToDevices(ctx: HandlerContext, no: string, deviceNos: readonly string[], records: string[], photo?: Buffer): void {
  for (const deviceNo of deviceNos) {
    const device = ctx.state.devices.get(deviceNo)!;
    if (!records.includes(deviceNo)) records.push(deviceNo);
    const refused = device.online ? photoRefusal(device, photo) : undefined;
    ctx.emit(
      'authstatus',
      !device.online
        ? { no, deviceno: deviceNo, resultcode: '0', msg: '设备离线' }
        : refused
          ? { no, deviceno: deviceNo, resultcode: '0', msg: refused }
          : { no, deviceno: deviceNo, resultcode: '1', msg: '下发成功' },
    );
  }
}

/** Why a terminal with photo limits refuses this photo (its words), or undefined when it takes it. */
export function photoRefusal(device: Device, photo: Buffer | undefined): string | undefined {
  const limits = device.photoLimits;
  if (!limits || !photo) return undefined;
  if (limits.maxBytes !== undefined && photo.length > limits.maxBytes)
    return `照片过大（${Math.ceil(photo.length / 1024)}KB，上限 ${Math.floor(limits.maxBytes / 1024)}KB）`;
  if (limits.minShortSide !== undefined) {
    const size = jpegSize(photo);
    if (!size) return '照片格式错误';
    if (Math.min(size.width, size.height) < limits.minShortSide) return `照片分辨率过低（${size.width}x${size.height}，短边至少 ${limits.minShortSide}）`;
  }
  return undefined;
}

/** The same date fifty years on (the vendor's default end of validity). */
export function plusYears(dateTime: string, years: number): string {
  const rest = dateTime.slice(4).replace(/^-02-29/, '-02-28');
  return `${Number(dateTime.slice(0, 4)) + years}${rest}`;
}
