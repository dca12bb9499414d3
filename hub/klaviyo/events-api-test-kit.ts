// Environment: Node (hub tests). Speaking to a real hub's Klaviyo-compatible API as Klaviyo's clients do.
import type { z } from 'zod';
import {
  eventsListResponseSchema,
  JSON_API_CONTENT_TYPE,
  KLAVIYO_REVISION,
  klaviyoErrorResponseSchema,
} from '../../shared/klaviyo-api.js';
import { issueEventsApiKey } from './api-keys.js';

/** Issues a key in the hub's database, as `npm run hub -- add-events-key` does while the hub runs. */
export function issueTestKey(dataDir: string, name = `tests-${Math.random().toString(36).slice(2)}`): string {
  return issueEventsApiKey(dataDir, name);
}

export interface KlaviyoRequest {
  method?: string;
  body?: unknown;
  /** null: no Authorization header. */
  key?: string | null;
  headers?: Record<string, string>;
}

export function klaviyoFetch(url: string, path: string, key: string, init: KlaviyoRequest = {}) {
  const headers: Record<string, string> = {
    accept: JSON_API_CONTENT_TYPE,
    revision: KLAVIYO_REVISION,
    ...(init.body !== undefined ? { 'content-type': JSON_API_CONTENT_TYPE } : {}),
  };
  const authKey = init.key === undefined ? key : init.key;
  if (authKey !== null) headers.authorization = `Klaviyo-API-Key ${authKey}`;
  return fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...headers, ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
}

/** A Create Event body as Klaviyo's documentation builds it. */
export function eventBody(options: {
  metric: string;
  profile: Record<string, unknown>;
  profileId?: string;
  properties?: Record<string, unknown>;
  time?: string;
  value?: number;
  uniqueId?: string;
}) {
  return {
    data: {
      type: 'event',
      attributes: {
        properties: options.properties ?? {},
        ...(options.time !== undefined ? { time: options.time } : {}),
        ...(options.value !== undefined ? { value: options.value } : {}),
        ...(options.uniqueId !== undefined ? { unique_id: options.uniqueId } : {}),
        metric: { data: { type: 'metric', attributes: { name: options.metric } } },
        profile: {
          data: {
            type: 'profile',
            ...(options.profileId !== undefined ? { id: options.profileId } : {}),
            attributes: options.profile,
          },
        },
      },
    },
  };
}

export async function parsed<S extends z.ZodType>(
  response: Response,
  schema: S,
  status = 200,
): Promise<z.infer<S>> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return schema.parse(JSON.parse(text));
}

export async function errorsOf(response: Response, status: number) {
  return (await parsed(response, klaviyoErrorResponseSchema, status)).errors;
}

/** Follows links.next from `path` to the end (bounded), returning every page's events. */
export async function allPages(url: string, path: string, key: string, maxPages = 50) {
  const pages: z.infer<typeof eventsListResponseSchema>[] = [];
  let next: string | null = `${url}${path}`;
  while (next !== null) {
    if (pages.length >= maxPages) throw new Error(`more than ${maxPages} pages`);
    const page: z.infer<typeof eventsListResponseSchema> = await parsed(
      await klaviyoFetch(next, '', key),
      eventsListResponseSchema,
    );
    pages.push(page);
    next = page.links.next;
  }
  return pages;
}
