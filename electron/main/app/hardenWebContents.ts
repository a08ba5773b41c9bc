import type { Session, WebContents } from 'electron';
import { isTrustedUrl, originOf } from './origins';
import { openExternalSafe } from './openExternal';
import type { ShellLog } from './shellLog';

/**
 * Applied to every webContents the app creates (Electron security checklist #11–#14): no navigation
 * away from our own origin, no <webview>, no new windows — an https link opened by the page goes to
 * the system browser through the one checked helper instead.
 */
export function hardenWebContents(contents: WebContents, origins: readonly string[], log: ShellLog): void {
  const refuseForeign = (details: { url: string; preventDefault(): void }, what: string): void => {
    if (isTrustedUrl(details.url, origins)) return;
    details.preventDefault();
    log.warn(`${what} refused`, { origin: originOf(details.url) ?? 'invalid' });
  };
  contents.on('will-navigate', (details) => refuseForeign(details, 'navigation'));
  contents.on('will-redirect', (details) => refuseForeign(details, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafe(url).catch((err: unknown) => log.error('opening a link in the system browser failed', err));
    return { action: 'deny' };
  });
}

/** The console needs no camera, microphone, notifications, geolocation…: every request and check says no. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
