import { Component, type ReactNode } from 'react';
import { reportRendererError } from './error-report';

/** How long the calm "restarting" screen shows before the app is drawn again. */
export const RESTART_DELAY_MS = 3000;

/**
 * Never a white screen: a render error shows a calm restarting screen (both languages, no store
 * needed), is reported to main's log, and after a moment the app is drawn again; a self-service
 * kiosk goes back to its welcome screen, forgetting the visitor.
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
    this.timer = setTimeout(() => void this.restart(), RESTART_DELAY_MS);
  }

  /**
   * The self-service store is imported here, not at the top: it belongs to the self-service chunk,
   * which a kiosk has already loaded (so this resolves at once) and reception never needs.
   */
  private async restart(): Promise<void> {
    try {
      const { useSelfServiceStore } = await import('../self-service/store');
      useSelfServiceStore.getState().reset();
    } catch {
      /* the store (or its chunk) may be what broke: drawing again is still worth a try */
    }
    this.setState({ failed: false });
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
