// Environment: Node. The one entry both hosts use to run a DeskApi call that arrived over IPC or the WebSocket:
// unknown methods and bad arguments become error results, never exceptions across the boundary.
import { deskCalls } from '../../shared/desk-api.js';
import type { DeskCallName } from '../../shared/desk-api.js';
import type { DeskCore } from './desk-core.js';
import { describeError, describeIssues } from './describe-error.js';

export type DispatchOutcome =
  { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

function isDeskCallName(method: string): method is DeskCallName {
  return Object.hasOwn(deskCalls, method);
}

export async function dispatchDeskCall(
  core: DeskCore,
  method: string,
  args: unknown,
): Promise<DispatchOutcome> {
  if (!isDeskCallName(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `There is no desk call named "${method}".` },
    };
  }
  const call = deskCalls[method];
  const parsedArgs = call.args.safeParse(args ?? {});
  if (!parsedArgs.success) {
    return { ok: false, error: { code: 'invalid', message: describeIssues(parsedArgs.error.issues) } };
  }
  try {
    const run = core[method] as (args: unknown) => Promise<unknown>;
    const result = await run(parsedArgs.data);
    // The contract holds on our side too: never send the renderer something its schema would refuse.
    const checked = call.result.safeParse(result);
    if (!checked.success) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The ${method} result broke its contract: ${describeIssues(checked.error.issues)}`,
        },
      };
    }
    return { ok: true, result: checked.data };
  } catch (error) {
    const code =
      error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'internal';
    return { ok: false, error: { code, message: describeError(error) } };
  }
}
