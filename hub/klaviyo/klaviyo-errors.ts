// Environment: Node (hub). Errors of the Klaviyo-compatible API, in Klaviyo's JSON:API shape:
// {errors: [{id, status, code, title, detail, source: {pointer | parameter | header}, meta}]}, status numeric.
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { JSON_API_CONTENT_TYPE, type KlaviyoError } from '../../shared/klaviyo-api.js';
import { STORAGE_UNAVAILABLE, storageFaultOf, storageUnavailableMessage } from '../store/storage-faults.js';

/** Klaviyo's titles for its error codes. */
const TITLES: Record<string, string> = {
  invalid: 'Invalid input.',
  parse_error: 'Malformed request.',
  not_authenticated: 'Authentication credentials were not provided.',
  authentication_failed: 'Incorrect authentication credentials.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  request_too_large: 'Request entity too large.',
  unsupported_media_type: 'Unsupported media type.',
  error: 'A server error occurred.',
};

export function klaviyoError(
  status: number,
  code: string,
  detail: string,
  source?: KlaviyoError['source'],
): KlaviyoError {
  return {
    id: randomUUID(),
    status,
    code,
    title: TITLES[code] ?? 'Error.',
    detail,
    ...(source ? { source } : {}),
    meta: {},
  };
}

export function sendKlaviyoErrors(reply: FastifyReply, errors: KlaviyoError[]): FastifyReply {
  return reply
    .code(errors[0]?.status ?? 400)
    .type(JSON_API_CONTENT_TYPE)
    .send({ errors });
}

/** One 400 `invalid` error per problem, each pointing at the field in the body (JSON pointer). */
export function bodyErrors(error: z.ZodError): KlaviyoError[] {
  return error.issues.flatMap((issue) => {
    const pointer = `/${issue.path.map(String).join('/')}`;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        klaviyoError(400, 'invalid', `'${key}' is not a valid field for this resource.`, {
          pointer: `${pointer === '/' ? '' : pointer}/${key}`,
        }),
      );
    }
    const field = issue.path.at(-1);
    const detail =
      issue.code === 'invalid_type' && /received undefined/.test(issue.message) && field !== undefined
        ? `'${String(field)}' is a required field.`
        : `${field === undefined ? 'The body' : `'${String(field)}'`}: ${issue.message}.`;
    return [klaviyoError(400, 'invalid', detail, { pointer })];
  });
}

/** Fastify's own errors (bad JSON, body too large, wrong content type) in Klaviyo's shape; never a crash. */
export function klaviyoErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  // The database could not take the write: Klaviyo's own shape, with the hub's storage_unavailable words.
  const fault = storageFaultOf(error);
  if (fault) {
    console.error(`hub: events API request refused: ${fault}`);
    return sendKlaviyoErrors(reply, [
      klaviyoError(503, STORAGE_UNAVAILABLE, storageUnavailableMessage(fault)),
    ]);
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error(error);
    console.error('hub: events API request failed', error);
    return sendKlaviyoErrors(reply, [klaviyoError(500, 'error', 'The hub could not handle this request.')]);
  }
  if (status === 413) {
    return sendKlaviyoErrors(reply, [
      klaviyoError(413, 'request_too_large', 'The request body is larger than 1 MiB.', { pointer: '/data' }),
    ]);
  }
  if (status === 415) {
    return sendKlaviyoErrors(reply, [
      klaviyoError(415, 'unsupported_media_type', `Send JSON: ${error.message}`, { header: 'content-type' }),
    ]);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return sendKlaviyoErrors(reply, [
      klaviyoError(400, 'parse_error', `JSON parse error - ${error.message}`, { pointer: '/' }),
    ]);
  }
  return sendKlaviyoErrors(reply, [klaviyoError(status, 'invalid', error.message)]);
}
