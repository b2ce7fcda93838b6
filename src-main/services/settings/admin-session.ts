import { AppError } from '../app-error';

/** How long a verified admin PIN keeps the admin calls open, renewed by each of them. */
export const ADMIN_SESSION_MS = 15 * 60_000;

/**
 * The admin PIN session main keeps: opened by a verified PIN, renewed by each admin call, shut
 * after ADMIN_SESSION_MS. Shared by every handler that wants the PIN (settings, full phone numbers).
 */
export class AdminSession {
  private until = 0;

  constructor(
    private readonly settings: { hasPin(): boolean },
    private readonly now: () => number = Date.now,
  ) {}

  open(): void {
    this.until = this.now() + ADMIN_SESSION_MS;
  }

  /** A PIN is set and was given within the session time. */
  get isOpen(): boolean {
    return this.settings.hasPin() && this.now() < this.until;
  }

  /** For admin calls: passes (and renews) when no PIN is set or the session is open. */
  require(): void {
    if (this.settings.hasPin() && this.now() >= this.until) throw new AppError('pin-required', 'Unlock with the admin PIN first');
    this.open();
  }
}
