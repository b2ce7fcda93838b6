import type { Device } from '../state';
import { fieldRefusal, refusal } from '../sim-error';
import { exact, fuzzy, page } from '../paging';
import { ok, requireDevice } from './common';
import type { Handler } from './types';

/** A device row. Quirk: devices flagged statusAsString answer onlinestatus "0"/"1". */
export function deviceRow(d: Device) {
  const status = d.online ? 1 : 0;
  return {
    no: d.no,
    name: d.name,
    ip: d.ip,
    area: d.area,
    regionname: d.regionname,
    outintype: d.outintype,
    isenableattend: d.isenableattend,
    onlinestatus: d.statusAsString ? String(status) : status,
  };
}

function requireOnline(device: Device): Device {
  if (!device.online) throw refusal('设备离线', `device offline: ${device.no}`);
  return device;
}

export const listDevices: Handler = ({ state, params }) => {
  const rows = [...state.devices.values()].filter(
    (d) => exact(d.no, params.s('deviceno')) && fuzzy(d.name, params.s('devicename')) && fuzzy(d.ip, params.s('ip')),
  );
  return ok('查询成功', page(rows, params, deviceRow));
};

/** Answers with `appid` in place of `companyno` (quirk). */
export const deviceStatus: Handler = ({ state, params }) => ({
  msg: 'Success',
  data: deviceRow(requireDevice(state, params.s('deviceno'))),
  idField: 'appid',
});

/**
 * The IP is required but never applied: the vendor says a device's IP is set on the device only.
 * Optional fields are updated when given; regionname must match an existing region exactly.
 */
export const updateDevice: Handler = ({ state, params }) => {
  const device = requireDevice(state, params.s('no'), 'no');
  const regionname = params.s('regionname');
  if (regionname && !state.regionByName(regionname)) throw fieldRefusal('regionname', '区域不存在', `no region is named ${regionname}`);
  device.name = params.s('name');
  if (params.has('area')) device.area = params.s('area');
  if (regionname) device.regionname = regionname;
  const outintype = params.n('outintype');
  if (outintype !== undefined) device.outintype = outintype as 0 | 1;
  const attend = params.n('isenableattend');
  if (attend !== undefined) device.isenableattend = attend as 0 | 1;
  return ok();
};

export const openDoor: Handler = ({ state, params }) => {
  requireOnline(requireDevice(state, params.s('deviceno'))).doorOpenCount++;
  return ok('开门成功');
};

export const setLongOpen: Handler = ({ state, params }) => {
  requireOnline(requireDevice(state, params.s('deviceno'))).longOpenMode = params.n('mode') as 1 | 2;
  return ok('设置成功');
};
