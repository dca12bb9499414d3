// Environment: Node (hub). Every HTTP error body has the apiErrorSchema shape.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/handoff-api.js';
import { STORAGE_UNAVAILABLE, storageFaultOf, storageUnavailableMessage } from '../store/storage-faults.js';

export function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function invalidRequest(issues: NonNullable<ApiError['issues']>): ApiError {
  return {
    error: 'invalid_request',
    message: `Invalid request: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  };
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).send({ error, message } satisfies ApiError);
}

const ERROR_NAMES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: STORAGE_UNAVAILABLE,
};

/** Fastify's own errors (bad JSON, body too large, wrong content type) mapped to our shape; never a crash. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The database could not take the write (rolled back whole): a 503 the client may retry, not a hub bug.
  const fault = storageFaultOf(error);
  if (fault) {
    console.error(`hub: ${request.method} ${request.routeOptions.url ?? request.url} refused: ${fault}`);
    return sendError(reply, 503, STORAGE_UNAVAILABLE, storageUnavailableMessage(fault));
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error(error);
    console.error('hub: request failed', error);
    return sendError(reply, 500, 'internal', 'The hub could not handle this request.');
  }
  const name =
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'invalid_json'
      : (ERROR_NAMES[status] ?? 'bad_request');
  return sendError(reply, status, name, error.message);
}
