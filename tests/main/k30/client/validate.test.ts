/** Checking a request before it is sent: per-call rules, device lists. */
import { describe, expect, it } from 'vitest';
import { K30ValidationError } from '../../../../src-main/k30/client/errors';
import { CALL_RULES, checkDeviceNos, validateRequest } from '../../../../src-main/k30/client/validate';
import { isValidPhoto } from '../../../../src-main/k30/client/photo';
import { PATHS } from '../../../../src-main/k30/client/paths';

const JPEG_B64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64');

describe('validate', () => {
  const visitor = {
    name: '李四',
    phone: '13800138000',
    staffno: 'S1',
    begintime: '2025-06-01 09:00:00',
    endtime: '2025-06-01 11:00:00',
    idcard: '110101199003070011',
  };

  it('accepts a good visitor', () => {
    expect(() => validateRequest(PATHS.visitorCreate, visitor)).not.toThrow();
  });

  it.each(['name', 'phone', 'staffno', 'begintime', 'endtime', 'idcard'])('names the missing required field %s', (field) => {
    const data: Record<string, unknown> = { ...visitor };
    delete data[field];
    expect(() => validateRequest(PATHS.visitorCreate, data)).toThrowError(expect.objectContaining({ field, problem: 'is required' }));
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, [field]: '  ' })).toThrow(K30ValidationError);
  });

  it('checks vendor lengths from the one table', () => {
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, name: 'x'.repeat(51) })).toThrowError(/name is longer than 50/);
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, name: '字'.repeat(50) })).not.toThrow();
    expect(() => validateRequest(PATHS.departmentCreate, { name: 'd', remark: 'r'.repeat(100) })).not.toThrow();
    expect(() => validateRequest(PATHS.departmentCreate, { name: 'd', remark: 'r'.repeat(101) })).toThrowError(/remark/);
    expect(() => validateRequest(PATHS.peopleList, { pageindex: 1, pagesize: 1, name: 'n'.repeat(33) })).toThrowError(/name is longer than 32/);
    expect(CALL_RULES[PATHS.deviceUpdate].area.max).toBe(100);
  });

  it('checks date formats and order', () => {
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, begintime: '2025-06-01T09:00:00' })).toThrowError(
      expect.objectContaining({ field: 'begintime' }),
    );
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, endtime: '2025-02-30 09:00:00' })).toThrowError(
      expect.objectContaining({ field: 'endtime' }),
    );
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, endtime: visitor.begintime })).toThrowError(/endtime must be after begintime/);
    const records = { pageindex: 1, pagesize: 10, startdate: '2025-06-01', effdate: '2025-06-30' };
    expect(() => validateRequest(PATHS.recordList, records)).not.toThrow();
    expect(() => validateRequest(PATHS.recordList, { ...records, effdate: '2025-07-01' })).toThrowError(/same month/);
    expect(() => validateRequest(PATHS.recordList, { ...records, startdate: '2025-06-01 00:00:00' })).toThrowError(
      expect.objectContaining({ field: 'startdate' }),
    );
    expect(() => validateRequest(PATHS.recordList, { ...records, startdate: '2025-06-30', effdate: '2025-06-01' })).toThrowError(
      expect.objectContaining({ field: 'effdate' }),
    );
  });

  it('checks pwd, page numbers, enums and the sync target', () => {
    const person = { name: 'n', deptno: 'd', jobnumber: 'j' };
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '123456' })).not.toThrow();
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '1234567' })).toThrowError(expect.objectContaining({ field: 'pwd' }));
    expect(() => validateRequest(PATHS.peopleCreate, { ...person, pwd: '12a4' })).toThrowError(expect.objectContaining({ field: 'pwd' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 0, pagesize: 10 })).toThrowError(expect.objectContaining({ field: 'pageindex' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1, pagesize: 1001 })).toThrowError(expect.objectContaining({ field: 'pagesize' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1.5, pagesize: 10 })).toThrowError(expect.objectContaining({ field: 'pageindex' }));
    expect(() => validateRequest(PATHS.deviceList, { pageindex: 1, pagesize: 1000 })).not.toThrow();
    expect(() => validateRequest(PATHS.recordList, { pageindex: 1, pagesize: 1, startdate: '2025-06-01', effdate: '2025-06-01', group: 5 })).toThrowError(
      expect.objectContaining({ field: 'group' }),
    );
    expect(() => validateRequest(PATHS.deviceDoorMode, { deviceno: 'D', mode: 3 })).toThrowError(expect.objectContaining({ field: 'mode' }));
    expect(() => validateRequest(PATHS.peopleSync, { no: 'P' })).toThrowError(expect.objectContaining({ field: 'device_nos' }));
    expect(() => validateRequest(PATHS.peopleSync, { no: 'P', deptno: 'D' })).not.toThrow();
  });

  it('checks device lists', () => {
    expect(checkDeviceNos('deviceNos', ['A', 'B'], 'c')).toEqual(['A', 'B']);
    expect(() => checkDeviceNos('deviceNos', [], 'c', { required: true })).toThrowError(expect.objectContaining({ field: 'deviceNos' }));
    expect(() => checkDeviceNos('deviceNos', ['A', ''], 'c')).toThrowError(/empty/);
    expect(() => checkDeviceNos('deviceNos', ['A,B'], 'c')).toThrowError(/comma or space/);
    expect(() => checkDeviceNos('deviceNos', ['A B'], 'c')).toThrowError(/comma or space/);
    expect(() => checkDeviceNos('deviceNos', ['A', 'A'], 'c')).toThrowError(/twice/);
    const many = Array.from({ length: 40 }, (_, i) => `DEVICE${String(i).padStart(8, '0')}`);
    expect(() => checkDeviceNos('deviceNos', many, 'c', { maxJoined: 512 })).toThrowError(/512/);
    expect(() => validateRequest(PATHS.visitorSync, { no: 'V', devicenos: 'A,,B' })).toThrowError(expect.objectContaining({ field: 'devicenos' }));
  });

  it('checks photos: Base64 (with or without data: prefix) or an http(s) URL', () => {
    expect(isValidPhoto(JPEG_B64)).toBe(true);
    expect(isValidPhoto(`data:image/jpeg;base64,${JPEG_B64}`)).toBe(true);
    expect(isValidPhoto('https://cdn.example.com/a.jpg')).toBe(true);
    expect(isValidPhoto('ftp://x/a.jpg')).toBe(false);
    expect(isValidPhoto('not base64!')).toBe(false);
    expect(isValidPhoto('abc')).toBe(false);
    expect(isValidPhoto(`data:text/plain;base64,${JPEG_B64}`)).toBe(false);
    expect(() => validateRequest(PATHS.visitorCreate, { ...visitor, photo: '%%%' })).toThrowError(expect.objectContaining({ field: 'photo' }));
  });

  it('never repeats the value in its message', () => {
    try {
      validateRequest(PATHS.visitorCreate, { ...visitor, idcard: 'SECRET-ID-'.repeat(10) });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });
});
