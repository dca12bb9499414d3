// Environment: Node (hub). What every HTTP answer carries: security headers (helmet), CORS only for the
// configured origins, and a per-address request rate limit. Registered before every route so all are covered.
import type { FastifyInstance } from 'fastify';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';

export interface RequestRateLimit {
  /** Requests allowed per client address in a window. */
  max: number;
  windowMs: number;
}

/**
 * Generous: 100 requests a second per address on average, far above a console or a storefront, so only a
 * runaway client or a flood is stopped. An integration posting more from one address raises it (HUB_RATE_LIMIT_PER_MINUTE).
 */
export const DEFAULT_REQUEST_RATE_LIMIT: RequestRateLimit = { max: 6000, windowMs: 60_000 };

export interface SecurityOptions {
  /** Origins allowed to call the hub from a browser (exact, e.g. `https://shop.example`). Default none. */
  corsOrigins: string[];
  /** null turns the limit off. */
  rateLimit: RequestRateLimit | null;
  /** Served over https: tells browsers to keep to https (HSTS). Over plain http the header would be a lie. */
  tls: boolean;
}

/**
 * The chat page's policy, the same as the meta tag in hub/demo/chat-page/index.html: its own scripts, styles
 * and images (plus the data: favicon), and socket.io back to the hub over http polling or WebSocket.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function registerSecurityPlugins(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: options.tls ? { maxAge: 31_536_000 } : false,
  });
  // No listed origin: no CORS headers at all, so browsers keep other sites' pages from reading the hub's answers.
  await app.register(fastifyCors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    maxAge: 600,
  });
  if (options.rateLimit) {
    const { max, windowMs } = options.rateLimit;
    await app.register(fastifyRateLimit, {
      // Not per route: a route-level hook would run after the events API scope's key check, so a flood
      // without a key would never be counted. One root onRequest hook (below) counts every request first.
      global: false,
      max,
      timeWindow: windowMs,
      errorResponseBuilder: (_request, context) =>
        Object.assign(
          new Error(
            `Too many requests from this address: at most ${context.max} per ${windowMs / 1000} seconds; ` +
              `retry in ${context.after}.`,
          ),
          { statusCode: context.statusCode },
        ),
    });
    app.addHook('onRequest', app.rateLimit());
  }
}
