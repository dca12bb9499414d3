// Environment: Node (hub). The shopper's storefront with its chat widget, built into chatPageDir.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './errors.js';

export async function registerChatPageRoutes(
  app: FastifyInstance,
  chatPageDir: string,
  demo: boolean,
): Promise<void> {
  if (demo) app.get('/', async (_request, reply) => reply.redirect('/chat/'));

  if (!fs.existsSync(path.join(chatPageDir, 'index.html'))) {
    const notBuilt = async (_request: unknown, reply: Parameters<typeof sendError>[0]) =>
      sendError(
        reply,
        503,
        'chat_page_not_built',
        `The chat page is not built in ${chatPageDir}: run \`npm run build\`.`,
      );
    app.get('/chat', notBuilt);
    app.get('/chat/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, { root: chatPageDir, prefix: '/chat/', redirect: true });
  // Keep the query (`?lang=sv`, a storefront's `?email=…&name=…`) across the redirect.
  app.get('/chat', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/chat/${query === -1 ? '' : request.url.slice(query)}`);
  });
}
