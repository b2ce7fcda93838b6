import { k30Date, k30DateTime } from '../protocol';
import { newPerson } from './handlers/people';
import { TINY_JPEG } from './photos';
import { seededRandom, type Random } from './prng';
import { NATIONS, NATIVE_PLACES } from './seed-data';
import { passOf, visitorPassOf } from './passes';
import { chineseName, idCard, idCardFor, phone, pickWeighted } from './seed-identities';
import type { Department, Device, PassRecord, Person, Region, Sex, SimulatorState, Visitor } from './state';

/*
 * Demo seed (`seed: 'demo'`): 深圳启明智能科技有限公司. Deterministic (fixed PRNG seed); only the
 * times of today's passes, presence and the demo visitors follow the simulator's clock.
 *
 *   Regions (DEMO_REGIONS):  总部园区 (default, root) ─┬ A栋办公楼
 *                                                      ├ B栋研发楼 ── B栋5F实验室
 *                                                      └ 地下停车场
 *   Devices (DEMO_DEVICES), entry (outintype 1) / exit (0) pairs:
 *     D1001/D1002 园区南门入口/出口 (总部园区)   D1003/D1004 A栋大堂入口/出口
 *     D1005/D1006 B栋研发楼入口/出口             D1007/D1008 停车场入口/出口
 *     D1009/D1010 5F实验室入口/出口
 *     D1008 is the one OFFLINE device (DEMO_OFFLINE_DEVICE). D1002, D1006 and D1008 answer
 *     `onlinestatus` as a string (quirk).
 *   Departments (DEMO_DEPARTMENTS): 总经办 行政部 研发部 (硬件组, 软件组 under it) 销售部 财务部
 *     人力资源部 市场部 安保部.
 *   People: DEMO_PEOPLE_COUNT (240), the first four are the known hosts (DEMO_HOSTS):
 *     张伟 1745000000000001 研发部, 李娜 1745000000000002 行政部 (front desk),
 *     王强 1745000000000003 销售部, 陈静 1745000000000004 人力资源部.
 *   Presence: DEMO_INSIDE_COUNT people inside the campus and a building, including 张伟 (B栋) and
 *     李娜 (A栋); visitor 刘洋 (DEMO_VISITORS.liuYang, host 张伟) inside B栋; visitor 赵敏
 *     (DEMO_VISITORS.zhaoMin, host 李娜) expected tomorrow, not inside.
 *   Pass records: today's entries of the people inside, and gate entries/exits for the past week.
 */

export const DEMO_COMPANY_NAME = '深圳启明智能科技有限公司';

export const DEMO_REGIONS = {
  campus: '1731746671910001',
  buildingA: '1731746671910002',
  buildingB: '1731746671910003',
  parking: '1731746671910004',
  lab: '1731746671910005',
} as const;

export const DEMO_DEPARTMENTS = {
  executive: '1686638553480001',
  admin: '1686638553480002',
  rnd: '1686638553480003',
  hardware: '1686638553480004',
  software: '1686638553480005',
  sales: '1686638553480006',
  finance: '1686638553480007',
  hr: '1686638553480008',
  marketing: '1686638553480009',
  security: '1686638553480010',
} as const;

export const DEMO_DEVICES = {
  campusGateIn: 'D1001',
  campusGateOut: 'D1002',
  buildingAIn: 'D1003',
  buildingAOut: 'D1004',
  buildingBIn: 'D1005',
  buildingBOut: 'D1006',
  parkingIn: 'D1007',
  parkingOut: 'D1008',
  labIn: 'D1009',
  labOut: 'D1010',
} as const;

/** The one offline device of the demo seed. */
export const DEMO_OFFLINE_DEVICE = DEMO_DEVICES.parkingOut;
export const DEMO_ONLINE_DEVICES: readonly string[] = Object.values(DEMO_DEVICES).filter((no) => no !== DEMO_OFFLINE_DEVICE);
/** Devices whose `onlinestatus` is answered as a string. */
export const DEMO_STRING_STATUS_DEVICES: readonly string[] = [DEMO_DEVICES.campusGateOut, DEMO_DEVICES.buildingBOut, DEMO_DEVICES.parkingOut];

export const DEMO_HOSTS = {
  zhangWei: { no: '1745000000000001', name: '张伟', jobnumber: '100001', phone: '13800138001', deptno: DEMO_DEPARTMENTS.rnd },
  liNa: { no: '1745000000000002', name: '李娜', jobnumber: '100002', phone: '13900139002', deptno: DEMO_DEPARTMENTS.admin },
  wangQiang: { no: '1745000000000003', name: '王强', jobnumber: '100003', phone: '15800158003', deptno: DEMO_DEPARTMENTS.sales },
  chenJing: { no: '1745000000000004', name: '陈静', jobnumber: '100004', phone: '18600186004', deptno: DEMO_DEPARTMENTS.hr },
} as const;
/** The default host for tests: 张伟, 研发部. */
export const DEMO_HOST_NO = DEMO_HOSTS.zhangWei.no;

export const DEMO_VISITORS = { liuYang: '1762766749800001', zhaoMin: '1762766749800002' } as const;

export const DEMO_PEOPLE_COUNT = 240;
/** People (not visitors) inside at start. */
export const DEMO_INSIDE_COUNT = 30;

const R = DEMO_REGIONS;
const D = DEMO_DEVICES;
const DEPT = DEMO_DEPARTMENTS;

const REGIONS: Region[] = [
  { no: R.campus, name: '总部园区', parentno: '', isdefault: 1, linkage: '1', manual: '0' },
  { no: R.buildingA, name: 'A栋办公楼', parentno: R.campus, isdefault: 0, linkage: '1', manual: '0' },
  { no: R.buildingB, name: 'B栋研发楼', parentno: R.campus, isdefault: 0, linkage: '1', manual: '0' },
  { no: R.parking, name: '地下停车场', parentno: R.campus, isdefault: 0, linkage: '0', manual: '0' },
  { no: R.lab, name: 'B栋5F实验室', parentno: R.buildingB, isdefault: 0, linkage: '1', manual: '1' },
];

type DeviceSeed = [no: string, name: string, area: string, region: string, outintype: 0 | 1, isenableattend: 0 | 1];
const DEVICES: DeviceSeed[] = [
  [D.campusGateIn, '园区南门入口', '南门岗亭', '总部园区', 1, 1],
  [D.campusGateOut, '园区南门出口', '南门岗亭', '总部园区', 0, 1],
  [D.buildingAIn, 'A栋大堂入口', 'A栋1楼大堂', 'A栋办公楼', 1, 0],
  [D.buildingAOut, 'A栋大堂出口', 'A栋1楼大堂', 'A栋办公楼', 0, 0],
  [D.buildingBIn, 'B栋研发楼入口', 'B栋1楼闸机', 'B栋研发楼', 1, 0],
  [D.buildingBOut, 'B栋研发楼出口', 'B栋1楼闸机', 'B栋研发楼', 0, 0],
  [D.parkingIn, '停车场入口', 'B1层车库入口', '地下停车场', 1, 0],
  [D.parkingOut, '停车场出口', 'B1层车库出口', '地下停车场', 0, 0],
  [D.labIn, '5F实验室入口', 'B栋5楼东侧', 'B栋5F实验室', 1, 0],
  [D.labOut, '5F实验室出口', 'B栋5楼东侧', 'B栋5F实验室', 0, 0],
];

const GATE = [D.campusGateIn, D.campusGateOut];
const BUILDING_A = [...GATE, D.buildingAIn, D.buildingAOut];
const BUILDING_B = [...GATE, D.buildingBIn, D.buildingBOut, D.labIn, D.labOut];
type DeptSeed = [no: string, name: string, parentno: string, linkername: string, devices: string[], roles: string[], weight: number];
const DEPARTMENTS: DeptSeed[] = [
  [DEPT.executive, '总经办', '', '周建国', [...BUILDING_A, D.parkingIn, D.parkingOut], ['总经理', '副总经理', '总经理助理'], 2],
  [DEPT.admin, '行政部', '', '李娜', BUILDING_A, ['行政主管', '前台', '行政专员'], 4],
  [DEPT.rnd, '研发部', '', '张伟', BUILDING_B, ['研发总监', '项目经理', '架构师'], 4],
  [DEPT.hardware, '硬件组', DEPT.rnd, '黄海', BUILDING_B, ['硬件工程师', '测试工程师', '结构工程师'], 10],
  [DEPT.software, '软件组', DEPT.rnd, '林晨', BUILDING_B, ['软件工程师', '前端工程师', '测试工程师'], 14],
  [DEPT.sales, '销售部', '', '王强', BUILDING_A, ['销售经理', '销售代表', '客户经理'], 8],
  [DEPT.finance, '财务部', '', '吴敏', BUILDING_A, ['财务经理', '会计', '出纳'], 3],
  [DEPT.hr, '人力资源部', '', '陈静', BUILDING_A, ['人事经理', '招聘专员', '薪酬专员'], 3],
  [DEPT.marketing, '市场部', '', '郑佳', BUILDING_A, ['市场经理', '品牌专员', '活动策划'], 4],
  [DEPT.security, '安保部', '', '马刚', Object.values(D), ['安保主管', '保安'], 4],
];

const SEED = 0x4b3330; // "K30"

/** Fills an empty state with the demo company (see the comment at the top of this file). */
export function seedDemo(state: SimulatorState, now: Date): void {
  const rng = seededRandom(SEED);
  state.companyName = DEMO_COMPANY_NAME;
  for (const region of REGIONS) state.regions.set(region.no, { ...region });
  DEVICES.forEach(([no, name, area, regionname, outintype, isenableattend], i) => {
    const device: Device = {
      no,
      name,
      ip: `192.168.10.${101 + i}`,
      area,
      regionname,
      outintype,
      isenableattend,
      online: no !== DEMO_OFFLINE_DEVICE,
      statusAsString: DEMO_STRING_STATUS_DEVICES.includes(no),
      longOpenMode: 0,
      doorOpenCount: 0,
    };
    state.devices.set(no, device);
  });
  for (const [no, name, parentno, linkername, deviceNos] of DEPARTMENTS) {
    const department: Department = { no, name, parentno, linkername, linkerphone: phone(rng), remark: '', deviceNos: [...deviceNos] };
    state.departments.set(no, department);
  }
  seedPeople(state, rng);
  const records: Omit<PassRecord, 'no'>[] = [];
  seedHistory(state, rng, now, records);
  seedPresence(state, rng, now, records);
  seedVisitors(state, now, records);
  records.sort((a, b) => (a.addtime < b.addtime ? -1 : a.addtime > b.addtime ? 1 : 0));
  // Presence lists are kept in arrival order (region/getpeoplelist answers newest first).
  for (const [regionNo, slot] of state.presence) {
    state.presence.set(regionNo, new Map([...slot].sort(([, a], [, b]) => (a.entertime < b.entertime ? -1 : a.entertime > b.entertime ? 1 : 0))));
  }
  records.forEach((record, i) => state.passRecords.push({ no: String(1_749_000_000_000 + i + 1), ...record }));
}

function seedPeople(state: SimulatorState, rng: Random): void {
  const hosts = Object.values(DEMO_HOSTS);
  const taken = new Set<string>(hosts.map((h) => h.name));
  const hostSex: Record<string, Sex> = { [DEMO_HOSTS.zhangWei.no]: 1, [DEMO_HOSTS.liNa.no]: 2, [DEMO_HOSTS.wangQiang.no]: 1, [DEMO_HOSTS.chenJing.no]: 2 };
  for (let i = 0; i < DEMO_PEOPLE_COUNT; i++) {
    const host = hosts[i] as (typeof hosts)[number] | undefined;
    const sex: Sex = host ? hostSex[host.no] : rng.next() < 0.02 ? 0 : rng.next() < 0.56 ? 1 : 2;
    const dept = host ? DEPARTMENTS.find(([no]) => no === host.deptno)! : pickWeighted(rng, DEPARTMENTS, (d) => d[6]);
    const place = rng.pick(NATIVE_PLACES);
    const entry = `${rng.int(2015, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const person: Person = newPerson(host?.no ?? String(1_745_000_000_000_001 + i), {
      jobnumber: host?.jobnumber ?? String(100_001 + i),
      name: host?.name ?? chineseName(rng, sex, taken),
      deptno: dept[0],
      phone: host?.phone ?? phone(rng),
      sex,
      idcard: idCard(rng, place.area, sex === 0 ? 1 : sex),
      iccard: String(1_000_000_100 + i * 7),
      startdate: `${entry} 00:00:00`,
      effdate: `${Number(entry.slice(0, 4)) + 50}${entry.slice(4)} 23:59:59`,
      entrydate: `${entry} 09:00:00`,
      nation: rng.pick(NATIONS),
      native: place.native,
      residence: rng.next() < 0.4 ? '广东深圳' : place.native,
      remark: '名单导入',
      rolename: host?.no === DEMO_HOSTS.liNa.no ? '前台' : rng.pick(dept[5]),
      photoBytes: host || rng.next() < 0.9 ? TINY_JPEG.length : 0,
      syncedDevices: [...dept[4]],
    });
    state.people.set(person.no, person);
  }
}

function at(day: Date, minutes: number): string {
  return k30DateTime(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes));
}

/** Gate entries and exits on the past week's workdays. */
function seedHistory(state: SimulatorState, rng: Random, now: Date, records: Omit<PassRecord, 'no'>[]): void {
  const people = [...state.people.values()];
  for (let back = 7; back >= 1; back--) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back);
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    for (let k = 0; k < 40; k++) {
      const person = people[rng.int(0, people.length - 1)];
      records.push(passOf(state, person, D.campusGateIn, at(day, rng.int(8 * 60 + 20, 9 * 60 + 25))));
      if (rng.next() < 0.92) records.push(passOf(state, person, D.campusGateOut, at(day, rng.int(17 * 60 + 50, 20 * 60 + 30))));
    }
  }
}

/** The earliest of today's seeded passes: 300 minutes before now, plus the walk from the gate. */
const EARLIEST_MINUTES_AGO = 310;

/**
 * A time `minutesAgo` before now that is still today: just after midnight the whole morning is
 * squeezed into the minutes since midnight (same order), so "today's passes" are today's.
 */
function earlierToday(now: Date, minutesAgo: number): Date {
  const sinceMidnight = now.getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const scale = Math.min(1, sinceMidnight / (EARLIEST_MINUTES_AGO * 60_000));
  return new Date(now.getTime() - minutesAgo * 60_000 * scale);
}

/** Today's arrivals: through the campus gate, then into the department's building (or parking). */
function seedPresence(state: SimulatorState, rng: Random, now: Date, records: Omit<PassRecord, 'no'>[]): void {
  const others = [...state.people.values()].slice(Object.keys(DEMO_HOSTS).length);
  const chosen = new Set<Person>([state.people.get(DEMO_HOSTS.zhangWei.no)!, state.people.get(DEMO_HOSTS.liNa.no)!]);
  while (chosen.size < DEMO_INSIDE_COUNT) chosen.add(others[rng.int(0, others.length - 1)]);
  const arrivals = [...chosen].map((person, i) => ({ person, minutesAgo: i < 2 ? 150 + i * 7 : rng.int(15, 300) }));
  arrivals.sort((a, b) => b.minutesAgo - a.minutesAgo);
  for (const { person, minutesAgo } of arrivals) {
    const gateTime = earlierToday(now, minutesAgo);
    const insideTime = earlierToday(now, minutesAgo - rng.int(2, 6));
    const rnd = person.syncedDevices.includes(D.buildingBIn);
    const [regionNo, deviceNo] =
      rng.next() < 0.1 && person.no !== DEMO_HOSTS.zhangWei.no && person.no !== DEMO_HOSTS.liNa.no
        ? [R.parking, D.parkingIn]
        : rnd
          ? [R.buildingB, D.buildingBIn]
          : [R.buildingA, D.buildingAIn];
    enter(
      state,
      records,
      { personNo: person.no, name: person.name },
      R.campus,
      D.campusGateIn,
      k30DateTime(gateTime),
      passOf(state, person, D.campusGateIn, k30DateTime(gateTime)),
    );
    enter(
      state,
      records,
      { personNo: person.no, name: person.name },
      regionNo,
      deviceNo,
      k30DateTime(insideTime),
      passOf(state, person, deviceNo, k30DateTime(insideTime)),
    );
  }
}

function enter(
  state: SimulatorState,
  records: Omit<PassRecord, 'no'>[],
  who: { personNo?: string; visitorNo?: string; name: string },
  regionNo: string,
  deviceno: string,
  entertime: string,
  record: Omit<PassRecord, 'no'>,
): void {
  records.push(record);
  state.inside(regionNo).set(who.visitorNo ? `v:${who.visitorNo}` : `p:${who.personNo}`, { ...who, deviceno, entertime });
}

function seedVisitors(state: SimulatorState, now: Date, records: Omit<PassRecord, 'no'>[]): void {
  const today = k30Date(now);
  const tomorrow = k30Date(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  const visitors: Visitor[] = [
    {
      no: DEMO_VISITORS.liuYang,
      name: '刘洋',
      phone: '13712345678',
      staffno: DEMO_HOSTS.zhangWei.no,
      reason: '项目技术交流',
      begintime: `${today} 00:00:00`,
      endtime: `${today} 23:59:59`,
      idcard: idCardFor('440305', '19900312', '123'),
      carno: '粤B12345',
      photoBytes: TINY_JPEG.length,
      photoUrl: '',
      createdAt: `${today} 00:00:00`,
      syncedDevices: [D.campusGateIn, D.campusGateOut, D.buildingBIn, D.buildingBOut],
    },
    {
      no: DEMO_VISITORS.zhaoMin,
      name: '赵敏',
      phone: '15923456789',
      staffno: DEMO_HOSTS.liNa.no,
      reason: '商务洽谈',
      begintime: `${tomorrow} 10:00:00`,
      endtime: `${tomorrow} 12:00:00`,
      idcard: idCardFor('430102', '19950721', '246'),
      carno: '',
      photoBytes: TINY_JPEG.length,
      photoUrl: '',
      createdAt: `${today} 00:00:00`,
      syncedDevices: [D.campusGateIn, D.campusGateOut, D.buildingAIn, D.buildingAOut],
    },
  ];
  for (const visitor of visitors) state.visitors.set(visitor.no, visitor);
  const liu = visitors[0];
  const gateTime = earlierToday(now, 50);
  const insideTime = earlierToday(now, 46);
  const visitorRecord = (deviceno: string, addtime: string) => visitorPassOf(state, liu, deviceno, addtime);
  const who = { visitorNo: liu.no, name: liu.name };
  enter(state, records, who, R.campus, D.campusGateIn, k30DateTime(gateTime), visitorRecord(D.campusGateIn, k30DateTime(gateTime)));
  enter(state, records, who, R.buildingB, D.buildingBIn, k30DateTime(insideTime), visitorRecord(D.buildingBIn, k30DateTime(insideTime)));
}

/** `seed: 'empty'`: truly empty (no regions, devices, departments, people). */
export function seedEmpty(state: SimulatorState): void {
  state.companyName = '';
}

export type SeedKind = 'demo' | 'empty';

export function applySeed(state: SimulatorState, kind: SeedKind, now: Date): void {
  state.clear();
  if (kind === 'demo') seedDemo(state, now);
  else seedEmpty(state);
}
