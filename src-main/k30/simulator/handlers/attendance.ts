import { k30Date, parseK30DateTime } from '../../protocol';
import type { Person, SimulatorState } from '../state';
import { fieldRefusal } from '../sim-error';
import { requireAfter, type Params } from '../validation';
import { exact, fuzzy, pageLazy } from '../paging';
import { LIST_SUCCESS, ok, requireDepartment, requirePerson } from './common';
import type { Handler } from './types';

/**
 * Attendance: plausible reports computed from the pass records. One shift, 09:00-18:00 on
 * weekdays; a day's punches are the person's pass times that day.
 */
const SHIFT = { name: '签到&签退', time: '09:00-18:00', minutes: 540 };
const MAX_DAYS = 366;

function dateRange(params: Params): string[] {
  const start = params.s('startdate');
  const end = params.s('effdate');
  requireAfter('effdate', end, 'startdate', start, true);
  const days: string[] = [];
  for (let d = parseK30DateTime(start)!; k30Date(d) <= end; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    days.push(k30Date(d));
    if (days.length > MAX_DAYS) throw fieldRefusal('effdate', `日期范围不能超过${MAX_DAYS}天`, `at most ${MAX_DAYS} days`);
  }
  return days;
}

function selectPeople(state: SimulatorState, params: Params): Person[] {
  return [...state.people.values()].filter(
    (p) => exact(p.deptno, params.s('deptno')) && exact(p.no, params.s('no')) && fuzzy(p.name, params.s('name')) && exact(p.jobnumber, params.s('jobnumber')),
  );
}

/** person no + day → pass times (HH:mm), oldest first. */
function punches(state: SimulatorState): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const r of state.passRecords) {
    const key = `${r.peopleno}|${r.addtime.slice(0, 10)}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(r.addtime.slice(11, 16));
  }
  return byKey;
}

const isWorkday = (day: string) => {
  const weekday = parseK30DateTime(day)!.getDay();
  return weekday !== 0 && weekday !== 6;
};

interface DaySummary {
  times: string[];
  late: number;
  early: number;
  absent: boolean;
  worked: number;
}

function summarise(times: string[] | undefined, day: string): DaySummary {
  const list = times ?? [];
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (!isWorkday(day)) return { times: list, late: 0, early: 0, absent: false, worked: 0 };
  if (list.length === 0) return { times: list, late: 0, early: 0, absent: true, worked: 0 };
  const first = minutes(list[0]);
  const last = minutes(list[list.length - 1]);
  return {
    times: list,
    late: Math.max(0, first - 540),
    early: list.length > 1 ? Math.max(0, 1080 - last) : 0,
    absent: false,
    worked: list.length > 1 ? last - first : 0,
  };
}

const ZERO_TOTALS = Object.fromEntries(
  [
    'absentLeaveTotal',
    'marryLeaveTotal',
    'maternityLeaveTotal',
    'sickLeaveTotal',
    'yearLeaveTotal',
    'funeralLeaveTotal',
    'paternityLeaveTotal',
    'breastfeedingLeaveTotal',
    'businessTotal',
    'goOutTotal',
  ].map((k) => [k, '0']),
);

export const calculateAttendance: Handler = ({ state, params }) => {
  dateRange(params);
  for (const no of params.list('staffnos')) requirePerson(state, no, 'staffnos');
  for (const no of params.list('deptnos')) requireDepartment(state, no, 'deptnos');
  return ok('考勤计算成功');
};

/** Day report. Quirk kept from the vendor's example: the person number is `peoplno`. */
export const dayReport: Handler = ({ state, params }) => {
  const days = dateRange(params);
  const people = selectPeople(state, params);
  const byKey = punches(state);
  return ok(
    LIST_SUCCESS,
    pageLazy(people.length * days.length, params, (i) => {
      const person = people[Math.floor(i / days.length)];
      const day = days[i % days.length];
      const s = summarise(byKey.get(`${person.no}|${day}`), day);
      const workday = isWorkday(day);
      return {
        peoplno: person.no,
        jobNumber: person.jobnumber,
        name: person.name,
        deptname: state.deptName(person.deptno),
        attdate: day,
        timePeriodName: workday ? SHIFT.name : '',
        shiftTimeData: workday ? SHIFT.time : '',
        cardValidData: s.times.join(','),
        cardValidCount: String(s.times.length),
        shouldTotal: workday ? String(SHIFT.minutes) : '0',
        actualTotal: String(s.worked),
        validTotal: String(Math.min(s.worked, SHIFT.minutes)),
        lateCountTotal: s.late ? '1' : '0',
        lateData: String(s.late),
        lateTotal: String(s.late),
        earlyCountTotal: s.early ? '1' : '0',
        earlyData: String(s.early),
        earlyTotal: String(s.early),
        overtimeUsualTotal: '0',
        overtimeRestTotal: '0',
        overtimeHolidayTotal: '0',
        overtimeTotal: '0',
        absentTotal: s.absent ? '9.00' : '0',
        ...ZERO_TOTALS,
      };
    }),
  );
};

export const monthReport: Handler = ({ state, params }) => {
  const days = dateRange(params);
  const people = selectPeople(state, params);
  const byKey = punches(state);
  return ok(
    LIST_SUCCESS,
    pageLazy(people.length, params, (i) => {
      const person = people[i];
      const summaries = days.map((day) => ({ day, s: summarise(byKey.get(`${person.no}|${day}`), day) }));
      const should = days.filter(isWorkday).length;
      const actual = summaries.filter(({ s }) => s.times.length > 0).length;
      return {
        peopleno: person.no,
        jobNumber: person.jobnumber,
        name: person.name,
        deptname: state.deptName(person.deptno),
        shouldDays: String(should),
        actualDays: String(actual),
        validDays: String(summaries.filter(({ day, s }) => isWorkday(day) && s.times.length > 1 && !s.late && !s.early).length),
        monthAttDataList: summaries.map(({ day, s }) => ({
          date: day,
          content: !isWorkday(day) ? '休息' : s.absent ? '旷工' : s.late ? '迟到' : s.early ? '早退' : s.times.length === 1 ? '缺]' : '√',
        })),
      };
    }),
  );
};

export const abnormalReport: Handler = ({ state, params }) => {
  const days = dateRange(params);
  const byKey = punches(state);
  const rows: { person: Person; day: string; s: DaySummary }[] = [];
  for (const person of selectPeople(state, params)) {
    for (const day of days) {
      const s = summarise(byKey.get(`${person.no}|${day}`), day);
      if (s.absent || s.late || s.early || (isWorkday(day) && s.times.length === 1)) rows.push({ person, day, s });
    }
  }
  return ok(
    LIST_SUCCESS,
    pageLazy(rows.length, params, (i) => {
      const { person, day, s } = rows[i];
      return {
        peopleno: person.no,
        jobNumber: person.jobnumber,
        name: person.name,
        deptname: state.deptName(person.deptno),
        attdate: day,
        timePeriodName: SHIFT.name,
        shiftTimeData: SHIFT.time,
        cardValidData: `[${s.times[0] ?? '缺'}-${s.times.length > 1 ? s.times[s.times.length - 1] : '缺'}]`,
        cardInvalidData: s.absent ? '09:00,18:00' : s.times.length === 1 ? '18:00' : '',
        lateTotal: String(s.late),
        earlyTotal: String(s.early),
        absentTotal: s.absent ? '9' : '0',
        ...ZERO_TOTALS,
      };
    }),
  );
};
