// A soak worker holding some shoppers (shopper.ts), all in this process's event loop. Started by soak.ts;
// speaks worker-protocol.ts over IPC: `start` runs them, `done` once all have finished, `report` the tally.
import { runShopper, type ShopperTally } from './shopper.js';
import { reply, serveRequests } from './worker-channel.js';
import { cpuNow, shopperRequestSchema, type ShopperReport } from './worker-protocol.js';

const errors: string[] = [];
const tally: ShopperTally = {
  handedOff: 0,
  messagesSent: 0,
  messagesAcked: {},
  sendAckLatenciesMs: [],
  repliesReceived: new Set(),
  duplicateReplies: 0,
  unanswered: 0,
  recordError(what) {
    // Bounded: the count is what matters past the first few hundred.
    if (errors.length < 500) errors.push(what);
    else errors[499] = `… and more (last: ${what})`;
  },
};
const sockets = new Set<{ disconnect(): unknown }>();

function report(): ShopperReport {
  return {
    kind: 'shopperReport',
    handedOff: tally.handedOff,
    messagesSent: tally.messagesSent,
    messagesAcked: tally.messagesAcked,
    sendAckLatenciesMs: tally.sendAckLatenciesMs,
    repliesReceived: [...tally.repliesReceived],
    duplicateReplies: tally.duplicateReplies,
    unanswered: tally.unanswered,
    errors,
    cpu: cpuNow(),
  };
}

serveRequests(shopperRequestSchema, async (request) => {
  switch (request.kind) {
    case 'start': {
      const { shoppers } = request;
      const runs = shoppers.map((number, position) =>
        runShopper(
          {
            hubUrl: request.hubUrl,
            runId: request.runId,
            number,
            startDelayMs: Math.round((position / shoppers.length) * request.rampMs),
            stopSendingAt: request.stopSendingAt,
            thinkMs: request.thinkMs,
            drainUntil: request.drainUntil,
          },
          tally,
          sockets,
        ),
      );
      reply({ kind: 'ready' });
      await Promise.all(runs);
      reply({ kind: 'done' });
      return;
    }
    case 'report':
      reply(report());
      return;
    case 'close':
      for (const socket of sockets) socket.disconnect();
      process.exit(0);
  }
});
