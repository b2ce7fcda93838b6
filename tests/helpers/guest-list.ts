import { chineseIdCheckDigit } from '../../src-preload/contract';
import { DEMO_DEVICES, DEMO_HOST_NO } from '../../src-main/k30/simulator/seed';

/** Tomorrow as YYYY-MM-DD (local), so imported visits have not ended. */
export function tomorrow(days = 1): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const GUEST_HEADER = '姓名,手机号,证件类型,证件号码,被访人工号,被访人姓名,日期,开始时间,结束时间,门禁设备';

/** The n-th distinct, valid resident ID. */
export function nthId(n: number): string {
  const first17 = `1101011990${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + chineseIdCheckDigit(first17);
}

/** A valid guest-list row for the demo company (distinct phone and ID per n). */
export function guestRow(n: number, day = tomorrow()): string {
  const phone = `139${String(n).padStart(8, '0')}`;
  return `嘉宾${n},${phone},身份证,${nthId(n)},${DEMO_HOST_NO},张伟,${day},09:00,17:00,${DEMO_DEVICES.campusGateIn}`;
}

export function guestCsv(count: number, day = tomorrow()): string {
  return [GUEST_HEADER, ...Array.from({ length: count }, (_, i) => guestRow(i + 1, day))].join('\r\n') + '\r\n';
}
