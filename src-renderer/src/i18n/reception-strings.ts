/**
 * Messages of the reception screens at desk sizes (1366×768, 1280×720): the door devices' offline
 * warnings and the app's own date-time field. Spread into zh-CN.ts / en.ts (identical keys).
 */
export const receptionZhCN = {
  'devicesPage.confirmOffline': '这台设备目前离线：开门指令很可能到达不了设备，门也不会打开。',
  'datetime.day': '日期',
  'datetime.hour': '时',
  'datetime.minute': '分',
  'datetime.today': '今天',
  'datetime.tomorrow': '明天',
  'serviceText.appStopped': '登记进行中时应用停止了：服务器上可能有、也可能没有这位访客。',
  'serviceText.mayRemain': '已放弃（结果未知）：K30 上可能留有一条未下发的访客记录，请在 K30 软件中删除。',
  'serviceText.noNumber': '服务器创建了访客，但没有返回访客编号：无法从这里下发或删除，请在 K30 软件中处理。',
  'serviceText.noVisitorNumber': '没有访客编号，无法下发',
  'serviceText.pushFailed': '下发到门禁失败。详细信息：{message}',
} as const;

export const receptionEn: Record<keyof typeof receptionZhCN, string> = {
  'devicesPage.confirmOffline': 'This device is offline: the open command will probably not reach it, and the door will not open.',
  'datetime.day': 'Day',
  'datetime.hour': 'Hour',
  'datetime.minute': 'Minute',
  'datetime.today': 'Today',
  'datetime.tomorrow': 'Tomorrow',
  'serviceText.appStopped': 'The app stopped while registering: the server may or may not have this visitor.',
  'serviceText.mayRemain': 'Abandoned with its outcome unknown: K30 may hold an unpushed visitor for it, to be deleted in the K30 software.',
  'serviceText.noNumber':
    'The server created the visitor but returned no visitor number: it cannot be pushed or removed from here. Finish it in the K30 software.',
  'serviceText.noVisitorNumber': 'No visitor number: cannot be pushed',
  'serviceText.pushFailed': 'Push to the doors failed. Details: {message}',
};
