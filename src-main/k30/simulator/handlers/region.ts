import type { PresenceEntry, Region, SimulatorState } from '../state';
import { fieldRefusal } from '../sim-error';
import type { Params } from '../validation';
import { exact, fuzzy, page } from '../paging';
import { LIST_SUCCESS, ok, photoUrl, requireRegion } from './common';
import type { Handler } from './types';

function requireFreeName(state: SimulatorState, name: string, self?: string): void {
  const other = state.regionByName(name);
  if (other && other.no !== self) throw fieldRefusal('name', '区域名称已存在', `a region is already named ${name}`);
}

function apply(region: Region, params: Params): void {
  region.name = params.s('name');
  if (params.has('parentno')) region.parentno = params.s('parentno');
  if (params.has('linkage')) region.linkage = params.s('linkage') as Region['linkage'];
  if (params.has('manual')) region.manual = params.s('manual') as Region['manual'];
}

export const createRegion: Handler = ({ state, params }) => {
  if (params.s('parentno')) requireRegion(state, params.s('parentno'), 'parentno');
  requireFreeName(state, params.s('name'));
  const region: Region = { no: state.nextNo(), name: '', parentno: '', isdefault: 0, linkage: '0', manual: '0' };
  apply(region, params);
  state.regions.set(region.no, region);
  return ok('Success', { no: region.no });
};

/** Renaming a region renames it on its devices too (devices refer to regions by name). */
export const updateRegion: Handler = ({ state, params }) => {
  const region = requireRegion(state, params.s('no'));
  const parentno = params.s('parentno');
  if (parentno) {
    requireRegion(state, parentno, 'parentno');
    if (state.isWithinRegion(parentno, region.no)) throw fieldRefusal('parentno', '不能是自身或下级区域', 'a region cannot move under itself');
  }
  requireFreeName(state, params.s('name'), region.no);
  const oldName = region.name;
  apply(region, params);
  for (const device of state.devices.values()) if (device.regionname === oldName) device.regionname = region.name;
  return ok();
};

export const deleteRegion: Handler = ({ state, params }) => {
  const region = requireRegion(state, params.s('no'));
  if (region.isdefault) throw fieldRefusal('no', '默认区域不能删除', 'the default region cannot be deleted');
  for (const other of state.regions.values()) {
    if (other.parentno === region.no) throw fieldRefusal('no', '区域下存在下级区域', `region has sub-regions: ${other.no}`);
  }
  for (const device of state.devices.values()) {
    if (device.regionname === region.name) throw fieldRefusal('no', '区域下存在设备', `region still has devices: ${device.no}`);
  }
  state.regions.delete(region.no);
  state.presence.delete(region.no);
  return ok();
};

export const listRegions: Handler = ({ state, params }) => {
  const rows = [...state.regions.values()].filter(
    (r) => exact(r.no, params.s('no')) && fuzzy(r.name, params.s('name')) && exact(r.parentno, params.s('parentno')),
  );
  return ok(
    LIST_SUCCESS,
    page(rows, params, (r) => ({
      no: r.no,
      name: r.name,
      companyno: state.companyNo,
      parentno: r.parentno,
      isdefault: r.isdefault,
      linkage: r.linkage,
      manual: r.manual,
    })),
  );
};

/** One row of region/getpeoplelist, for a person or a visitor inside. */
function insideRow(state: SimulatorState, entry: PresenceEntry, baseUrl: string) {
  if (entry.visitorNo) {
    const v = state.visitors.get(entry.visitorNo);
    if (!v) return undefined;
    return {
      no: v.no,
      name: v.name,
      jobnumber: '',
      deptno: '',
      deptname: '',
      rolename: '访客',
      phone: v.phone,
      idcard: v.idcard,
      iccard: '',
      sex: 0,
      photo: v.photoBytes ? photoUrl(baseUrl, 'visitors', v.no) : v.photoUrl,
      deviceno: entry.deviceno,
      entertime: entry.entertime,
    };
  }
  const p = state.people.get(entry.personNo ?? '');
  if (!p) return undefined;
  return {
    no: p.no,
    name: p.name,
    jobnumber: p.jobnumber,
    deptno: p.deptno,
    deptname: state.deptName(p.deptno),
    rolename: p.rolename,
    phone: p.phone,
    idcard: p.idcard,
    iccard: p.iccard,
    sex: p.sex,
    photo: p.photoBytes ? photoUrl(baseUrl, 'people', p.no) : '',
    deviceno: entry.deviceno,
    entertime: entry.entertime,
  };
}

type InsideRow = NonNullable<ReturnType<typeof insideRow>>;

/** Who is inside a region, newest arrival first. Without field filters only the page is built. */
export const listRegionPeople: Handler = ({ state, params, baseUrl }) => {
  const region = requireRegion(state, params.s('no'));
  const from = params.s('startdate');
  const to = params.s('effdate');
  const entries: PresenceEntry[] = [];
  for (const entry of state.presence.get(region.no)?.values() ?? []) {
    if ((from && entry.entertime < from) || (to && entry.entertime > to)) continue;
    entries.push(entry);
  }
  entries.reverse();
  const filtered = ['name', 'phone', 'idcard', 'iccard'].some((field) => params.s(field) !== '');
  if (!filtered) {
    // Presence entries are dropped when their person or visitor is deleted, so every entry has a row.
    return ok(
      LIST_SUCCESS,
      page(entries, params, (entry) => insideRow(state, entry, baseUrl)!),
    );
  }
  const rows = entries
    .map((entry) => insideRow(state, entry, baseUrl))
    .filter(
      (row): row is InsideRow =>
        !!row &&
        fuzzy(row.name, params.s('name')) &&
        exact(row.phone, params.s('phone')) &&
        exact(row.idcard, params.s('idcard')) &&
        exact(row.iccard, params.s('iccard')),
    );
  return ok(
    LIST_SUCCESS,
    page(rows, params, (row) => row),
  );
};
