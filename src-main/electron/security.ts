import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy, navigationAllowed, permissionCheckAllowed, permissionRequestAllowed, withCsp, type TrustedApp } from '../security-policy';

export interface HardenOptions {
  /** Development: the Vite dev server (relaxes the CSP for hot reload only). */
  devServerUrl?: string;
  /** Told about every denied permission (name only). */
  onDenied?: (what: string) => void;
}

/**
 * Permissions: only the camera (video media) for our own page; everything else denied, both the
 * request and the synchronous check. Every response of this session gets our CSP.
 */
export function hardenSession(session: Session, appOrigin: TrustedApp, options: HardenOptions = {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const securityOrigin = 'securityOrigin' in details ? details.securityOrigin : undefined;
    const allowed = permissionRequestAllowed(
      permission,
      { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes, securityOrigin },
      appOrigin,
    );
    if (!allowed) options.onDenied?.(`permission request ${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionCheckAllowed(permission, requestingOrigin, details, appOrigin),
  );
  // Devices (HID, serial, USB, Bluetooth) are never handed out.
  session.setDevicePermissionHandler(() => false);

  const csp = contentSecurityPolicy({ devServerUrl: options.devServerUrl });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}

function harden(contents: WebContents, onBlocked?: (what: string) => void): void {
  contents.setWindowOpenHandler(() => {
    onBlocked?.('window.open');
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!navigationAllowed({ url: event.url, isSameDocument: event.isSameDocument })) {
      event.preventDefault();
      onBlocked?.('navigation');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!navigationAllowed({ url: event.url, isSameDocument: event.isSameDocument })) {
      event.preventDefault();
      onBlocked?.('redirect');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked?.('webview');
  });
}

/** Every web contents the app ever creates: no new windows, no navigation away, no webviews. */
export function hardenWebContents(app: App, onBlocked?: (what: string) => void): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, onBlocked));
}
