import { describe, expect, it } from 'vitest';
import { chineseIdCheckDigit, documentIssue, normalisePhoneInput, phoneIssue, RegistrationSchema, type DocumentType } from '../../src-preload/contract';
import { demoRegistration as registration } from '../helpers/test-data';

/** An 18-character number with the right check character (the resident ID's MOD 11-2). */
const withCheck = (first17: string) => first17 + chineseIdCheckDigit(first17);

describe('phone numbers', () => {
  it('accepts mainland mobiles and landlines with their area code, whatever the document', () => {
    for (const phone of ['13812345678', '138 1234 5678', '010-12345678', '0755-1234567', '021 6123 4567']) {
      expect(phoneIssue(phone, 'id-card'), phone).toBeUndefined();
      expect(phoneIssue(phone, 'passport'), phone).toBeUndefined();
    }
  });

  it('accepts E.164 numbers (+44, +1, +852) with a foreign document, or with the switch', () => {
    for (const phone of ['+44 20 7946 0958', '+1 202-555-0143', '+852 2123 4567', '+85291234567', '0044 20 7946 0958']) {
      expect(phoneIssue(phone, 'passport'), phone).toBeUndefined();
      expect(phoneIssue(phone, 'hk-macau-permit'), phone).toBeUndefined();
      expect(phoneIssue(phone, 'id-card', true), phone).toBeUndefined();
      // A resident ID without the switch: an international number is refused, and the message says why.
      expect(phoneIssue(phone, 'id-card'), phone).toBe('phone-international-off');
    }
    expect(normalisePhoneInput('+44 (20) 7946-0958')).toBe('+442079460958');
  });

  it('refuses numbers of no accepted form, and says "required" when empty', () => {
    expect(phoneIssue('', 'id-card')).toBe('required');
    expect(phoneIssue('   ', 'passport')).toBe('required');
    expect(phoneIssue('2381234567', 'id-card')).toBe('phone-mainland');
    expect(phoneIssue('12345678', 'id-card')).toBe('phone-mainland');
    for (const bad of ['+0123456789', '+12345', '+1234567890123456', '+44 20 7946 095x', '12345']) expect(phoneIssue(bad, 'passport'), bad).toBe('phone-any');
  });
});

describe('documents', () => {
  const ok: [DocumentType, string][] = [
    ['id-card', '11010519491231002X'],
    ['id-card', '11010519491231002x'],
    ['passport', 'E12345678'],
    ['passport', 'EA1234567'],
    ['passport', '123456789'],
    ['passport', 'C01X00T47'],
    ['passport', 'tk 1234567'],
    ['hk-macau-permit', 'H12345678'],
    ['hk-macau-permit', 'M12345678'],
    ['hk-macau-permit', 'H1234567801'],
    ['hk-macau-permit', 'C12345678'],
    ['hk-macau-permit', 'CA1234567'],
    ['taiwan-permit', '01234567'],
    ['taiwan-permit', '1234567890'],
    ['taiwan-permit', 'L12345678'],
    ['hkmt-residence', withCheck('81000019900101123')],
    ['hkmt-residence', withCheck('82000019851231002')],
    ['hkmt-residence', withCheck('83000020000229456')],
    ['foreign-permanent-resident', withCheck('93115619800101001')],
    ['other', '军官证 12345'],
  ];
  it.each(ok)('accepts %s %s', (type, no) => expect(documentIssue(type, no)).toBeUndefined());

  const bad: [DocumentType, string, string][] = [
    ['id-card', '', 'required'],
    ['id-card', '1234', 'id-format'],
    ['id-card', '110105194912310021', 'id-checksum'],
    ['passport', '', 'required'],
    ['passport', 'E12', 'document-format'],
    ['passport', 'ABCDEFGH', 'document-format'],
    ['passport', 'E1234-567!', 'document-format'],
    ['hk-macau-permit', 'H1234567', 'document-format'],
    ['hk-macau-permit', 'X12345678', 'document-format'],
    ['taiwan-permit', '1234567', 'document-format'],
    ['taiwan-permit', 'T12345678', 'document-format'],
    ['hkmt-residence', withCheck('11010519491231002'), 'document-format'],
    ['hkmt-residence', '810000199001011230'.slice(0, 17) + (chineseIdCheckDigit('81000019900101123') === '0' ? '1' : '0'), 'id-checksum'],
    ['hkmt-residence', withCheck('81000019901301123'), 'id-checksum'],
    ['foreign-permanent-resident', withCheck('83115619800101001'), 'document-format'],
    ['foreign-permanent-resident', 'USA110180012345', 'document-format'],
    ['other', '', 'required'],
    ['other', 'x'.repeat(51), 'too-long'],
  ];
  it.each(bad)('refuses %s "%s" (%s)', (type, no, code) => expect(documentIssue(type, no)).toBe(code));
});

describe('the registration schema runs the same checks in main', () => {
  it('accepts a passport holder with a +44 number, and refuses it with a resident ID unless the switch is on', () => {
    const foreign = { ...registration(), documentType: 'passport' as const, documentNo: 'E12345678', phone: '+442079460958' };
    expect(RegistrationSchema.safeParse(foreign).success).toBe(true);
    const resident = { ...registration(), phone: '+442079460958' };
    const refused = RegistrationSchema.safeParse(resident);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['phone'], message: 'phone-international-off' });
    expect(RegistrationSchema.safeParse({ ...resident, internationalPhone: true }).success).toBe(true);
  });

  it('names the field and the code of a bad document', () => {
    const result = RegistrationSchema.safeParse({ ...registration(), documentType: 'hk-macau-permit', documentNo: 'X12345678' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['documentNo', 'document-format']]);
  });
});
