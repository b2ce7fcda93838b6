/**
 * Policies of an unattended kiosk, as pure functions: may the window close, should a dead or hung
 * renderer be reloaded (without looping forever), and the Linux autostart entry.
 */

export interface CloseState {
  /** Self-service (kiosk) mode is on: a visitor is at the screen. */
  selfServiceMode: boolean;
  /** The OS is shutting down or the user session ends (powerMonitor 'shutdown', 'session-end'). */
  osShuttingDown: boolean;
}

/** Alt+F4, the window's close or a stray quit are refused while a visitor could press them. */
export function closeAllowed(state: CloseState): boolean {
  return !state.selfServiceMode || state.osShuttingDown;
}

/**
 * Reloads after a renderer crash or hang, at most `max` within `windowMs`: a page that crashes on
 * load must not spin the CPU forever (then it stays on the crash, and the log says so).
 */
export class ReloadBudget {
  private readonly times: number[] = [];
  constructor(
    private readonly max = 5,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(): boolean {
    const t = this.now();
    while (this.times.length > 0 && t - this.times[0] > this.windowMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(t);
    return true;
  }
}

/** A renderer that went away on its own (not killed for a normal close) is reloaded. */
export function reloadAfterGone(reason: string): boolean {
  return reason !== 'clean-exit';
}

export interface AutostartEntry {
  name: string;
  /** The command to start (the AppImage path when run from one, else the executable). */
  exec: string;
  comment?: string;
}

/** The freedesktop autostart entry (~/.config/autostart/NAME.desktop). */
export function xdgAutostartEntry(entry: AutostartEntry): string {
  // Desktop Entry Exec: quote the path when it has spaces; escape quotes and backslashes inside.
  const exec = /[\s"\\$`]/.test(entry.exec) ? `"${entry.exec.replace(/(["\\$`])/g, '\\$1')}"` : entry.exec;
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${entry.name}`,
    ...(entry.comment ? [`Comment=${entry.comment}`] : []),
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
