import { describe, expect, it } from 'vitest';
import { TINY_JPEG } from '../../../src-main/k30/simulator/photos';
import { emptyDraft } from '../../../src-renderer/src/register/draft';
import { draftWithReturning, photoFromBase64, queryKey, returningQuery } from '../../../src-renderer/src/register/returning';
import { kioskLookupOf } from '../../../src-renderer/src/self-service/returning-store';

const host = { no: 'P1', name: '张伟', deptname: '研发部', phoneTail: '' };

describe('returning visitors in the renderer', () => {
  it('looks up only complete numbers: a whole phone (international too) or a document in its format', () => {
    expect(returningQuery({ ...emptyDraft(), phone: '1381234' })).toBeUndefined();
    expect(returningQuery({ ...emptyDraft(), phone: '+44 20 7946 0958' })).toEqual({ phone: '+44 20 7946 0958' });
    expect(returningQuery({ ...emptyDraft(), documentType: 'passport', documentNo: 'E12345678' })).toEqual({ documentNo: 'E12345678' });
    expect(returningQuery({ ...emptyDraft(), documentType: 'other', documentNo: 'abc' })).toBeUndefined();
    expect(queryKey({ phone: 'a' })).not.toBe(queryKey({ documentNo: 'a' }));
  });

  it('one tap fills details, host and a reusable photo, and asks the remember consent again (pre-ticked)', () => {
    const photo = TINY_JPEG.toString('base64');
    const draft = draftWithReturning(emptyDraft(), {
      name: 'Jane',
      phone: '+442079460958',
      documentType: 'passport',
      documentNo: 'E12345678',
      carno: '粤B1',
      host,
      photo,
    });
    expect(draft).toMatchObject({
      name: 'Jane',
      documentType: 'passport',
      documentNo: 'E12345678',
      carno: '粤B1',
      host,
      remember: true,
      rememberPhoto: true,
      internationalPhone: false,
    });
    expect(draft.photo?.base64).toBe(photo);
    const noPhoto = draftWithReturning(emptyDraft(), { name: 'Li', phone: '+85291234567', documentType: 'id-card', documentNo: 'x', carno: '', host });
    expect(noPhoto).toMatchObject({ photo: null, rememberPhoto: false, internationalPhone: true });
  });

  it('reads a remembered photo’s size from the JPEG', () => {
    const photo = photoFromBase64(TINY_JPEG.toString('base64'));
    expect(photo.bytes).toBe(TINY_JPEG.length);
    expect(photo.width).toBeGreaterThan(0);
    expect(photo.height).toBeGreaterThan(0);
  });

  it('the kiosk asks with the full phone and only the last 4 characters of the document', () => {
    expect(kioskLookupOf({ ...emptyDraft(), documentType: 'passport', phone: '+44 20 7946 0958', documentNo: 'e123 45678' })).toEqual({
      phone: '+44 20 7946 0958',
      documentTail: '5678',
    });
    expect(kioskLookupOf({ ...emptyDraft(), phone: '+44 20 7946 0958', documentNo: '11010519491231002X' })).toBeUndefined();
    expect(kioskLookupOf({ ...emptyDraft(), phone: '13812345678', documentNo: '123' })).toBeUndefined();
  });
});
