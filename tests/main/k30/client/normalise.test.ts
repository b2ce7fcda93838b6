/** Normalising K30's answers: the vendor's field spellings, pages, dates and sexes read into our types. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createdNo,
  normaliseDevice,
  normalisePage,
  normalisePassRecord,
  normalisePerson,
  normaliseRegion,
  normaliseRegionPerson,
  parseSex,
} from '../../../../src-main/k30/client/normalise';

describe('normalise', () => {
  it('reads the people/getlist row of the vendor example (camelCase, sex as 男/女)', () => {
    const person = normalisePerson({
      jobNumber: '100676',
      no: '1744965266261879',
      name: '张*',
      sex: '女',
      phone: '18126179289',
      idCard: '',
      icCard: '1000000189',
      type: '白名单',
      photo: '',
      idCardPhoto1: null,
      remark: '名单导入',
      startDate: '2022-02-10 00:00:00',
      effDate: '2052-02-10 23:59:59',
      deptNo: '1686638553482330',
      deptName: '研发部',
    });
    expect(person).toMatchObject({
      no: '1744965266261879',
      jobnumber: '100676',
      sex: 'female',
      iccard: '1000000189',
      deptno: '1686638553482330',
      deptname: '研发部',
      startdate: '2022-02-10 00:00:00',
      native: '',
      nation: '',
    });
  });

  it('maps sex from 男/女/未知 and 0/1/2 as numbers or strings', () => {
    expect(['男', '女', '未知', 0, 1, 2, '0', '1', '2', undefined, null, 'x'].map(parseSex)).toEqual([
      'male',
      'female',
      'unknown',
      'unknown',
      'male',
      'female',
      'unknown',
      'male',
      'female',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('turns onlinestatus strings into booleans and keeps numbers as numbers', () => {
    const d = normaliseDevice({
      no: '220114020314C',
      name: 'x',
      ip: '1.2.3.4',
      area: '4楼门口',
      regionname: '默认区域',
      outintype: '1',
      isenableattend: 1,
      onlinestatus: '0',
    });
    expect(d).toEqual({
      no: '220114020314C',
      name: 'x',
      ip: '1.2.3.4',
      area: '4楼门口',
      regionname: '默认区域',
      outintype: 1,
      isenableattend: 1,
      online: false,
    });
    expect(normaliseDevice({ onlinestatus: 1 }).online).toBe(true);
    expect(normaliseDevice({ onlinestatus: '1' }).online).toBe(true);
    expect(normaliseDevice({})).toEqual({ no: '', name: '', ip: '', area: '', regionname: '', outintype: 0, isenableattend: 0, online: false });
  });

  it('reads pages with string totals, JSON-string rows, a bare array, or nothing', () => {
    expect(normalisePage({ total: '56', totalPage: '3', data: [{ no: 'a' }] }, normaliseRegion)).toMatchObject({
      total: 56,
      totalPage: 3,
      rows: [{ no: 'a' }],
    });
    expect(normalisePage(JSON.stringify({ total: 1, totalPage: 1, data: JSON.stringify([{ no: 'b' }]) }), normaliseRegion).rows[0].no).toBe('b');
    expect(normalisePage([{ no: 'c' }], normaliseRegion)).toMatchObject({ total: 1, totalPage: 1 });
    expect(normalisePage(undefined, normaliseRegion)).toEqual({ total: 0, totalPage: 0, rows: [] });
  });

  it('accepts appid for companyno and peoplno for peopleno', () => {
    expect(normaliseRegion({ no: '1', appid: 'C1', isdefault: 1, linkage: '1', manual: '0' })).toEqual({
      no: '1',
      name: '',
      companyno: 'C1',
      parentno: '',
      isdefault: true,
      linkage: true,
      manual: false,
    });
    expect(normalisePassRecord({ peoplno: 'P9', outintype: '1', exceptionmode: '1', group: '10', mode: '6' })).toMatchObject({
      peopleno: 'P9',
      direction: 'in',
      normal: true,
      group: 10,
      mode: 6,
    });
    expect(normalisePassRecord({ peopleno: 'P1', peoplno: 'P2', outintype: 0, exceptionmode: '2' })).toMatchObject({
      peopleno: 'P1',
      direction: 'out',
      normal: false,
    });
  });

  it('reads region people with sex as 0/1/2 and photo as photoUrl', () => {
    const p = normaliseRegionPerson({ no: '1', sex: '1', photo: 'http://x/y.jpg', rolename: 3, entertime: '2026-04-09 16:42:34' });
    expect(p).toMatchObject({ sex: 'male', photoUrl: 'http://x/y.jpg', rolename: '3', entertime: '2026-04-09 16:42:34', deptname: '' });
  });

  it('finds a created number in any shape', () => {
    expect(createdNo({ no: 'N1' })).toBe('N1');
    expect(createdNo({ No: 123 })).toBe('123');
    expect(createdNo('N2')).toBe('N2');
    expect(createdNo('{"no":"N3"}')).toBe('N3');
    expect(createdNo(undefined)).toBe('');
    expect(createdNo({})).toBe('');
  });

  it('never throws on arbitrary rows (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const page = normalisePage(value, normalisePerson);
        expect(Number.isFinite(page.total)).toBe(true);
        for (const row of page.rows) expect(typeof row.name).toBe('string');
        expect(typeof normaliseDevice(value).online).toBe('boolean');
      }),
    );
  });
});
