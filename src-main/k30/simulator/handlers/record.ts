import { fieldRefusal } from '../sim-error';
import { requireAfter } from '../validation';
import { exact, fuzzy, page } from '../paging';
import { LIST_SUCCESS, photoUrl } from './common';
import type { Handler } from './types';

/** record/getlist: dates `yyyy-MM-dd`, within one month; newest first. Answers with `appid` (quirk). */
export const listRecords: Handler = ({ state, params, baseUrl }) => {
  const start = params.s('startdate');
  const end = params.s('effdate');
  requireAfter('effdate', end, 'startdate', start, true);
  if (start.slice(0, 7) !== end.slice(0, 7)) throw fieldRefusal('effdate', '开始日期和结束日期不能跨月', 'startdate and effdate must be in the same month');
  const group = params.n('group');
  const mode = params.n('mode');
  const rows = state.passRecords.filter((r) => {
    const day = r.addtime.slice(0, 10);
    return (
      day >= start &&
      day <= end &&
      exact(r.deptno, params.s('deptno')) &&
      exact(r.peopleno, params.s('peopleno')) &&
      fuzzy(r.peoplename, params.s('peoplename')) &&
      exact(r.deviceno, params.s('deviceno')) &&
      (group === undefined || r.group === group) &&
      (mode === undefined || r.mode === mode)
    );
  });
  rows.reverse();
  const answer = page(rows, params, (r) => ({
    no: r.no,
    deviceno: r.deviceno,
    peopleno: r.peopleno,
    peoplename: r.peoplename,
    jobnumber: r.jobnumber,
    photo: photoUrl(baseUrl, 'records', r.no),
    iccard: r.iccard,
    group: String(r.group),
    mode: String(r.mode),
    addtime: r.addtime,
    outintype: String(r.outintype),
    exceptionmode: String(r.exceptionmode),
  }));
  return { msg: LIST_SUCCESS, data: answer, idField: 'appid' };
};
