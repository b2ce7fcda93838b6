import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isTrustedSender, type SenderFrame, type TrustedApp } from '../ipc/sender-check';

/**
 * The frame an invoke came from, as sender-check sees it; null when it is gone, or when the
 * sending web contents is not one of our own windows (a webview, a detached or foreign window).
 */
export function senderFrameOf(event: IpcMainInvokeEvent, isOurWindow: (win: BrowserWindow) => boolean): SenderFrame | null {
  try {
    const contents = event.sender;
    const win = BrowserWindow.fromWebContents(contents);
    if (!win || win.isDestroyed() || !isOurWindow(win)) return null;
    const frame = event.senderFrame;
    if (!frame || frame.detached) return null;
    const main = contents.mainFrame;
    const isMainFrame = frame === main || (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
    return { url: frame.url, isMainFrame };
  } catch {
    // A frame destroyed mid-call throws on access: not trusted.
    return null;
  }
}

/** The predicate registerIpc takes. */
export function senderCheck(trusted: TrustedApp, isOurWindow: (win: BrowserWindow) => boolean): (event: IpcMainInvokeEvent) => boolean {
  return (event) => isTrustedSender(senderFrameOf(event, isOurWindow), trusted);
}
