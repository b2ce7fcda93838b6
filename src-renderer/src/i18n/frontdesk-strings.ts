/**
 * The front desk's everyday work: foreign visitors' phones and documents, returning visitors and
 * their profiles, duplicate visits. Spread into zh-CN.ts / en.ts, so both languages keep the same keys.
 */
export const frontdeskZhCN = {
  'doc.hkmt-residence': '港澳台居民居住证',
  'doc.foreign-permanent-resident': '外国人永久居留身份证',

  'validation.phoneRequired': '必填：请填写电话号码',
  'validation.documentRequired': '必填：请填写证件号码',
  'validation.phoneMainland': '请填写 11 位手机号，或带区号的座机号（如 010-12345678）；境外号码请勾选「境外号码」',
  'validation.phoneInternationalOff': '以 + 开头的是境外号码：请勾选「境外号码」，或选择访客实际持有的证件类型',
  'validation.phoneAny': '请填写手机号、带区号的座机号，或以「+国家代码」开头的境外号码（如 +44 20 7946 0958，共 6–15 位数字）',
  'validation.doc.passport': '护照号码应为 5–17 位字母和数字（如 E12345678、EA1234567）',
  'validation.doc.hk-macau-permit': '回乡证为 H 或 M 加 8 位数字（旧证另加 2 位）；往来港澳通行证为 C 加 8 位（如 C12345678、CA1234567）',
  'validation.doc.taiwan-permit': '台胞证为 8 位数字（旧证 10 位）；往来台湾通行证为 L 加 8 位数字',
  'validation.doc.hkmt-residence': '港澳台居民居住证为 18 位，以 81（香港）、82（澳门）或 83（台湾）开头',
  'validation.doc.foreign-permanent-resident': '外国人永久居留身份证（2023 版）为 18 位，以 9 开头，最后一位是数字或 X',
  'validation.doc.other': '格式不正确：请检查后重试',

  'settings.profileRetentionDays': '回访访客资料保留天数',
  'settings.profileRetentionHint': '仅保存访客本人同意「下次记住我」的资料，自最后一次来访起计算；0 = 不保存',
  'settings.profilePhotoDays': '回访访客照片可重复使用天数',

  'returning.offer': '回访访客：{name}，上次来访 {date}，被访人 {host}（点此填入）',
  'returning.notThem': '不是此人',
  'returning.kioskOffer': '欢迎再次光临，{name}！这次还是拜访 {host} 吗？点此填入',
  'returning.remember': '访客同意：下次记住我（姓名、电话、证件、车牌和被访人，保存 {days} 天）',
  'returning.rememberPhoto': '访客另外同意保存照片，{days} 天内再来无需重拍',
  'settings.profiles.title': '回访访客资料',
  'settings.profiles.search': '按姓名、完整电话或证件号查找',
  'settings.profiles.none': '没有保存的回访访客资料',
  'settings.profiles.row': '{name} · {phone} · 上次来访 {date} · 被访人 {host}',
  'settings.profiles.forget': '删除此访客资料（{name}）',
  'settings.profiles.forgotten': '已删除 {name} 的资料和照片',

  'error.duplicate-visit': '此访客已有一个进行中或即将开始的来访（证件号或电话相同）：请打开该来访、延长它，或确认仍然登记',
  'duplicate.title': '此访客已有来访',
  'duplicate.body': '{name}：{begin} 至 {end}，被访人 {host}。',
  'duplicate.open': '打开该来访',
  'duplicate.extend': '延长该来访（按本次时间重新登记，并结束原来访）',
  'duplicate.anyway': '仍然登记',
  'duplicate.extendFailed': '已按本次时间登记，但原来访未能结束：请在「访客记录」中签离原来访',

  'visitor.internationalPhone': '境外号码',
  'visitor.phoneHintAny': '手机、带区号的座机，或「+国家代码」开头的境外号码',
  'visitor.docHint.passport': '护照上的号码，字母和数字',
  'visitor.docHint.hk-macau-permit': '如 H12345678、M12345678、C12345678',
  'visitor.docHint.taiwan-permit': '如 01234567（台胞证）、L12345678',
  'visitor.docHint.hkmt-residence': '18 位，以 810000、820000 或 830000 开头',
  'visitor.docHint.foreign-permanent-resident': '18 位，以 9 开头',
} as const;

export const frontdeskEn: Record<keyof typeof frontdeskZhCN, string> = {
  'doc.hkmt-residence': 'HK/Macau/Taiwan residence permit',
  'doc.foreign-permanent-resident': "Foreigner's permanent residence ID card",

  'validation.phoneRequired': 'Required: enter a phone number',
  'validation.documentRequired': 'Required: enter the document number',
  'validation.phoneMainland':
    'Enter an 11-digit mobile number or a landline with its area code (e.g. 010-12345678); for a number abroad tick "International number"',
  'validation.phoneInternationalOff':
    'A number starting with + is international: tick "International number", or choose the document the visitor actually holds',
  'validation.phoneAny':
    'Enter a mobile number, a landline with its area code, or an international number with + and the country code (e.g. +44 20 7946 0958; 6–15 digits)',
  'validation.doc.passport': 'A passport number has 5–17 letters and digits (e.g. E12345678, EA1234567)',
  'validation.doc.hk-macau-permit':
    'A Home Return Permit is H or M and 8 digits (older cards 2 more); an Exit-Entry Permit to HK/Macau is C and 8 characters (e.g. C12345678, CA1234567)',
  'validation.doc.taiwan-permit': 'A Taiwan compatriot permit has 8 digits (older cards 10); an Exit-Entry Permit to Taiwan is L and 8 digits',
  'validation.doc.hkmt-residence': 'A HK/Macau/Taiwan residence permit has 18 digits starting with 81 (HK), 82 (Macau) or 83 (Taiwan)',
  'validation.doc.foreign-permanent-resident': 'The permanent residence ID card (2023) has 18 characters starting with 9; the last is a digit or X',
  'validation.doc.other': 'Not in the right format: check it, then retry',

  'settings.profileRetentionDays': 'Keep returning-visitor profiles for (days)',
  'settings.profileRetentionHint': 'Only for visitors who said "remember me for next time"; counted from their last visit; 0 = never kept',
  'settings.profilePhotoDays': "Reuse a returning visitor's photo for (days)",

  'returning.offer': 'Returning visitor: {name}, last visit {date}, host {host} (tap to fill in)',
  'returning.notThem': 'Not this person',
  'returning.kioskOffer': 'Welcome back, {name}! Visiting {host} again? Tap to fill in',
  'returning.remember': 'The visitor agrees: remember me for next time (name, phone, document, plate and host, kept {days} days)',
  'returning.rememberPhoto': 'The visitor also agrees to keep the photo (no new photo within {days} days)',
  'settings.profiles.title': 'Returning visitors',
  'settings.profiles.search': 'Find by name, full phone or document number',
  'settings.profiles.none': 'No returning visitors are remembered',
  'settings.profiles.row': '{name} · {phone} · last visit {date} · host {host}',
  'settings.profiles.forget': 'Forget this visitor ({name})',
  'settings.profiles.forgotten': '{name} and their photo were deleted',

  'error.duplicate-visit': 'This visitor already has an active or upcoming visit (same document or phone): open it, extend it, or register anyway',
  'duplicate.title': 'This visitor already has a visit',
  'duplicate.body': '{name}: {begin} to {end}, host {host}.',
  'duplicate.open': 'Open that visit',
  'duplicate.extend': 'Extend it (register with these times and end the earlier visit)',
  'duplicate.anyway': 'Register anyway',
  'duplicate.extendFailed': 'Registered with these times, but the earlier visit could not be ended: end it on the Visits page',

  'visitor.internationalPhone': 'International number',
  'visitor.phoneHintAny': 'Mobile, landline with area code, or + country code for a number abroad',
  'visitor.docHint.passport': 'The number on the passport: letters and digits',
  'visitor.docHint.hk-macau-permit': 'e.g. H12345678, M12345678, C12345678',
  'visitor.docHint.taiwan-permit': 'e.g. 01234567 (compatriot permit), L12345678',
  'visitor.docHint.hkmt-residence': '18 digits starting with 810000, 820000 or 830000',
  'visitor.docHint.foreign-permanent-resident': '18 characters starting with 9',
} as const;
