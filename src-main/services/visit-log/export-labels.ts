import type { DocumentType, Language, VisitState } from '../../../src-preload/contract';

/** The exported file's words (a file leaves the app, so main writes it in the user's language). */
export const EXPORT_COLUMNS: Record<Language, string[]> = {
  'zh-CN': ['登记时间', '姓名', '手机号', '证件类型', '证件号码', '车牌号', '来访事由', '被访人', '开始', '结束', '状态', '门禁设备'],
  en: ['Registered', 'Name', 'Phone', 'Document type', 'Document number', 'Car plate', 'Reason', 'Host', 'From', 'To', 'Status', 'Doors'],
};

export const EXPORT_STATES: Record<Language, Record<VisitState, string>> = {
  'zh-CN': {
    intent: '正在保存',
    'create-unknown': '结果未知',
    'create-failed': '登记失败',
    created: '已创建',
    'created-without-no': '已创建（无编号）',
    pushed: '已下发',
    'removal-pending': '待删除',
    removed: '已删除',
    cancelled: '已取消',
    abandoned: '已放弃（K30 上可能残留）',
  },
  en: {
    intent: 'Saving',
    'create-unknown': 'Outcome unknown',
    'create-failed': 'Registration failed',
    created: 'Created',
    'created-without-no': 'Created (no number)',
    pushed: 'Pushed',
    'removal-pending': 'Removal pending',
    removed: 'Removed',
    cancelled: 'Cancelled',
    abandoned: 'Abandoned (may remain on K30)',
  },
};

export const EXPORT_DOCUMENTS: Record<Language, Record<DocumentType, string>> = {
  'zh-CN': {
    'id-card': '身份证',
    passport: '护照',
    'hk-macau-permit': '港澳通行证',
    'taiwan-permit': '台湾通行证',
    'hkmt-residence': '港澳台居民居住证',
    'foreign-permanent-resident': '外国人永久居留身份证',
    other: '其他',
  },
  en: {
    'id-card': 'ID card',
    passport: 'Passport',
    'hk-macau-permit': 'HK/Macau permit',
    'taiwan-permit': 'Taiwan permit',
    'hkmt-residence': 'HK/Macau/Taiwan residence permit',
    'foreign-permanent-resident': 'Foreign permanent residence ID',
    other: 'Other',
  },
};

export const EXPORT_SHEET: Record<Language, string> = { 'zh-CN': '访问记录', en: 'Visit log' };
