// Environment: Node (hub). The fastify app: handoff API, sessions, the lead's monitor, health and the chat page.
import Fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX, MAX_BODY_BYTES } from '../../shared/handoff-api.js';
import type { Sessions } from '../auth/sessions.js';
import { SignInLimiter, type SignInLimits } from '../auth/sign-in-limiter.js';
import type { Clock } from '../core/clock.js';
import type { HandoffRules } from '../core/handoff-rules.js';
import { registerKlaviyoRoutes } from '../klaviyo/klaviyo-routes.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import type { OutboundService } from '../outbound/outbound-service.js';
import { registerOutboundRoutes } from '../outbound/outbound-routes.js';
import type { SegmentEngine } from '../segments/segment-engine.js';
import { registerSegmentRoutes } from '../segments/segment-routes.js';
import type { HubStore } from '../store/hub-store.js';
import { registerChatPageRoutes } from './chat-page-routes.js';
import { handleError, sendError } from './errors.js';
import { registerHandoffRoutes } from './handoff-routes.js';
import { registerMonitorRoutes } from './monitor-routes.js';
import { registerSecurityPlugins, type SecurityOptions } from './security-plugins.js';
import { registerSessionRoutes } from './session-routes.js';

export interface HttpServerOptions {
  store: HubStore;
  sessions: Sessions;
  clock: Clock;
  handoffRules: HandoffRules;
  monitor: MonitorService;
  /** Forwarding and webhooks (leads only). */
  outbound?: OutboundService;
  /** Segments (leads only). */
  segments?: SegmentEngine;
  demo: boolean;
  chatPageDir: string;
  log: boolean;
  /** Failed sign-ins allowed per account and per address in a window (default 10 and 50 per 15 minutes). */
  signInLimits?: SignInLimits;
  security: SecurityOptions;
  /** PEM certificate and key: serve https. */
  tls?: TlsFiles | null;
  /**
   * Reverse proxies (addresses or CIDRs) whose X-Forwarded-For is believed: request.ip (and so the per-address
   * limits) is then the client's. Default none: the header is ignored and request.ip is the socket's peer.
   */
  trustProxy?: string[];
}

export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  // With a certificate the same app serves https (and socket.io, attached to app.server, wss).
  const trustProxy = options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false;
  const app = (
    options.tls
      ? Fastify({
          https: options.tls,
          bodyLimit: MAX_BODY_BYTES,
          logger: options.log ? { level: 'info' } : false,
          trustProxy,
        })
      : Fastify({ bodyLimit: MAX_BODY_BYTES, logger: options.log ? { level: 'info' } : false, trustProxy })
  ) as FastifyInstance;
  // JSON only: any other body type is refused with 415 instead of reaching a handler as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`),
  );

  await registerSecurityPlugins(app, options.security);

  app.get(`${API_PREFIX}/health`, async () => ({ ok: true }));
  registerSessionRoutes(
    app,
    options.store,
    options.sessions,
    new SignInLimiter(options.clock, options.signInLimits),
  );
  registerHandoffRoutes(app, options.store, options.clock, options.handoffRules);
  registerMonitorRoutes(app, options.sessions, options.monitor);
  if (options.outbound) registerOutboundRoutes(app, options.sessions, options.outbound);
  if (options.segments) registerSegmentRoutes(app, options.sessions, options.segments);
  // The Klaviyo-compatible events API (/api/events, /api/metrics, /api/profiles), in its own scope.
  await registerKlaviyoRoutes(app, options.store, options.clock);
  await registerChatPageRoutes(app, options.chatPageDir, options.demo);
  return app;
}
