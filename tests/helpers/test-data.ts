import { chineseIdCheckDigit, type ExpectedVisitInput, type Registration } from '../../src-preload/contract';
import { TINY_JPEG } from '../../src-main/k30/simulator/photos';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../src-main/k30/simulator/seed';
import { maskDocument, maskPhone, type VisitRecord } from '../../src-main/services/visits/ledger';

/** An 18-digit resident ID with a correct check digit. */
export function residentId(first17 = '11010119900307123'): string {
  return first17 + chineseIdCheckDigit(first17);
}

/** Waits for something that happens asynchronously (a callback, a sweep), failing after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A valid registration with the demo company's host 张伟, begun a minute ago and lasting
 * `durationMs`; each test overrides what it is about.
 */
export function demoRegistration(over: Partial<Registration> = {}, durationMs = 3600_000): Registration {
  const begin = new Date(Date.now() - 60_000);
  return {
    name: '访客',
    phone: '13812345678',
    documentType: 'id-card',
    documentNo: residentId(),
    hostNo: DEMO_HOST_NO,
    hostName: '张伟',
    begin: begin.toISOString(),
    end: new Date(begin.getTime() + durationMs).toISOString(),
    photo: TINY_JPEG.toString('base64'),
    deviceNos: [DEMO_DEVICES.campusGateIn, DEMO_DEVICES.buildingBIn],
    channel: 'reception',
    ...over,
  };
}

/** A visit expected with the demo company's host 张伟 (a passport holder), from a minute ago for `durationMs`; each test overrides what it is about. */
export function expectedVisitInput(over: Partial<ExpectedVisitInput> = {}, durationMs = 3600_000): ExpectedVisitInput {
  const reg = demoRegistration({ name: '预约访客', phone: '13911112222', documentType: 'passport', documentNo: 'E11112222' }, durationMs);
  const { name, phone, documentType, documentNo, hostNo, hostName, begin, end } = reg;
  return { name, phone, documentType, documentNo, hostNo, hostName, begin, end, deviceNos: [DEMO_DEVICES.campusGateIn], ...over };
}

/** The ledger record a process writes just before visitor/Create (as if it then crashed). */
export function intentRecord(id: string, reg: Registration): VisitRecord {
  const at = new Date().toISOString();
  return {
    id,
    state: 'intent',
    channel: reg.channel,
    visitor: {
      name: reg.name,
      phoneMasked: maskPhone(reg.phone),
      documentType: reg.documentType,
      documentMasked: maskDocument(reg.documentNo),
      carno: '',
      reason: '',
    },
    host: { no: reg.hostNo, name: reg.hostName },
    begin: reg.begin,
    end: reg.end,
    devices: reg.deviceNos.map((no) => ({ no, state: 'waiting' as const })),
    history: [{ at, event: 'intent' }],
    createdAt: at,
    private: { phone: reg.phone, documentNo: reg.documentNo, photo: reg.photo },
  };
}
