/** Test people and the demo company's known facts (from the simulator's seed). */
import { chineseIdCheckDigit, isValidChineseId } from '../../../src-preload/contract';
import { DEMO_HOSTS } from '../../../src-main/k30/simulator/seed';
import type { HostChoice, Visitor } from './journey';

/** An 18-digit resident ID with its correct check digit (ISO 7064 MOD 11-2). */
export function idCard(first17: string): string {
  const id = first17 + chineseIdCheckDigit(first17);
  if (!isValidChineseId(id)) throw new Error(`not a valid ID: ${id}`);
  return id;
}

/** The same ID with a wrong check digit. */
export function badChecksum(id: string): string {
  const wrong = '0123456789X'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

/** 张伟 of 研发部, found by typing part of the name (8 people match 伟). */
export const ZHANG_WEI: HostChoice = {
  query: '伟',
  no: DEMO_HOSTS.zhangWei.no,
  name: DEMO_HOSTS.zhangWei.name,
  dept: '研发部',
  phoneTail: DEMO_HOSTS.zhangWei.phone.slice(-4),
};

/** 李娜 of 行政部 (front desk); 6 people match 娜. */
export const LI_NA: HostChoice = {
  query: '娜',
  no: DEMO_HOSTS.liNa.no,
  name: DEMO_HOSTS.liNa.name,
  dept: '行政部',
  phoneTail: DEMO_HOSTS.liNa.phone.slice(-4),
};

export const VISITOR_ZH: Visitor = { name: '王小明', phone: '13912345678', idCard: idCard('44030519900307123'), carno: '粤B12345', reason: '商务洽谈' };
export const VISITOR_EN: Visitor = { name: 'Alice Chen', phone: '13687654321', idCard: idCard('31010419851120456'), reason: 'Interview' };
export const VISITOR_REMOVAL: Visitor = { name: '赵丽', phone: '15012345678', idCard: idCard('11010819920815234') };
export const VISITOR_UNKNOWN: Visitor = { name: '孙悦', phone: '13512345678', idCard: idCard('32010219880610345') };
