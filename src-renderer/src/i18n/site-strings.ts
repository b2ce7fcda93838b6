/**
 * Site mode: stations sharing one visit ledger in a PostgreSQL database. Spread into zh-CN.ts and
 * en.ts, so both languages keep identical keys. Placeholders are {name}.
 */
export const siteZhCN = {
  'disk.site-unreachable': '无法连接站点数据库',
  'status.siteUnreachable': '自 {since} 起无法连接站点数据库：在恢复之前，不能登记新访客，也不会向 K30 发送任何内容。连接恢复后本机会自动继续。',
} as const;

export const siteEn: Record<keyof typeof siteZhCN, string> = {
  'disk.site-unreachable': 'the site database cannot be reached',
  'status.siteUnreachable':
    'Site database unreachable since {since}: until it is back, no visitor can be registered and nothing is sent to K30. This station resumes by itself when the connection returns.',
};
