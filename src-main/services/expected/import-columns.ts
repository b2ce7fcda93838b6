import type { DocumentType, Language } from '../../../src-preload/contract';

/** The template's columns, in order. `required` columns must be in the header row. */
export const IMPORT_COLUMNS = [
  { key: 'name', required: true, 'zh-CN': '姓名', en: 'Name' },
  { key: 'phone', required: false, 'zh-CN': '手机号', en: 'Phone' },
  { key: 'documentType', required: false, 'zh-CN': '证件类型', en: 'Document type' },
  { key: 'documentNo', required: false, 'zh-CN': '证件号码', en: 'Document number' },
  { key: 'carno', required: false, 'zh-CN': '车牌号', en: 'Car plate' },
  { key: 'reason', required: false, 'zh-CN': '来访事由', en: 'Reason' },
  { key: 'hostNo', required: true, 'zh-CN': '被访人工号', en: 'Host number' },
  { key: 'hostName', required: false, 'zh-CN': '被访人姓名', en: 'Host name' },
  { key: 'date', required: true, 'zh-CN': '日期', en: 'Date' },
  { key: 'from', required: true, 'zh-CN': '开始时间', en: 'From' },
  { key: 'to', required: true, 'zh-CN': '结束时间', en: 'To' },
  { key: 'endDate', required: false, 'zh-CN': '结束日期', en: 'End date' },
  { key: 'doors', required: false, 'zh-CN': '门禁设备', en: 'Doors' },
] as const;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s_*（）()]/g, '')
    .toLowerCase();

/** A header cell in either language (or the key itself), to its column; undefined if unknown. */
export function columnOf(header: string): ColumnKey | undefined {
  const h = squash(header);
  if (h === '') return undefined;
  return IMPORT_COLUMNS.find((c) => [c.key, c['zh-CN'], c.en].some((name) => squash(name) === h))?.key;
}

export function headerRow(language: Language): string[] {
  return IMPORT_COLUMNS.map((c) => c[language]);
}

/** Document types as people write them, in either language. */
const DOCUMENT_ALIASES: Record<DocumentType, string[]> = {
  'id-card': ['id-card', '身份证', '居民身份证', 'id card', 'resident id'],
  passport: ['passport', '护照'],
  'hk-macau-permit': ['hk-macau-permit', '港澳通行证', '往来港澳通行证', '港澳居民来往内地通行证', 'hk/macau permit'],
  'taiwan-permit': ['taiwan-permit', '台湾通行证', '台胞证', '台湾居民来往大陆通行证', 'taiwan permit'],
  'hkmt-residence': ['hkmt-residence', '港澳台居民居住证', '居住证', 'hkmt residence permit'],
  'foreign-permanent-resident': ['foreign-permanent-resident', '外国人永久居留身份证', '永居证', 'permanent residence id'],
  other: ['other', '其他', '其它'],
};

export function documentTypeOf(value: string): DocumentType | undefined {
  const v = squash(value);
  for (const [type, aliases] of Object.entries(DOCUMENT_ALIASES) as [DocumentType, string[]][]) {
    if (aliases.some((alias) => squash(alias) === v)) return type;
  }
  return undefined;
}

/** The names the template's help sheet lists, per language. */
export const DOCUMENT_TYPE_NAMES: Record<Language, string[]> = {
  'zh-CN': ['身份证', '护照', '港澳通行证', '台湾通行证', '其他'],
  en: ['id-card', 'passport', 'hk-macau-permit', 'taiwan-permit', 'other'],
};
