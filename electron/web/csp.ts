import { rendererCsp } from '../../shared/security/csp';

/** Browser mode's policy: the Electron shell's, except that the page must reach its own loopback WebSocket. */
export function browserModeCsp(port: number): string {
  return rendererCsp(`'self' ws://127.0.0.1:${port}`);
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
