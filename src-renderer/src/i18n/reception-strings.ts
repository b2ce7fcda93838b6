/**
 * Messages of the reception screens at desk sizes (1366×768, 1280×720): the door devices' offline
 * warnings and the app's own date-time field. Spread into zh-CN.ts / en.ts (identical keys).
 */
export const receptionZhCN = {
  'devicesPage.confirmOffline': '这台设备目前离线：开门指令很可能到达不了设备，门也不会打开。',
} as const;

export const receptionEn: Record<keyof typeof receptionZhCN, string> = {
  'devicesPage.confirmOffline': 'This device is offline: the open command will probably not reach it, and the door will not open.',
};
