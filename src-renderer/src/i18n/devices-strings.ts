/**
 * Messages of the devices page and the door checklist, in both languages. Spread into
 * zh-CN.ts / en.ts; `Record<keyof typeof …ZhCN, string>` keeps the English keys identical.
 * Placeholders are written {name}.
 */
export const devicesZhCN = {
  'devices.loading': '正在读取门禁设备…',
  'devices.empty': '没有门禁设备：请检查服务器配置后点「刷新」',
  'devices.online': '在线',
  'devices.offline': '离线',
  'devices.in': '进',
  'devices.out': '出',
  'devices.selectRegion': '全选「{region}」',
  'devices.clearRegion': '清除「{region}」',
  'devices.noDefaults': '尚未设置默认门禁，因此没有预先勾选：请勾选本次访客可以通行的门（或「全选在线门禁」），并请管理员在“设置”中选择默认门禁。',
  'devices.bulkLabel': '全部门禁',
  'devices.selectAllOnline': '全选在线门禁（{count} 台）',
  'devices.clearAll': '全部取消',
  'devices.noRegion': '未分区域',
  'devices.selectedCount': '已选择 {count} 台设备',
  'devices.offlineWarning': '已选择的设备中有 {count} 台离线：访客信息可能无法下发到这些设备。设备恢复后，可在「访客」中重新下发',
  'devices.offlineHint': '离线：可能无法下发',

  'devicesPage.title': '门禁设备',
  'devicesPage.name': '设备',
  'devicesPage.region': '区域',
  'devicesPage.direction': '方向',
  'devicesPage.status': '状态',
  'devicesPage.action': '操作',
  'devicesPage.openDoor': '开门',
  'devicesPage.openDoorFor': '开门：{name}',
  'devicesPage.confirmTitle': '确定远程打开「{name}」吗？',
  'devicesPage.confirmBody': '门将立即打开。请确认门口有人需要通行。',
  'devicesPage.opened': '已向「{name}」发送开门指令',
} as const;

export const devicesEn: Record<keyof typeof devicesZhCN, string> = {
  'devices.loading': 'Reading door devices…',
  'devices.empty': 'No door devices: check the server configuration, then press “Refresh”',
  'devices.online': 'Online',
  'devices.offline': 'Offline',
  'devices.in': 'In',
  'devices.out': 'Out',
  'devices.selectRegion': 'Select all in “{region}”',
  'devices.clearRegion': 'Clear “{region}”',
  'devices.noDefaults':
    'No default doors are set, so none is ticked: tick the doors this visitor may use (or “Select all online doors”), and ask the administrator to choose the default doors in Settings.',
  'devices.bulkLabel': 'All doors',
  'devices.selectAllOnline': 'Select all online doors ({count})',
  'devices.clearAll': 'Clear all',
  'devices.noRegion': 'No region',
  'devices.selectedCount': '{count|# device|# devices} selected',
  'devices.offlineWarning':
    '{count|# of the selected devices is|# of the selected devices are} offline: the visitor may not reach them. When they are back, push again from Visits',
  'devices.offlineHint': 'Offline: push may fail',

  'devicesPage.title': 'Door devices',
  'devicesPage.name': 'Device',
  'devicesPage.region': 'Region',
  'devicesPage.direction': 'Direction',
  'devicesPage.status': 'Status',
  'devicesPage.action': 'Action',
  'devicesPage.openDoor': 'Open door',
  'devicesPage.openDoorFor': 'Open door: {name}',
  'devicesPage.confirmTitle': 'Open “{name}” remotely?',
  'devicesPage.confirmBody': 'The door opens at once. Make sure someone at the door needs to pass.',
  'devicesPage.opened': 'Open command sent to “{name}”',
};
