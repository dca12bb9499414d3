// Environment: Node (tests). Talking to the web host's bridge as a page does, one raw frame at a time.
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import { bridgeResponseSchema } from '../../../shared/desk-api.js';

/** Sends one raw frame and resolves with the next result frame (event frames in between are skipped). */
export function bridgeResultOf(
  socket: WebSocket,
  frame: string | Buffer,
): Promise<z.infer<typeof bridgeResponseSchema>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const parsed = bridgeResponseSchema.parse(JSON.parse(data.toString()));
      if (parsed.kind !== 'result') return;
      socket.off('message', onMessage);
      resolve(parsed);
    };
    socket.on('message', onMessage);
    socket.send(frame);
  });
}
