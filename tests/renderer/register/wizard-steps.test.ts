/**
 * The wizard's three steps (visitor & host, photo, visit) in the store: what "Next" checks on each,
 * where an error or a returning visitor lands, and how the review's edit links come back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../../src-preload/contract';
import { TINY_JPEG } from '../../../src-main/k30/simulator/photos';
import { installFakeKiosk } from '../../helpers/fake-kiosk';

const sent: Registration[] = [];
installFakeKiosk({
  registerVisit: async (input: Registration) => {
    sent.push(input);
    return { ok: false, error: { code: 'server-refused', message: 'no' } };
  },
  listVisits: async () => ({ ok: true, value: [] }),
  getSettings: async () => ({ ok: false, error: { code: 'internal', message: '' } }),
});

const { useRegistrationStore } = await import('../../../src-renderer/src/register/store');
const { FORM_STEPS } = await import('../../../src-renderer/src/register/draft');

const host = { no: 'H1', name: '张伟', deptname: '研发部', phoneTail: '8001' };
const photo = { base64: TINY_JPEG.toString('base64'), bytes: TINY_JPEG.length, width: 480, height: 640, quality: 0.9 };
const store = () => useRegistrationStore.getState();

function typeVisitor() {
  store().update({ name: '王小明', phone: '13912345678', documentNo: '11010519491231002X' });
}

describe('the wizard steps', () => {
  beforeEach(() => {
    sent.length = 0;
    store().reset();
  });

  it('has three form steps: visitor & host, photo, visit (time, doors, review)', () => {
    expect(FORM_STEPS).toEqual(['visitor', 'photo', 'visit']);
  });

  it('the first step asks for the host with the visitor: Next stays, focused on the host', () => {
    typeVisitor();
    store().next();
    expect(store().step).toBe('visitor');
    expect(store().fieldErrors.host?.key).toBe('validation.hostRequired');
    expect(store().focusRequest?.target).toBe('host');
    store().setHost(host);
    store().next();
    expect(store().step).toBe('photo');
    store().setPhoto(photo);
    store().next();
    expect(store().step).toBe('visit');
  });

  it('submitting without a door stays on the visit step, the door list focused, nothing sent', async () => {
    typeVisitor();
    store().setHost(host);
    store().setPhoto(photo);
    store().goTo('visit');
    store().initWindow();
    store().initDevices([{ no: 'D1', name: '南门', area: '', regionname: '', direction: 'in', online: true }]);
    expect(store().draft.deviceNos).toEqual([]);
    await store().submit();
    expect(store().step).toBe('visit');
    expect(store().fieldErrors.devices?.key).toBe('validation.devicesRequired');
    expect(store().focusRequest?.target).toBe('devices');
    expect(store().returnToReview).toBe(false);
    expect(sent).toEqual([]);
  });

  it('submitting without a photo goes back to the photo step, and its Next returns to the visit step', async () => {
    typeVisitor();
    store().setHost(host);
    store().goTo('visit');
    store().initWindow();
    store().setDevices(['D1']);
    await store().submit();
    expect(store().step).toBe('photo');
    expect(store().focusRequest?.target).toBe('photo');
    expect(store().returnToReview).toBe(true);
    store().setPhoto(photo);
    store().next();
    expect(store().step).toBe('visit');
    expect(sent).toEqual([]);
  });

  it("the review's edit link to the visitor step comes straight back, past the photo", () => {
    typeVisitor();
    store().setHost(host);
    store().setPhoto(photo);
    store().goTo('visit');
    store().goTo('visitor', true);
    expect(store().returnToReview).toBe(true);
    store().update({ carno: '粤B12345' });
    store().next();
    expect(store().step).toBe('visit');
    expect(store().returnToReview).toBe(false);
  });

  it('Back walks the steps in order', () => {
    store().goTo('visit');
    store().back();
    expect(store().step).toBe('photo');
    store().back();
    expect(store().step).toBe('visitor');
  });

  it('a returning visitor with host and photo lands on the visit step (only the doors left)', () => {
    store().applyReturning({ name: 'Jane', phone: '+442079460958', documentType: 'passport', documentNo: 'E12345678', carno: '', host, photo: photo.base64 });
    expect(store().step).toBe('visit');
    expect(store().returnToReview).toBe(false);
    expect(store().focusRequest?.target).toBe('devices');
  });

  it('a returning visitor without a kept photo lands on the photo step, whose Next returns to the visit step', () => {
    store().applyReturning({ name: 'Jane', phone: '+442079460958', documentType: 'passport', documentNo: 'E12345678', carno: '', host });
    expect(store().step).toBe('photo');
    expect(store().returnToReview).toBe(true);
  });
});
