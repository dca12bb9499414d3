// Environment: Node. The web host's Content-Security-Policy and other security headers.

/**
 * The renderer may load only its own files and talk only to its own origin's WebSocket bridge (`origins`: the web
 * host's own http origins; none in Electron, where DeskApi goes over IPC).
 */
export function contentSecurityPolicy(origins: readonly string[]): string {
  const sockets = origins.map((origin) => ` ${origin.replace(/^http/, 'ws')}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${sockets.join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(origins: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origins),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}
