/** Applies policy.ts to Electron's webContents and session. */
import type { Session, WebContents } from 'electron';
import { openExternal } from './open-external';
import { isAllowedNavigation, isAllowedRequest, permissionDecision, windowOpenDecision } from './policy';

export function hardenWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url).openInBrowser) void openExternal(url);
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session, allowedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, allowedOrigins) });
  });
}
