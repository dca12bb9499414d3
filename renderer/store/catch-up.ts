// Environment: any. When the catch-up after a reconnect is worth a progress bar: a few changes apply in a
// blink, and a bar that flashes for them would only distract.
import type { ConnectionState } from '../../shared/desk-api.js';

/** The smallest catch-up (in changes) that shows progress. */
export const CATCH_UP_PROGRESS_MIN_CHANGES = 200;

export interface CatchUpProgress {
  applied: number;
  total: number;
}

/** The progress to show, or null when there is none worth showing. */
export function visibleCatchUp(connection: ConnectionState): CatchUpProgress | null {
  const { catchUp } = connection;
  if (!catchUp || catchUp.total < CATCH_UP_PROGRESS_MIN_CHANGES) return null;
  // Never more applied than the total the bar is measured against (the log may grow while catching up).
  return { applied: Math.min(catchUp.applied, catchUp.total), total: catchUp.total };
}
