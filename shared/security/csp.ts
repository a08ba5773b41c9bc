/**
 * The renderer's Content-Security-Policy, one list for both hosts: the Electron app:// handler
 * (`connect-src 'none'`: the renderer never talks to the network, the seat core does) and browser
 * mode (the page must reach its own loopback WebSocket). antd injects <style> elements, hence
 * 'unsafe-inline' for styles only.
 */
export function rendererCsp(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
