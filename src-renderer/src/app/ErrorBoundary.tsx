import { Component, type ReactNode } from 'react';
import { reportRendererError } from './error-report';

/** How long the calm "restarting" screen shows before the app is loaded again. */
export const RESTART_DELAY_MS = 3000;

/**
 * The page is loaded again from scratch after the calm screen: the stores may hold what broke
 * the screen (drawing them again would only break it again). Main keeps everything that matters
 * (visits, settings); a self-service kiosk starts at its welcome screen with the visitor forgotten.
 */
export function restartSoon(): ReturnType<typeof setTimeout> {
  return setTimeout(() => window.location.reload(), RESTART_DELAY_MS);
}

/**
 * Never a white screen: a render error shows a calm restarting screen (both languages, no store
 * needed), is reported to main's log, and after a moment the page is loaded again.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    reportRendererError('boundary', error);
    clearTimeout(this.timer);
    this.timer = restartSoon();
  }

  componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  render(): ReactNode {
    return this.state.failed ? <RestartingScreen /> : this.props.children;
  }
}

export function RestartingScreen() {
  return (
    <main className="main restarting" role="status" aria-live="polite">
      <div className="card">
        <p lang="zh-CN">出了点问题，正在重新启动，请稍候…</p>
        <p lang="en">Something went wrong. Restarting, one moment please…</p>
      </div>
    </main>
  );
}
