import { k30DateTime } from '../../protocol';
import type { Person, SimulatorState } from '../state';
import { fieldRefusal, refusal } from '../sim-error';
import { requireAfter, type Params } from '../validation';
import { exact, fuzzy, page } from '../paging';
import { LIST_SUCCESS, ok, photoUrl, plusYears, pushToDevices, requireDepartment, requireDevice, requirePerson } from './common';
import type { Handler } from './types';

const SEX_TEXT = ['未知', '男', '女'] as const;

/** Optional person fields copied verbatim when given. */
const TEXT_FIELDS = ['phone', 'idcard', 'iccard', 'pwd', 'carno', 'nation', 'native', 'residence'] as const;

function requireFreeJobNumber(state: SimulatorState, jobnumber: string, self?: string): void {
  for (const person of state.people.values()) {
    if (person.jobnumber === jobnumber && person.no !== self) throw fieldRefusal('jobnumber', '工号已存在', `job number already in use: ${jobnumber}`);
  }
}

/** Applies the request's fields to a person (create or update: absent optional fields are kept). */
function applyFields(state: SimulatorState, person: Person, params: Params): void {
  person.name = params.s('name');
  person.deptno = params.s('deptno');
  person.jobnumber = params.s('jobnumber');
  for (const field of TEXT_FIELDS) if (params.has(field)) person[field] = params.s(field);
  if (params.has('sex')) person.sex = Number(params.s('sex')) as Person['sex'];
  for (const field of ['startdate', 'effdate', 'entrydate'] as const) if (params.has(field)) person[field] = params.s(field);
  requireAfter('effdate', person.effdate, 'startdate', person.startdate);
  const photo = params.photo('photo');
  if (photo) {
    state.photos.set(`people/${person.no}`, photo);
    person.photoBytes = photo.length;
  }
  const idcardPhoto = params.photo('idcardphoto');
  if (idcardPhoto) {
    state.photos.set(`people-idcard/${person.no}`, idcardPhoto);
    person.idcardphotoBytes = idcardPhoto.length;
  }
}

export const createPerson: Handler = ({ state, params, now }) => {
  requireDepartment(state, params.s('deptno'));
  requireFreeJobNumber(state, params.s('jobnumber'));
  const today = k30DateTime(now);
  const startdate = params.s('startdate') || today;
  const person = newPerson(state.nextNo(), { startdate, effdate: plusYears(startdate, 50), entrydate: today });
  applyFields(state, person, params);
  state.people.set(person.no, person);
  return ok('Success', { no: person.no });
};

export const updatePerson: Handler = ({ state, params }) => {
  const person = requirePerson(state, params.s('no'));
  requireDepartment(state, params.s('deptno'));
  requireFreeJobNumber(state, params.s('jobnumber'), person.no);
  const draft = { ...person };
  applyFields(state, draft, params);
  Object.assign(person, draft);
  return ok();
};

export const deletePerson: Handler = ({ state, params }) => {
  const person = requirePerson(state, params.s('no'));
  state.people.delete(person.no);
  state.photos.delete(`people/${person.no}`);
  state.photos.delete(`people-idcard/${person.no}`);
  state.leaveEverywhere(`p:${person.no}`);
  return ok();
};

export const listPeople: Handler = ({ state, params, baseUrl }) => {
  const rows = [...state.people.values()].filter(
    (p) =>
      exact(p.deptno, params.s('deptno')) &&
      exact(p.no, params.s('no')) &&
      fuzzy(p.name, params.s('name')) &&
      fuzzy(p.phone, params.s('phone')) &&
      exact(p.idcard, params.s('idcard')) &&
      exact(p.iccard, params.s('iccard')),
  );
  return ok(
    LIST_SUCCESS,
    page(rows, params, (p) => ({
      no: p.no,
      jobNumber: p.jobnumber,
      name: p.name,
      sex: SEX_TEXT[p.sex],
      phone: p.phone,
      idCard: p.idcard,
      icCard: p.iccard,
      type: '白名单',
      photo: p.photoBytes ? photoUrl(baseUrl, 'people', p.no) : '',
      idCardPhoto: p.idcardphotoBytes ? photoUrl(baseUrl, 'people-idcard', p.no) : '',
      remark: p.remark,
      startDate: p.startdate,
      effDate: p.effdate,
      native: p.native,
      nation: p.nation,
      residence: p.residence,
      deptNo: p.deptno,
      deptName: state.deptName(p.deptno),
    })),
  );
};

/** device_nos wins over deptno; with deptno the department's bound devices are used. */
export const syncPersonToDevices: Handler = (ctx) => {
  const { state, params } = ctx;
  const person = requirePerson(state, params.s('no'));
  let deviceNos = params.list('device_nos');
  if (deviceNos.length) {
    for (const no of deviceNos) requireDevice(state, no, 'device_nos');
  } else if (params.s('deptno')) {
    deviceNos = requireDepartment(state, params.s('deptno')).deviceNos;
    if (!deviceNos.length) throw fieldRefusal('deptno', '部门未绑定设备', 'no devices are bound to this department');
  } else {
    throw refusal('设备编号和部门编号必须填其中一个', 'device_nos or deptno is required');
  }
  pushToDevices(ctx, person.no, deviceNos, person.syncedDevices);
  return ok();
};

export function newPerson(no: string, fields: Partial<Person>): Person {
  return {
    no,
    jobnumber: '',
    name: '',
    deptno: '',
    phone: '',
    sex: 0,
    idcard: '',
    iccard: '',
    startdate: '',
    effdate: '',
    entrydate: '',
    pwd: '',
    carno: '',
    nation: '',
    native: '',
    residence: '',
    remark: '',
    rolename: '',
    photoBytes: 0,
    idcardphotoBytes: 0,
    syncedDevices: [],
    ...fields,
  };
}
