/**
 * Call and event names and their IPC channels, with no runtime dependency: the sandboxed preload
 * imports only this (never zod or the schemas), which keeps it small. channels-match.ts makes
 * these lists exactly the contract's calls and events at compile time, so they cannot drift.
 */

export const CALL_NAMES = [
  'getSettings',
  'getStatus',
  'saveSettings',
  'verifyAdminPin',
  'setAdminPin',
  'testConnection',
  'testSiteDatabase',
  'findCryptoProfile',
  'searchHosts',
  'listDevices',
  'openDoor',
  'registerVisit',
  'repushVisit',
  'retryRegistration',
  'cancelVisit',
  'listVisits',
  'findReturningVisitor',
  'useReturningVisitor',
  'findMyProfile',
  'searchVisitorProfiles',
  'forgetVisitor',
  'removeVisit',
  'signOutVisit',
  'signOutByCode',
  'removeExpired',
  'listRegions',
  'listRegionPeople',
  'getMuster',
  'getLastMuster',
  'startRollCall',
  'getRollCall',
  'markRollCall',
  'endRollCall',
  'getPhoto',
  'resetSelfServiceSession',
  'leaveSelfServiceMode',
  'getNotificationSettings',
  'saveNotificationSettings',
  'testNotification',
  'getSlipSettings',
  'saveSlipSettings',
  'listPrinters',
  'printSlip',
  'reportRendererError',
  'openDevTools',
  'getActing',
  'signInStaff',
  'signOutStaff',
  'listStaff',
  'addStaff',
  'removeStaff',
  'listAudit',
  'exportAudit',
  'listDenyList',
  'addDenyEntry',
  'removeDenyEntry',
  'importDenyList',
  'exportDenyList',
  'recordExport',
  'createExpectedVisit',
  'listExpectedVisits',
  'importExpectedVisits',
  'getExpectedImportTemplate',
  'checkInExpectedVisit',
  'cancelExpectedVisit',
  'queryVisitLog',
  'exportVisitLog',
  'getVisitPhoto',
  'retakePhoto',
] as const;

export const EVENT_NAMES = ['visitUpdated', 'visitorPassed', 'settingsChanged', 'statusChanged'] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel of a call or event: the only place channel strings are made. */
export const callChannel = (name: CallName) => `kiosk:call:${name}`;
export const eventChannel = (name: EventName) => `kiosk:event:${name}`;
