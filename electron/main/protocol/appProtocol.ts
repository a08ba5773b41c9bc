import { protocol } from 'electron';
import { APP_SCHEME } from '../app/origins';
import { serveRendererRequest } from './serveRendererFile';

/**
 * Must run before `app` is ready. standard + secure give app://hotline a real origin and a secure
 * context without file:// privileges; no bypassCSP, so our CSP header applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) on app://hotline. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir));
}
