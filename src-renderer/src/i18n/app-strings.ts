/**
 * Messages of the app shell: title, banners, navigation, the language button, in both languages. Spread into
 * zh-CN.ts / en.ts; `Record<keyof typeof …ZhCN, string>` keeps the English keys identical.
 * Placeholders are written {name}.
 */
export const appZhCN = {
  'app.title': 'K30 访客登记',
  'app.loading': '正在加载…',
  'app.loadFailed': '无法读取应用设置。',
  'app.demoBanner': '演示模式：未配置 K30 服务器，正在使用内置模拟服务器',
  'app.notConfigured': '尚未配置 K30 服务器：请在「设置」中填写服务器地址、企业编号和密钥。',
  'app.skipToContent': '跳到主要内容',

  'nav.label': '主导航',
  'nav.register': '登记',
  'nav.visits': '访客',
  'nav.devices': '设备',
  'nav.settings': '设置',
  'nav.security': '安保',
  'nav.selfService': '自助模式',
  'nav.registrationPending': '有未完成的登记',

  'lang.button': 'English',
  'lang.buttonTitle': '切换界面语言为英文',
} as const;

export const appEn: Record<keyof typeof appZhCN, string> = {
  'app.title': 'K30 Visitor Registration',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not read the app settings.',
  'app.demoBanner': 'Demo mode: no K30 server is configured; the built-in simulated server is in use',
  'app.notConfigured': 'No K30 server is configured yet: enter the server address, company number and keys in Settings.',
  'app.skipToContent': 'Skip to main content',

  'nav.label': 'Main navigation',
  'nav.register': 'Register',
  'nav.visits': 'Visits',
  'nav.devices': 'Devices',
  'nav.settings': 'Settings',
  'nav.security': 'Security',
  'nav.selfService': 'Self-service',
  'nav.registrationPending': 'A registration is not finished',

  'lang.button': '中文',
  'lang.buttonTitle': 'Switch the interface to Simplified Chinese',
};
