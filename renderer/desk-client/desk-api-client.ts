// Environment: browser. A typed DeskApi over an untyped DeskBridge: arguments and results are parsed with
// each call's schema, and events with deskEventSchema, so nothing unchecked reaches the store.
import type { z } from 'zod';
import {
  deskCalls,
  deskEventSchema,
  type DeskApi,
  type DeskBridge,
  type DeskCallArgs,
  type DeskCallName,
  type DeskCallResult,
  type DeskEvent,
} from '../../shared/desk-api.js';
import { DeskClientError } from './desk-client-error.js';

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

async function invoke<N extends DeskCallName>(
  bridge: DeskBridge,
  name: N,
  args: DeskCallArgs<N>,
): Promise<DeskCallResult<N>> {
  const call = deskCalls[name];
  const parsedArgs = call.args.safeParse(args);
  if (!parsedArgs.success) {
    throw new DeskClientError('bad_arguments', `${name}: ${describeIssues(parsedArgs.error)}`);
  }
  const raw = await bridge.call(name, parsedArgs.data);
  const parsedResult = call.result.safeParse(raw);
  if (!parsedResult.success) {
    throw new DeskClientError(
      'bad_response',
      `${name} answered unexpectedly: ${describeIssues(parsedResult.error)}`,
    );
  }
  return parsedResult.data as DeskCallResult<N>;
}

export function createDeskApi(bridge: DeskBridge): DeskApi {
  // One typed function per call in the contract, so a call added to deskCalls is available here at once.
  const calls = Object.fromEntries(
    (Object.keys(deskCalls) as DeskCallName[]).map((name) => [
      name,
      (args: DeskCallArgs<typeof name>) => invoke(bridge, name, args),
    ]),
  ) as { [N in DeskCallName]: (args: DeskCallArgs<N>) => Promise<DeskCallResult<N>> };
  return {
    ...calls,
    onEvent(listener: (event: DeskEvent) => void) {
      return bridge.onEvent((raw) => {
        const parsed = deskEventSchema.safeParse(raw);
        if (!parsed.success) {
          // A malformed event is a desk core bug: drop it loudly rather than corrupt the store.
          console.error(`Dropped a desk event that fails its schema: ${describeIssues(parsed.error)}`, raw);
          return;
        }
        listener(parsed.data);
      });
    },
  };
}
