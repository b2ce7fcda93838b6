/**
 * Messages of status notices shown on every page (ledger, clock skew), in both languages. Spread into
 * zh-CN.ts / en.ts; `Record<keyof typeof …ZhCN, string>` keeps the English keys identical.
 * Placeholders are written {name}.
 */
export const statusZhCN = {
  'status.ledger.corrupt': '本地访客记录文件损坏，已另存为 {path}，请联系管理员恢复。',
  'status.ledger.invalid-records': '本地访客记录文件中有部分记录无法读取，原文件已另存为 {path}，请联系管理员恢复。',
  'status.clockSkew.server-ahead':
    'K30 服务器的时间比本机快 {minutes} 分钟，门禁确认因时间不符已被拒收 {count} 条。请校准两边的时间（例如使用同一时间服务器）。',
  'status.clockSkew.server-behind':
    'K30 服务器的时间比本机慢 {minutes} 分钟，门禁确认因时间不符已被拒收 {count} 条。请校准两边的时间（例如使用同一时间服务器）。',
} as const;

export const statusEn: Record<keyof typeof statusZhCN, string> = {
  'status.ledger.corrupt': 'The local visit records file is damaged; it was set aside as {path}. Please contact the administrator to recover it.',
  'status.ledger.invalid-records':
    'Some records in the local visit records file could not be read; the file was copied to {path}. Please contact the administrator to recover them.',
  'status.clockSkew.server-ahead':
    "The K30 server's clock is {minutes} minutes ahead of this PC's: {count} door confirmations were refused for their time. Set both clocks right (e.g. the same time server).",
  'status.clockSkew.server-behind':
    "The K30 server's clock is {minutes} minutes behind this PC's: {count} door confirmations were refused for their time. Set both clocks right (e.g. the same time server).",
};
