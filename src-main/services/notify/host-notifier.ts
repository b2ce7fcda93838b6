import type { Language, NotificationFailure, NotificationTest, Visit } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { DurableFile, Logger } from '../ports';
import { note, toPublic, type VisitLedger } from '../visits/ledger';
import type { DenyListHitEvent } from '../main-events';
import { composeMessage, testMessage } from './compose';
import { composeDenyAlert, denyAlertOf } from './deny-alert';
import { deliver } from './deliver';
import { NotificationQueue, type NotificationQueueOptions, type QueuedNotification, type QueueOutcome } from './notification-queue';
import type { NotificationSettingsStore, ResolvedChannel } from './notification-settings';
import type { Verdict } from './platforms';

/** What the notifier needs of the directory (structurally Directory). */
export interface HostDirectory {
  hostContact(no: string): Promise<{ mobile: string; deptname: string } | undefined>;
  listDevices(): Promise<{ no: string; name: string }[]>;
}

export interface HostNotifierDeps {
  settings: NotificationSettingsStore;
  ledger: VisitLedger;
  events: EventBus;
  log: Logger;
  directory: HostDirectory;
  language: () => Language;
  queueFile: DurableFile;
  now?: () => Date;
  backoff?: NotificationQueueOptions['backoff'];
  manual?: boolean;
  timeoutMs?: number;
}

/** Platforms whose group robots can mention a member by mobile number (Feishu's cannot). */
const MENTIONS_BY_MOBILE = new Set(['wecom', 'dingtalk']);

/**
 * Tells the host that their visitor is here: queued when a visit is registered (and, when chosen,
 * at the visitor's first door pass), sent in the background, the outcome kept on the visit.
 * Registration never waits for it and never fails because of it. The same queue tells the
 * reception group when the kiosk turned away a deny-listed person.
 */
export class HostNotifier {
  private constructor(
    private readonly deps: HostNotifierDeps,
    readonly queue: NotificationQueue,
  ) {}

  private get now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  static async create(deps: HostNotifierDeps): Promise<HostNotifier> {
    let notifier: HostNotifier | undefined;
    const queue = await NotificationQueue.open({
      file: deps.queueFile,
      log: deps.log,
      now: deps.now,
      backoff: deps.backoff,
      manual: deps.manual,
      send: (entry) => notifier!.send(entry),
      onOutcome: (entry, outcome) => notifier!.record(entry, outcome),
    });
    notifier = new HostNotifier(deps, queue);
    return notifier;
  }

  /** A visitor exists on K30: queue the host's notification (never throws, never waits for sending). */
  onRegistered(visit: Visit): void {
    void this.queueFor(visit.id, 'visitor.registered').catch((error) =>
      this.deps.log.error(`notifications: visit ${visit.id} could not be queued: ${(error as Error)?.name ?? 'error'}`),
    );
  }

  /** The visitor passed their first door (UploadRecord), when the administrator asked for that too. */
  onFirstPass(visitId: string, doorNo: string): void {
    if (!this.deps.settings.notifyOnFirstPass) return;
    void this.queueFor(visitId, 'visitor.first-pass', doorNo).catch(() =>
      this.deps.log.error(`notifications: first pass of visit ${visitId} could not be queued`),
    );
  }

  /**
   * A deny-list hit: when the self-service kiosk turned someone away, the reception group is told
   * (queued and retried like a host's message; never throws, never waits for sending).
   */
  onDenyListHit(hit: DenyListHitEvent): void {
    const alert = denyAlertOf(hit);
    if (!alert) return;
    const channelId = this.deps.settings.receptionChannel();
    if (!channelId) {
      this.deps.log.warn('notifications: a deny-listed person tried the kiosk, and no channel is set to tell reception');
      return;
    }
    void this.queue
      .enqueue({ channelId, event: 'deny-list.kiosk-hit', alert })
      .catch((error) => this.deps.log.error(`notifications: the reception alert could not be queued: ${(error as Error)?.name ?? 'error'}`));
  }

  /** "Send test message" in Settings: sent now, not queued; the answer says how it went. */
  async test(channelId: string): Promise<NotificationTest> {
    let channel: ResolvedChannel | undefined;
    try {
      channel = this.deps.settings.resolve(channelId);
    } catch {
      return { ok: false, failure: 'secret-unreadable' };
    }
    if (!channel) throw new AppError('not-found', 'this notification channel has no address', 'channelId');
    const verdict = await deliver(channel, testMessage(this.deps.language(), this.now), this.now, this.deps.timeoutMs);
    this.deps.log.info(`notifications: test message via channel ${channelId}: ${verdict.outcome}`);
    return verdict.outcome === 'sent'
      ? { ok: true, status: verdict.status }
      : { ok: false, failure: verdict.reason, ...(verdict.status ? { status: verdict.status } : {}) };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  private async queueFor(visitId: string, event: 'visitor.registered' | 'visitor.first-pass', doorNo?: string): Promise<void> {
    const visit = this.deps.ledger.get(visitId);
    if (!visit) return;
    let dept = visit.host.dept;
    if (!dept) dept = (await this.deps.directory.hostContact(visit.host.no).catch(() => undefined))?.deptname;
    const channelId = this.deps.settings.channelIdFor(dept);
    if (!channelId) return;
    if (event === 'visitor.registered') {
      await this.update(visitId, (r) => {
        r.notification = { state: 'pending', attempts: 0 };
      });
    }
    await this.queue.enqueue({ channelId, visitId, event, ...(doorNo ? { doorNo } : {}) });
  }

  private async send(entry: QueuedNotification): Promise<Verdict> {
    const visit = entry.visitId ? this.deps.ledger.get(entry.visitId) : undefined;
    if (!visit && !entry.alert) return { outcome: 'failed', reason: 'no-channel' };
    let channel: ResolvedChannel | undefined;
    try {
      channel = this.deps.settings.resolve(entry.channelId);
    } catch {
      return { outcome: 'failed', reason: 'secret-unreadable' };
    }
    if (!channel) return { outcome: 'failed', reason: 'no-channel' };
    // A reception alert carries what it says; a host's message is composed from the visit.
    if (entry.alert) return deliver(channel, composeDenyAlert(entry.alert, this.deps.language()), this.now, this.deps.timeoutMs);
    if (!visit) return { outcome: 'failed', reason: 'no-channel' };
    const mobiles: string[] = [];
    if (channel.mentionHost && MENTIONS_BY_MOBILE.has(channel.kind)) {
      // No mention is better than no message: a directory that does not answer only costs the @.
      const mobile = (await this.deps.directory.hostContact(visit.host.no).catch(() => undefined))?.mobile;
      if (mobile) mobiles.push(mobile);
    }
    const doors = new Map((await this.deps.directory.listDevices().catch(() => [])).map((d) => [d.no, d.name]));
    const message = composeMessage({
      visit,
      event: entry.event === 'visitor.first-pass' ? 'visitor.first-pass' : 'visitor.registered',
      language: this.deps.language(),
      doorName: (no) => doors.get(no) || no,
      doorNo: entry.doorNo,
      at: this.now,
      mentionMobiles: mobiles,
    });
    return deliver(channel, message, this.now, this.deps.timeoutMs);
  }

  private async record(entry: QueuedNotification, outcome: QueueOutcome): Promise<void> {
    // A reception alert belongs to no visit: the queue's log line is its record.
    if (!entry.visitId) return;
    const at = this.now.toISOString();
    const failure = (reason: NotificationFailure) => ({ state: 'failed' as const, at, reason, attempts: entry.attempts });
    await this.update(entry.visitId, (r) => {
      if (entry.event === 'visitor.registered') {
        r.notification =
          outcome.state === 'sent'
            ? { state: 'sent', at, attempts: entry.attempts }
            : outcome.state === 'failed'
              ? failure(outcome.reason)
              : { state: 'pending', attempts: entry.attempts };
      }
      if (outcome.state !== 'pending')
        note(r, this.now, outcome.state === 'sent' ? 'host-notified' : 'host-notification-failed', outcome.state === 'failed' ? outcome.reason : entry.event);
    });
  }

  private async update(visitId: string, change: Parameters<VisitLedger['update']>[1]): Promise<void> {
    if (!this.deps.ledger.get(visitId)) return;
    const updated = await this.deps.ledger.update(visitId, change);
    this.deps.events.emit('visitUpdated', toPublic(updated));
  }
}
