import type { Department } from '../state';
import { fieldRefusal } from '../sim-error';
import type { Params } from '../validation';
import { exact, fuzzy, page } from '../paging';
import { LIST_SUCCESS, ok, requireDepartment } from './common';
import type { Handler } from './types';

const OPTIONAL = ['linkername', 'linkerphone', 'parentno', 'remark'] as const;

function apply(department: Department, params: Params): void {
  department.name = params.s('name');
  for (const field of OPTIONAL) if (params.has(field)) department[field] = params.s(field);
}

export const createDepartment: Handler = ({ state, params }) => {
  if (params.s('parentno')) requireDepartment(state, params.s('parentno'), 'parentno');
  const department: Department = { no: state.nextNo(), name: '', linkername: '', linkerphone: '', parentno: '', remark: '', deviceNos: [] };
  apply(department, params);
  state.departments.set(department.no, department);
  return ok('Success', { no: department.no });
};

export const updateDepartment: Handler = ({ state, params }) => {
  const department = requireDepartment(state, params.s('no'), 'no');
  const parentno = params.s('parentno');
  if (parentno) {
    requireDepartment(state, parentno, 'parentno');
    if (state.isWithinDepartment(parentno, department.no)) throw fieldRefusal('parentno', '不能是自身或下级部门', 'a department cannot move under itself');
  }
  apply(department, params);
  return ok();
};

export const deleteDepartment: Handler = ({ state, params }) => {
  const department = requireDepartment(state, params.s('no'), 'no');
  for (const other of state.departments.values()) {
    if (other.parentno === department.no) throw fieldRefusal('no', '部门下存在下级部门', `department has sub-departments: ${other.no}`);
  }
  for (const person of state.people.values()) {
    if (person.deptno === department.no) throw fieldRefusal('no', '部门下存在人员', `department still has people: ${person.no}`);
  }
  state.departments.delete(department.no);
  return ok();
};

export const listDepartments: Handler = ({ state, params }) => {
  const rows = [...state.departments.values()].filter((d) => exact(d.no, params.s('no')) && fuzzy(d.name, params.s('name')));
  return ok(
    LIST_SUCCESS,
    page(rows, params, (d) => ({
      no: d.no,
      name: d.name,
      linkerphone: d.linkerphone,
      linkername: d.linkername,
      parentno: d.parentno,
      remark: d.remark,
      companyno: state.companyNo,
    })),
  );
};
