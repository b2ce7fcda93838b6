/**
 * Messages about what main refuses to trust or to hand out: signing without an app secret,
 * visit length, self-service limits. Kept beside the main dictionaries and spread into them
 * (zh-CN.ts / en.ts), so both languages keep identical keys. Placeholders are {name}.
 */
export const trustZhCN = {
  'error.app-secret-required': '登记已暂停：尚未填写 App Secret（K30 软件中的「企业编码」）。请管理员在「设置」中填写后重试',
  'error.visit-too-long': '来访时间超过了允许的最长时长：请缩短结束时间；多日来访请管理员在「设置」中调高「最长来访时长」',
  'error.too-many-registrations': '本机登记太频繁：请稍等一分钟再试',

  'app.registrationPaused':
    '登记已暂停：已设置 K30 服务器，但还没有填写 App Secret（K30 软件中的「企业编码」）。请在「设置」中填写；只有 K30 确实以企业编号作为密钥时，才勾选「用企业编号作为签名密钥」。',
  'app.companyNoAsSecret':
    '安全警告：正在用企业编号作为签名密钥。企业编号在每个请求中明文传输，看到请求的人都能伪造请求。请尽快在「设置」中填写 App Secret（企业编码）。',

  'settings.useCompanyNoAsSecret': '用企业编号作为签名密钥（不安全）',
  'settings.useCompanyNoAsSecretHint': '仅当 K30 确实以企业编号作为企业编码时才勾选：企业编号在每个请求中明文传输。未填写 App Secret 且未勾选时，登记暂停。',
  'settings.maxVisitHours': '最长来访时长（小时）',
  'settings.maxVisitHoursHint': '任何登记（前台和自助）都不能超过此时长；多日来访可调高',
  'settings.selfServiceRegistrationsPerMinute': '自助登记每分钟上限',

  'host.optionNoTail': '{name} · {dept}',
  'host.selectedNoTail': '已选择：{name} · {dept}',

  'selfService.error.tooMany': '刚才在这台终端登记的人太多了。请等一分钟后再点「重试」，或到前台登记。',
  'selfService.paused.title': '自助登记暂停使用',
  'selfService.paused.body': '这台终端暂时不能登记。请到前台办理登记，谢谢。',
} as const;

export const trustEn: Record<keyof typeof trustZhCN, string> = {
  'error.app-secret-required':
    'Registration is paused: the app secret (the "企业编码" shown in the K30 software) is not set. Ask an administrator to enter it in Settings, then try again',
  'error.visit-too-long':
    'The visit is longer than allowed: choose an earlier end; for a visit of several days an administrator can raise "Longest visit" in Settings',
  'error.too-many-registrations': 'Too many registrations at this kiosk: please wait a minute and try again',

  'app.registrationPaused':
    'Registration is paused: a K30 server is set but the app secret (the "企业编码" shown in the K30 software) is not. Enter it in Settings; tick "Sign with the company number" only if your K30 really uses the company number as its secret.',
  'app.companyNoAsSecret':
    'Security warning: requests are signed with the company number. It is sent in clear with every request, so anyone who sees one can forge requests. Enter the app secret (企业编码) in Settings as soon as you can.',

  'settings.useCompanyNoAsSecret': 'Sign with the company number (insecure)',
  'settings.useCompanyNoAsSecretHint':
    'Tick only if your K30 really uses the company number as its company code: the company number is sent in clear with every request. With no app secret and this unticked, registration is paused.',
  'settings.maxVisitHours': 'Longest visit (hours)',
  'settings.maxVisitHoursHint': 'No registration (reception or self-service) may be longer; raise it for visits of several days',
  'settings.selfServiceRegistrationsPerMinute': 'Self-registrations per minute (at most)',

  'host.optionNoTail': '{name} · {dept}',
  'host.selectedNoTail': 'Selected: {name} · {dept}',

  'selfService.error.tooMany': 'Many people have just registered at this kiosk. Please wait a minute, then tap "Try again", or register at reception.',
  'selfService.paused.title': 'Self-registration is paused',
  'selfService.paused.body': 'This kiosk cannot register visitors right now. Please register at reception. Thank you.',
};
