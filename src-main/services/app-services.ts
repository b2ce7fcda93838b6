import { describeError } from '../k30/protocol';
import { join } from 'node:path';
import { resolveCredentials, type ResolvedCredentials } from '../k30/protocol';
import { appStatus, createApiHandlers } from './api-handlers';
import { CallbackReceiver, visitCallbackHandlers } from './callbacks/callback-receiver';
import { ClientProvider } from './connection/client-provider';
import { DemoMode } from './demo-mode';
import { atomicFile } from './durable-file';
import { Directory } from './directory';
import { EventBus } from './event-bus';
import { guardSelfServiceMode } from './self-service-guard';
import { SelfServiceSession } from './self-service-session';
import { visitWindowPolicy } from './visits/visit-window';
import { PhotoProxy } from './presence/photo-proxy';
import { MusterArchive } from './presence/muster-archive';
import { PresenceService } from './presence/presence-service';
import { RollCallService } from './presence/roll-call';
import { AdminSession } from './settings/admin-session';
import { lazyMatchKeys, matchKeysWith } from './personal-data/match-key';
import { VisitorProfiles } from './personal-data/visitor-profiles';
import type { ChangedKey } from './settings/settings-service';
import { SettingsService } from './settings/settings-service';
import { toPublic, VisitLedger } from './visits/ledger';
import { siteLedgerBackend } from './visits/pg/site-ledger';
import { siteBox, siteMatchKeyHex } from './visits/pg/site-seal';
import { SiteAuditStore } from './visits/pg/site-audit';
import { AuditFileStore } from './audit/audit-file-store';
import { RegistrationService } from './visits/registration';
import { RemovalSweeper } from './visits/removal';
import { SignOutService } from './visits/sign-out';
import { HostNotifier } from './notify/host-notifier';
import { NotificationSettingsStore } from './notify/notification-settings';
import { SlipService } from './slip/slip-service';
import { UnsavedFacts } from './visits/unsaved-facts';
import { AuditLog } from './audit/audit-log';
import { auditCalls } from './audit/audited-calls';
import { DenyList } from './deny-list/deny-list';
import { denyScreen } from './deny-list/deny-screen';
import { IdentityService } from './identity/identity-service';
import { MainEvents } from './main-events';
import { ExpectedVisitStore } from './expected/expected-store';
import { ExpectedVisitService } from './expected/expected-service';

import type { AppServices, AppServicesOptions } from './app-services-types';

export type { AppServices, AppServicesOptions };

/** Settings whose change means another server: caches of its answers are no longer valid. */
const CONNECTION_KEYS = new Set<ChangedKey>(['server', 'companyno', 'useCompanyNoAsSecret', 'appSecret', 'aesKey', 'aesIv', 'profile']);

/**
 * The composition root: builds every main-process service over the given ports, in an order
 * where nothing is used before it exists, and wires settings changes to the parts that follow
 * them. Free of Electron, so tests and the browser harness run the very same services.
 */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const { dataDir, store, secretBox, log } = opts;
  const now = opts.now ?? (() => new Date());
  const events = new EventBus((error, name) => log.error(`event ${name}: a listener failed: ${describeError(error)}`));
  const settings = new SettingsService(store, secretBox, log);
  const site = settings.siteDatabaseSettingsOrUnreadable();
  const siteBackend = site && siteLedgerBackend(site, log, now);
  // One match key for the whole site, or this install's own.
  const matchKeys = site?.siteKey ? matchKeysWith(siteMatchKeyHex(site.siteKey)) : lazyMatchKeys(store, secretBox);
  const mainEvents = new MainEvents((error, name) => log.error(`main event ${name}: a listener failed: ${describeError(error)}`));
  const identity = new IdentityService({ settings, store, log, now: () => now().getTime() });
  // In site mode the audit log is the site's: the security office reads every desk's.
  const audit = new AuditLog({ store: siteBackend ? new SiteAuditStore(siteBackend.pool) : new AuditFileStore(join(dataDir, 'audit')), log, now });

  const demo = new DemoMode(log, opts.now, opts.demoControlPlane === true);
  // Site mode: never the demo (its made-up visits would land in the site's shared ledger).
  if (settings.values.server === '' && !site) await demo.start();
  const clients = new ClientProvider(settings, { demo: () => demo.current(), log, now });
  const client = () => clients.get();

  const ledger = await VisitLedger.open({ dataDir, log, now, disk: opts.disk, box: secretBox, backend: siteBackend });
  // In site mode the deny list is the site's (read after the ledger has brought the schema up to date).
  const siteDenyFile = siteBackend?.documents.document('deny-list');
  const denyList = await DenyList.open({ file: siteDenyFile ?? atomicFile(join(dataDir, 'deny-list.json')), matchKeys, log, now });
  siteDenyFile?.onChange(() => void denyList.reload());
  // Other stations' changes reach this station's screens like its own.
  const remoteSubscription = ledger.onRemoteChange(({ record }) => record && events.emit('visitUpdated', toPublic(record)));
  // In site mode remembered visitors are the site's, their numbers sealed with the site key.
  const profiles = await VisitorProfiles.open({
    dir: join(dataDir, 'visitor-profiles'),
    ...(siteBackend ? { store: siteBackend.profiles } : {}),
    box: site?.siteKey ? siteBox(site.siteKey) : secretBox,
    keys: matchKeys,
    log,
    now,
    retentionDays: () => settings.values.profileRetentionDays,
    photoDays: () => settings.values.profilePhotoDays,
  });
  const facts = new UnsavedFacts({ ledger, log, now, retryMs: opts.unsavedRetryMs });
  const selfService = () => settings.values.selfServiceMode;
  const selfServiceSession = new SelfServiceSession(selfService);
  const visitWindow = visitWindowPolicy({
    selfService,
    defaultVisitMinutes: () => settings.values.defaultVisitMinutes,
    maxVisitHours: () => settings.values.maxVisitHours,
  });
  const notifications = new NotificationSettingsStore(store, secretBox, log);
  const slips = new SlipService(store, log, opts.slipPrinter);
  settings.setHostNotificationConfigured(() => notifications.isConfigured());
  const directory = new Directory({ client, now: () => now().getTime() });
  const notifier = await HostNotifier.create({
    settings: notifications,
    ledger,
    events,
    log,
    directory,
    language: () => settings.values.language,
    queueFile: atomicFile(join(dataDir, 'notification-queue.json')),
    now,
    ...opts.notificationQueue,
  });
  mainEvents.on('denyListHit', (hit) => notifier.onDenyListHit(hit));
  const screen = denyScreen({ denyList, identity, audit, events: mainEvents, isSelfServiceMode: selfService, now });
  // What registration and removal both work with: the ledger, K30, and what they tell.
  const visitWork = { ledger, client, events, log, now, facts };
  const registration = new RegistrationService({
    ...visitWork,
    visitWindow,
    matchKeys,
    screen,
    onRegistered: (visit) => notifier.onRegistered(visit),
  });
  const removal = new RemovalSweeper({
    ...visitWork,
    intervalMs: opts.sweepIntervalMs,
    retentionDays: () => settings.values.retentionDays,
    // Ended visits the app removed on its own: the system acted.
    onSwept: (visitId, outcome) =>
      audit.note({ actor: identity.system(), action: 'removed', outcome: outcome === 'removed' ? 'ok' : 'failed', visitId, detail: 'visit ended' }),
  });
  const signOut = new SignOutService({ ledger, removal, events, log, now });
  // The banner follows the disk: a K30 result held or saved, the ledger (un)writable.
  // …and a K30 server whose callbacks are refused for their time (the receiver is made below).
  let clockSkew: () => ReturnType<CallbackReceiver['clockSkew']> = () => undefined;
  const announceStatus = () => events.emit('statusChanged', appStatus(ledger, facts, clockSkew()));
  const statusSubscriptions = [facts.onChange(announceStatus), ledger.onWritableChange(announceStatus)];
  facts.start();
  const adminSession = new AdminSession(settings, () => now().getTime());
  const musterArchive = new MusterArchive({ file: atomicFile(join(dataDir, 'muster-last-known.sealed')), box: secretBox, log });
  const presence = new PresenceService({
    client,
    ledger,
    now,
    doors: async () => new Map((await directory.listDevices()).map((d) => [d.no, { name: d.name, regionname: d.regionname }])),
    // The administrator's session, or a member of staff signed in as security or admin.
    fullPhonesAllowed: () => adminSession.isOpen || identity.signedInAs(['admin', 'security']),
    archive: musterArchive,
  });
  const rollCall = new RollCallService({
    presence,
    listFile: atomicFile(join(dataDir, 'roll-call-list.sealed')),
    marksFile: atomicFile(join(dataDir, 'roll-call-marks.sealed')),
    box: secretBox,
    now,
    fullPhonesAllowed: () => adminSession.isOpen || identity.signedInAs(['admin', 'security']),
  });
  const expectedStore = await ExpectedVisitStore.open({ dataDir, log, now, disk: opts.disk });
  const expected = new ExpectedVisitService({
    store: expectedStore,
    box: secretBox,
    keys: matchKeys,
    registration,
    log,
    now,
    maxVisitHours: () => settings.values.maxVisitHours,
    defaultDeviceNos: () => settings.values.defaultDeviceNos,
    retentionDays: () => settings.values.retentionDays,
    photoMaxKB: () => settings.values.photoMaxKB,
    knownDevices: async () => new Set((await directory.listDevices()).map((d) => d.no)),
  });
  // No-shows expire (their sealed numbers go) even when nobody opens the list.
  const expirySweep = setInterval(
    () => void expected.sweep().catch((error) => log.warn(`expected visits: sweep failed: ${describeError(error)}`)),
    opts.sweepIntervalMs ?? 60_000,
  );
  expirySweep.unref?.();
  const photos = new PhotoProxy({ server: () => settings.values.server || demo.current()?.url });

  /** Callbacks are checked against the connection in use right now (secrets opened per message). */
  function currentCredentials(): ResolvedCredentials | undefined {
    try {
      const credentials = settings.values.server === '' ? demo.current()?.credentials : settings.connectionSettings().credentials;
      return credentials && resolveCredentials(credentials);
    } catch {
      return undefined;
    }
  }
  const visitCallbacks = visitCallbackHandlers({ ledger, events, log, now });
  const callbacks = new CallbackReceiver({
    credentials: currentCredentials,
    handlers: {
      ...visitCallbacks,
      // Any door pass, a visitor's or not, changes who is inside: drop the security view's cache.
      UploadRecord: async (data) => {
        const peopleNo = String(data.peopleNo ?? '');
        const visitBefore = peopleNo === '' ? undefined : ledger.findByK30No(peopleNo);
        await presence
          .applyPass({
            peopleNo,
            peopleName: String(data.peopleName ?? ''),
            departmentName: String(data.departmentName ?? ''),
            deviceNo: String(data.deviceNo ?? ''),
            direction: String(data.outinType) === '0' ? 'out' : 'in',
            addTime: String(data.addTime ?? ''),
            visitor: String(data.recogMode) === '6' || (peopleNo !== '' && ledger.findByK30No(peopleNo) !== undefined),
          })
          .catch((error) => log.warn(`presence: a door pass could not be applied: ${describeError(error)}`));
        const answer = await visitCallbacks.UploadRecord(data);
        // The visitor's first door: the host may want to know that too (a setting).
        const after = visitBefore && ledger.get(visitBefore.id);
        if (visitBefore && !visitBefore.lastPassAt && after?.lastPassAt) notifier.onFirstPass(visitBefore.id, String(data.deviceNo ?? ''));
        return answer;
      },
    },
    log,
    now,
    // Signatures of accepted callbacks outlive a restart, so none is acted on twice.
    replayFile: atomicFile(join(dataDir, 'callback-replay.json')),
    onClockSkew: () => announceStatus(),
  });
  clockSkew = () => callbacks.clockSkew();

  /**
   * The receiver listens where settings say (only on that host). In demo mode with no address set
   * it listens on loopback and the simulator posts to it, so pushes get confirmed as with a real
   * server that was given our URL.
   */
  async function configureCallbacks(): Promise<void> {
    const address = settings.values.callbackAddress;
    const demoActive = clients.isDemo();
    try {
      await callbacks.setAddress(address || (demoActive ? '127.0.0.1:0' : ''));
    } catch (error) {
      log.error(`callback receiver could not listen on ${address}: ${describeError(error)}`);
    }
    demo.setCallbackUrl(demoActive ? callbacks.url : undefined);
  }

  const purgeProfiles = () => profiles.purgeExpired().catch((error) => log.error(`visitor profiles: purge failed: ${describeError(error)}`));
  const profilePurge = setInterval(() => void purgeProfiles(), 3600_000);
  profilePurge.unref?.();

  let closed = false;
  let changes: Promise<void> = Promise.resolve();
  const unsubscribe = settings.onChange((changed) => {
    // Kiosk mode turned on or off: whatever the window saw before is not the new visitor's.
    if (changed.includes('selfServiceMode')) selfServiceSession.reset();
    // A shorter retention (or 0) deletes what it no longer allows now, not at the next purge.
    if (changed.includes('profileRetentionDays') || changed.includes('profilePhotoDays')) void purgeProfiles();
    if (changed.some((key) => CONNECTION_KEYS.has(key))) {
      directory.clearCache();
      presence.clearCache();
      photos.clearCache();
    }
    const announce = () => events.emit('settingsChanged', settings.publicSettings(clients.isDemo()));
    if (changed.includes('server') || changed.includes('callbackAddress')) {
      changes = changes
        .then(async () => {
          if (settings.values.server === '') await demo.start();
          else await demo.close();
          await configureCallbacks();
        })
        // Demo mode may have started or stopped meanwhile: say so.
        .then(() => (closed ? undefined : announce()))
        .catch((error) => log.error(`settings change: ${describeError(error)}`));
    }
    announce();
  });

  // A channel set or cleared changes what the kiosk's done screen may promise.
  const unsubscribeNotifications = notifications.onChange(() => events.emit('settingsChanged', settings.publicSettings(clients.isDemo())));

  await configureCallbacks();

  const allHandlers = createApiHandlers({
    facts,
    settings,
    clients,
    isDemo: () => clients.isDemo(),
    setSelfServiceMode: opts.onSelfServiceModeChange,
    openDevTools: opts.openDevTools,
    onRendererError: (report) => log.error(`renderer (${report.source}): ${report.message}${report.stack ? `\n${report.stack}` : ''}`),
    ledger,
    registration,
    removal,
    signOut,
    notifications,
    notifier,
    slips,
    presence,
    rollCall,
    photos,
    directory,
    selfServiceSession,
    adminSession,
    clockSkew: () => callbacks.clockSkew(),
    profiles,
    log,
    admin: { identity, audit, denyList },
    expected,
    matchKeys,
  });
  const handlers = guardSelfServiceMode(auditCalls(allHandlers, { audit, identity, settings }), {
    isSelfServiceMode: selfService,
    defaultDeviceNos: () => settings.values.defaultDeviceNos,
    registrationsPerMinute: () => settings.values.selfServiceRegistrationsPerMinute,
    now: () => now().getTime(),
  });

  // Talks to the server, so it must not hold up the window: visits cut short by the last exit are
  // resumed (an unknown create is only marked, never re-sent), then ended visits are removed. The
  // sweeper starts even when resuming fails (a disk that refuses writes): resume is tried again.
  let resumeRetry: ReturnType<typeof setTimeout> | undefined;
  const resume = async (): Promise<void> => {
    try {
      await registration.resume();
    } catch (error) {
      log.error(`start-up: resume failed, will try again: ${describeError(error)}`);
      if (!closed) resumeRetry = setTimeout(() => void resume(), opts.resumeRetryMs ?? 30_000);
      resumeRetry?.unref?.();
    }
  };
  // Audit days past their retention go, whole days only: at start and then hourly.
  const purgeAudit = () =>
    void audit.purge(settings.values.auditRetentionDays).catch((error) => log.error(`audit: retention purge failed: ${describeError(error)}`));
  purgeAudit();
  const auditPurge = setInterval(purgeAudit, opts.auditPurgeMs ?? 3_600_000);
  auditPurge.unref?.();

  const ready = (async () => {
    await resume();
    if (!closed) await removal.start();
  })().catch((error) => log.error(`start-up: ${describeError(error)}`));

  return {
    handlers,
    settings,
    notifications,
    notifier,
    matchKeys,
    events,
    mainEvents,
    identity,
    audit,
    denyList,
    profiles,
    onWindowEvent(name, listener) {
      return events.on(name, (payload) => {
        const allowed = selfServiceSession.forWindow(name, payload);
        if (allowed !== undefined) listener(allowed);
      });
    },
    ledger,
    get demo() {
      const target = clients.isDemo() ? demo.current() : undefined;
      return target && { url: target.url };
    },
    get callbackUrl() {
      return callbacks.url;
    },
    ready,
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      unsubscribeNotifications();
      clearTimeout(resumeRetry);
      clearInterval(profilePurge);
      clearInterval(auditPurge);
      clearInterval(expirySweep);
      for (const off of statusSubscriptions) off();
      remoteSubscription();
      facts.stop();
      await ready;
      await removal.stop();
      await changes.catch(() => {});
      await callbacks.close();
      await musterArchive.flush();
      await notifier.close();
      clients.dispose();
      await ledger.close().catch(() => {});
      await audit.idle();
      await expectedStore.flush();
      await demo.close();
    },
  };
}
