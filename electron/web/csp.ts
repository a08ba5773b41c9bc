/**
 * The renderer's Content-Security-Policy in browser mode: the Electron shell's policy
 * (electron/main/protocol/csp.ts) except that the page must reach its own loopback WebSocket.
 * antd injects <style> elements, hence 'unsafe-inline' for styles only.
 */
export function browserModeCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response: the CSP, no MIME sniffing, and no Referer (the page URL holds the token). */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': browserModeCsp(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
