// Environment: Node. The web host: one desk core (one agent, like one Electron app) serving the renderer on
// 127.0.0.1 and carrying DeskApi over a local WebSocket, for machines without Electron's runtime.
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createDeskCore, type DeskCore } from '../core/desk-core.js';
import { CONSOLE_KEY_PARAMETER, loadOrCreateBridgeSecret, type BridgeSecret } from './bridge-secret.js';
import { createDeskBridgeServer } from './desk-bridge-server.js';
import { securityHeaders } from './security-headers.js';
import { buildOutputDir } from '../build-output-dir.js';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  host?: '127.0.0.1';
  dataDir: string;
  defaultHubUrl: string;
  /** The built renderer (default <repo>/dist/renderer). */
  rendererDir?: string;
}

export interface RunningWebHost {
  url: string;
  /** The address to open: `url` with the console key, which lets the page use the bridge. */
  openUrl: string;
  /** The desk core this host carries (for tests and the launcher). */
  core: DeskCore;
  close(): Promise<void>;
}

const NO_KEY =
  "Open this console from the address it printed when it started: that address carries this computer's console " +
  'key (…/?key=…).\nÖppna konsolen från adressen den skrev ut när den startade: den bär datorns konsolnyckel.';
const WRONG_KEY = "That is not this console's key. Use the address the console printed when it started.";

/** The app shell (a page, or a client-side route falling back to it), not one of its scripts or styles. */
function isAppShellRequest(method: string, url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return method === 'GET' && (!/\.[A-Za-z0-9]+$/.test(path) || path.endsWith('.html'));
}

export const DEFAULT_RENDERER_DIR = join(buildOutputDir(import.meta.dirname), 'renderer');

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const core = createDeskCore({ dataDir: options.dataDir, defaultHubUrl: options.defaultHubUrl });
  const app = Fastify({ logger: false });
  // Known once listening: the origins (and Host headers) that are ours. Anything else may be DNS rebinding.
  let ownHosts: string[] = [];
  let headers: Record<string, string> = {};
  const isOwnOrigin = (origin: string) => ownHosts.some((ownHost) => origin === `http://${ownHost}`);
  // Known once listening (its cookie is named after the port): until then no page is served, no upgrade accepted.
  let bridgeSecret: BridgeSecret | null = null;
  const bridge = createDeskBridgeServer(
    core,
    isOwnOrigin,
    (request) => bridgeSecret?.isPresentIn(request) ?? false,
  );

  app.addHook('onRequest', async (request, reply) => {
    if (!ownHosts.includes(request.headers.host ?? '')) {
      return reply.code(421).type('text/plain').send('This console only answers on its own address.');
    }
    const key = (request.query as Record<string, unknown> | undefined)?.[CONSOLE_KEY_PARAMETER];
    if (typeof key === 'string') {
      if (!bridgeSecret?.matches(key)) return reply.code(403).type('text/plain').send(WRONG_KEY);
      // The cookie carries the key from now on; the address bar and history lose it.
      return reply.code(303).header('set-cookie', bridgeSecret.setCookie).header('location', '/').send();
    }
    if (isAppShellRequest(request.method, request.url) && !bridgeSecret?.isPresentIn(request.raw)) {
      return reply.code(403).type('text/plain').send(NO_KEY);
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });

  if (existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: true });
    // Client-side routes fall back to the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && request.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'not_found', message: 'No such file.' });
    });
  } else {
    app.get('/*', async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain')
        .send(`The console's renderer is not built (${rendererDir}). Run \`npm run build\` first.`),
    );
  }

  app.server.on('upgrade', (request, socket, head) => {
    if (!ownHosts.includes(request.headers.host ?? '')) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    bridge.handleUpgrade(request, socket, head);
  });

  try {
    await app.listen({ port: options.port, host });
  } catch (error) {
    await core.close();
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  ownHosts = [`${host}:${port}`, `localhost:${port}`];
  bridgeSecret = loadOrCreateBridgeSecret(options.dataDir, port);
  headers = securityHeaders(ownHosts.map((ownHost) => `http://${ownHost}`));

  let closing: Promise<void> | null = null;
  const url = `http://${host}:${port}`;
  return {
    url,
    openUrl: bridgeSecret.openUrl(url),
    core,
    close() {
      closing ??= (async () => {
        await bridge.close();
        await app.close();
        await core.close();
      })();
      return closing;
    },
  };
}
