import { describeError } from '../k30/protocol/describe-error';
import type { AppStatus, RendererError, Visit } from '../../src-preload/contract';

import type { ApiHandlers } from './api-types';
import { AppError } from './app-error';
import { base64Bytes } from './photo-size';
import type { ClockSkewReport } from './callbacks/clock-skew';
import type { ClientProvider } from './connection/client-provider';
import type { Directory } from './directory';
import type { PhotoProxy } from './presence/photo-proxy';
import type { RollCallService } from './presence/roll-call';
import type { PresenceService } from './presence/presence-service';
import { AdminSession } from './settings/admin-session';
import { settingsHandlers } from './settings/settings-handlers';
import type { SettingsService } from './settings/settings-service';
import { toPublic, type VisitLedger } from './visits/ledger';
import type { RegistrationService } from './visits/registration';
import type { RemovalSweeper } from './visits/removal';
import { PhotoRetakeService } from './visits/photo-retake';
import type { UnsavedFacts } from './visits/unsaved-facts';
import type { SelfServiceSession } from './self-service-session';
import { profileHandlers } from './personal-data/profile-handlers';
import type { VisitorProfiles } from './personal-data/visitor-profiles';
import type { Logger } from './ports';
import type { SignOutService } from './visits/sign-out';
import type { HostNotifier } from './notify/host-notifier';
import { notificationHandlers } from './notify/notification-handlers';
import type { NotificationSettingsStore } from './notify/notification-settings';
import type { SlipService } from './slip/slip-service';
import { adminHandlers, type AdminHandlerDeps } from './admin-handlers';
import { frontDeskHandlers } from './frontdesk-handlers';
import type { ExpectedVisitService } from './expected/expected-service';
import type { MatchKeys } from './personal-data/match-key';

export interface ApiHandlerDeps {
  settings: SettingsService;
  clients: ClientProvider;
  isDemo: () => boolean;
  setSelfServiceMode?: (on: boolean) => void;
  openDevTools?: () => boolean;
  /** Where a renderer's crash report goes (main's log). */
  onRendererError?: (report: RendererError) => void;
  ledger: VisitLedger;
  registration: RegistrationService;
  removal: RemovalSweeper;
  signOut: SignOutService;
  notifications: NotificationSettingsStore;
  notifier: HostNotifier;
  slips: SlipService;
  presence: PresenceService;
  rollCall: RollCallService;
  photos: PhotoProxy;
  directory: Directory;
  facts: UnsavedFacts;
  /** The kiosk's current visitor: which visits' events its window may receive. */
  selfServiceSession?: SelfServiceSession;
  /** The admin PIN session (made here when not given). */
  adminSession?: AdminSession;
  /** Genuine callbacks refused lately because the K30 server's clock and ours disagree. */
  clockSkew?: () => ClockSkewReport | undefined;
  /** Returning visitors who consented to be remembered. */
  profiles: VisitorProfiles;
  log: Logger;
  /** Who is acting, the audit log and the deny list. */
  admin: Omit<AdminHandlerDeps, 'adminSession'>;
  /** Expected visits (pre-registration) and the keys the visit log searches numbers by. */
  expected: ExpectedVisitService;
  matchKeys: MatchKeys;
}

/**
 * What getStatus reports: problems found at start, a ledger that cannot be written, K30 results
 * not yet saved, and a K30 server whose clock disagrees with ours.
 */
export function appStatus(ledger: VisitLedger, facts: UnsavedFacts, clockSkew?: ClockSkewReport): AppStatus {
  const unwritable = ledger.writeProblem?.problem;
  const since = ledger.writeProblem?.at;
  return {
    ledgerProblems: ledger.problems.map(({ kind, setAside, at }) => ({ kind, setAside, at })),
    ...(unwritable ? { ledgerUnwritable: unwritable, ...(since ? { ledgerUnwritableSince: since } : {}) } : {}),
    unsaved: facts.list(),
    ...(clockSkew ? { clockSkew } : {}),
  };
}

export { base64Bytes } from './photo-size';

/** Newest first: what the reception screen wants on top. */
function newestFirst(a: Visit, b: Visit): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

/**
 * Every contract call, mapped to the service that does it. Input has been validated by the
 * dispatcher; errors thrown here are AppError or K30 errors, which the dispatcher translates.
 */
export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const { settings, clients, ledger, registration, removal, presence, rollCall, photos, directory, selfServiceSession } = deps;
  const selfService = () => settings.values.selfServiceMode;
  const session = deps.adminSession ?? new AdminSession(settings);
  const retake = new PhotoRetakeService({ ledger, registration, removal, log: deps.log });
  const photoFits = (photo: string) => {
    if (base64Bytes(photo) > settings.values.photoMaxKB * 1024)
      throw new AppError('photo-too-large', `the photo is larger than ${settings.values.photoMaxKB} KB`, 'photo');
  };
  return {
    ...profileHandlers(deps.profiles, session),
    ...settingsHandlers({
      settings,
      clients,
      isDemo: deps.isDemo,
      setSelfServiceMode: deps.setSelfServiceMode,
      openDevTools: deps.openDevTools,
      session,
      isAdminPin: (pin) => deps.admin.identity.isAdminPin(pin),
    }),
    ...adminHandlers({ ...deps.admin, adminSession: session }),

    ...notificationHandlers({ store: deps.notifications, notifier: deps.notifier, session }),

    getSlipSettings: async () => deps.slips.settings(),
    async saveSlipSettings(patch) {
      session.require();
      return deps.slips.save(patch);
    },
    listPrinters: () => deps.slips.listPrinters(),
    printSlip: ({ paper }) => deps.slips.print(paper),

    getStatus: async () => appStatus(ledger, deps.facts, deps.clockSkew?.()),

    searchHosts: ({ query }) => (selfService() ? directory.searchHostsForVisitor(query) : directory.searchHosts(query)),
    listDevices: () => directory.listDevices(),
    async openDoor({ deviceNo }) {
      await clients.get().openDoor(deviceNo);
      return true as const;
    },

    async registerVisit(input) {
      // Self-service has no member of staff to vouch for consent: the visitor's own is required.
      if (input.channel === 'kiosk' && !input.consent) throw new AppError('invalid-input', 'consent is required at the self-service kiosk', 'consent');
      photoFits(input.photo);
      const visit = await registration.register(input, selfService() ? (id) => selfServiceSession?.claim(id) : undefined);
      // Remembered only with the visitor's own consent, and only once K30 has the visit.
      if (input.remember) {
        await deps.profiles
          .remember(input, input.remember.photo)
          .catch((error: unknown) => deps.log.warn(`visitor profiles: could not remember visit ${visit.id}: ${describeError(error)}`));
      }
      return visit;
    },
    async resetSelfServiceSession() {
      selfServiceSession?.reset();
      return true as const;
    },
    repushVisit: ({ visitId, deviceNos }) => registration.repush(visitId, deviceNos),
    // Reception only (not in the self-service guard's list): a door refused the photo.
    async retakePhoto(input) {
      photoFits(input.photo);
      return retake.retake(input);
    },
    // The contract requires duplicateRiskAccepted: true, so staff were warned before this is sent.
    retryRegistration: ({ visitId }) => registration.retryRegistration(visitId),
    cancelVisit: ({ visitId }) => registration.cancelVisit(visitId),
    listVisits: async () => ledger.all().map(toPublic).sort(newestFirst),
    removeVisit: ({ visitId }) => removal.removeVisit(visitId),
    removeExpired: () => removal.removeExpired(),
    signOutVisit: ({ visitId }) => deps.signOut.signOut(visitId, 'staff'),
    signOutByCode: ({ code }) => deps.signOut.signOutByCode(code),

    listRegions: () => presence.listRegions(),
    listRegionPeople: (query) => presence.listRegionPeople(query),
    getMuster: (query) => presence.getMuster(query),
    getLastMuster: (query) => presence.lastMuster(query),
    startRollCall: (query) => rollCall.start(query),
    getRollCall: ({ phones }) => rollCall.current(phones),
    markRollCall: (query) => rollCall.mark(query),
    endRollCall: async () => {
      await rollCall.end();
      return true as const;
    },
    getPhoto: ({ url }) => photos.getPhoto(url),

    ...frontDeskHandlers({ expected: deps.expected, ledger, matchKeys: deps.matchKeys, adminSession: session }),

    async reportRendererError(report) {
      deps.onRendererError?.(report);
      return true as const;
    },
  };
}
