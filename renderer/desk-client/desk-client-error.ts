// Environment: browser. The one error type the desk client throws, with a code the UI can branch on.
export type DeskClientErrorCode =
  | 'bridge_closed' // the local socket to the console service dropped before the answer came
  | 'timeout' // no answer in time
  | 'bad_arguments' // the renderer built arguments that fail the call's schema (a bug)
  | 'bad_response' // the desk core answered with something that fails the schema (a bug)
  | string; // codes reported by the desk core itself

export class DeskClientError extends Error {
  constructor(
    readonly code: DeskClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskClientError';
  }
}
