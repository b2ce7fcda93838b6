// Fast Refresh's preamble as a module: the CSP (script-src 'self') blocks the inline one in dev; empty in builds.
import '@vitejs/plugin-react/preamble';
// The shared styles first: feature styles (imported by their components) come after and build on them.
import './app/app.css';
import './components/components.css';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary, restartSoon, RestartingScreen } from './app/ErrorBoundary';
import { reportRendererError } from './app/error-report';

const container = document.getElementById('root');
if (container) {
  let root: Root;
  const draw = () =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
  root = createRoot(container, {
    // Only errors the boundary could not catch end up here (React has unmounted the tree): the
    // same calm screen, then the page loaded again.
    onUncaughtError: (error) => {
      reportRendererError('uncaught', error);
      root.render(<RestartingScreen />);
      restartSoon();
    },
  });
  window.addEventListener('error', (event) => reportRendererError('window', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportRendererError('window', event.reason));
  draw();
}
