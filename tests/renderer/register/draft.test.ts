import { describe, expect, it } from 'vitest';
import { DocumentTypeSchema, LIMITS, RegistrationSchema, ValidationCodeSchema } from '../../../src-preload/contract';
import {
  blamedField,
  buildRegistration,
  checkDraftField,
  DOCUMENT_TYPES,
  fieldErrorFromServer,
  editVisitor,
  emptyDraft,
  fieldFromPath,
  setDraftValue,
  stepOfField,
  validateAll,
  validateField,
  validateStep,
  type Draft,
} from '../../../src-renderer/src/register/draft';

const filled = (): Draft => ({
  ...emptyDraft(),
  name: ' 王小明 ',
  phone: '138 1234 5678',
  documentNo: '11010519491231002x',
  host: { no: 'H1', name: '张伟', deptname: '行政部', phoneTail: '1234' },
  begin: '2030-01-01T09:00',
  end: '2030-01-01T11:00',
  photo: { base64: '/9j/4AAQSkZJRgABAQAAAQABAAD', bytes: 100, width: 640, height: 480, quality: 0.92 },
  deviceNos: ['D1', 'D2', 'D1'],
});

describe('registration draft', () => {
  it('checks the mobile number and the ID card checksum', () => {
    const d = filled();
    expect(validateField('phone', d)).toBeUndefined();
    expect(validateField('phone', { ...d, phone: '2381234567' })?.key).toBe('validation.phoneMainland');
    expect(validateField('documentNo', d)).toBeUndefined();
    expect(validateField('documentNo', { ...d, documentNo: '110105194912310021' })?.key).toBe('validation.idChecksum');
    expect(validateField('documentNo', { ...d, documentNo: '1234' })?.key).toBe('validation.idFormat');
    expect(validateField('documentNo', { ...d, documentType: 'passport', documentNo: 'E12345678' })).toBeUndefined();
  });

  it('checks the visit window', () => {
    const d = filled();
    const now = new Date(2029, 0, 1);
    expect(validateStep('visit', d, now)).toEqual({});
    expect(validateField('end', { ...d, end: '2030-01-01T08:00' }, now)?.key).toBe('validation.endBeforeBegin');
    expect(validateField('end', d, new Date(2031, 0, 1))?.key).toBe('validation.endInPast');
  });

  it('an empty draft fails on every required field', () => {
    const errors = validateAll(emptyDraft());
    expect(Object.keys(errors).sort()).toEqual(['begin', 'devices', 'documentNo', 'end', 'host', 'name', 'phone', 'photo'].sort());
  });

  it('builds a registration the contract accepts', () => {
    const reg = buildRegistration(filled());
    expect(RegistrationSchema.safeParse(reg).success).toBe(true);
    expect(reg).toMatchObject({ name: '王小明', phone: '13812345678', documentNo: '11010519491231002X', deviceNos: ['D1', 'D2'], channel: 'reception' });
    expect(reg.begin).toMatch(/^2030-01-01T09:00:00[+-]\d\d:\d\d$/);
    expect('carno' in reg).toBe(false);
  });

  it("editing a field clears its error; another document type clears the number's too", () => {
    const form = {
      draft: filled(),
      fieldErrors: {
        name: { key: 'validation.nameRequired' as const },
        documentNo: { key: 'validation.idFormat' as const },
        host: { key: 'validation.hostRequired' as const },
      },
    };
    const edited = editVisitor(form, { documentType: 'passport' });
    expect(edited.draft.documentType).toBe('passport');
    expect(Object.keys(edited.fieldErrors).sort()).toEqual(['host', 'name']);
    expect(form.fieldErrors.documentNo, 'the old state is left alone').toBeDefined();
    expect(setDraftValue(edited, 'host', null)).toMatchObject({ draft: { host: null }, fieldErrors: { name: { key: 'validation.nameRequired' } } });
    expect(setDraftValue(edited, 'host', null).fieldErrors.host).toBeUndefined();
  });

  it('checks one field on leaving it: shows or clears its error', () => {
    const bad = { draft: { ...filled(), phone: '123' }, fieldErrors: {} };
    expect(checkDraftField(bad, 'phone').fieldErrors.phone?.key).toBe('validation.phoneMainland');
    expect(checkDraftField({ draft: filled(), fieldErrors: { phone: { key: 'validation.phone' as const } } }, 'phone').fieldErrors).toEqual({});
  });

  it('finds the field a failed call blames, in our words', () => {
    expect(blamedField({ code: 'invalid-input', message: 'mobile', field: 'phone' })).toEqual({ field: 'phone', error: { key: 'validation.phone' } });
    expect(blamedField({ code: 'photo-too-large', message: 'too big' })).toEqual({ field: 'photo', error: { key: 'validation.photoInvalid' } });
    expect(blamedField({ code: 'server-refused', message: '手机号已存在' })).toBeUndefined();
    expect(blamedField({ code: 'invalid-input', message: 'x', field: 'nonsense' })).toBeUndefined();
  });

  it('maps contract field paths to wizard fields and steps', () => {
    expect(fieldFromPath('deviceNos.1')).toBe('devices');
    expect(fieldFromPath('hostNo')).toBe('host');
    expect(stepOfField('documentNo')).toBe('visitor');
    expect(stepOfField('host')).toBe('visitor');
    expect(stepOfField('photo')).toBe('photo');
    expect(stepOfField('end')).toBe('visit');
    expect(stepOfField('devices')).toBe('visit');
  });
});

describe('draft rules come from the contract', () => {
  it("offers exactly the contract's document types", () => {
    expect([...DOCUMENT_TYPES]).toEqual(DocumentTypeSchema.options);
  });

  it('accepts a text exactly when the registration schema does, at and around the limit', () => {
    for (const length of [LIMITS.visitText - 1, LIMITS.visitText, LIMITS.visitText + 1]) {
      for (const field of ['name', 'carno', 'reason'] as const) {
        const draft = { ...filled(), deviceNos: ['D1'], [field]: '字'.repeat(length) };
        const draftOk = validateField(field, draft) === undefined;
        const schemaOk = RegistrationSchema.safeParse(buildRegistration(draft)).success;
        expect(draftOk, `${field} × ${length}`).toBe(schemaOk);
        if (!draftOk) expect(validateField(field, draft)).toEqual({ key: 'validation.tooLong', params: { max: LIMITS.visitText } });
      }
    }
  });

  it('maps every code the registration schema raises to its own message, never the generic one', () => {
    for (const code of ['mobile', 'id-checksum', 'end-before-begin', 'duplicate', 'jpeg'] as const) {
      expect(ValidationCodeSchema.options).toContain(code);
      expect(fieldErrorFromServer('name', code).key, code).not.toBe('validation.invalid');
    }
    expect(fieldErrorFromServer('name', 'String must contain at most 50 character(s)')).toEqual({ key: 'validation.invalid' });
  });

  it("the schema's issues carry the codes (a schema message is a code, not words)", () => {
    const draft = { ...filled(), deviceNos: ['D1', 'D1'] };
    const bad = { ...buildRegistration(draft), phone: '12345', deviceNos: ['D1', 'D1'], documentNo: '110105194912310021' };
    const parsed = RegistrationSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const messages = parsed.error.issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining(['phone-mainland', 'duplicate', 'id-checksum']));
    for (const message of messages) expect(ValidationCodeSchema.options).toContain(message);
  });
});
