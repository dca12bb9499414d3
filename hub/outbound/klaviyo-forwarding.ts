// Environment: Node (hub). Forwarding to a Klaviyo-compatible endpoint: each event becomes the body Klaviyo's
// Create Event (POST <url>/api/events) expects, with our event id as `unique_id` so that the receiver keeps one
// event however many times it is sent.
import { KLAVIYO_REVISION, type ForwardingConfig } from '../../shared/outbound.js';
import type { SendEvent } from './delivery-queue.js';
import { postJson } from './http-post.js';
import type { OutboundPolicy } from './outbound-address-policy.js';
import type { OutboundEvent } from './outbound-store.js';

/** The Create Event body (JSON:API), or null when the event names no profile Klaviyo could match. */
export function klaviyoEventBody(event: OutboundEvent): Record<string, unknown> | null {
  const { profileId } = event.profile;
  const { email, phoneNumber, externalId } = event.identifiers;
  if (!email && !phoneNumber && !externalId && !profileId) return null;
  return {
    data: {
      type: 'event',
      attributes: {
        properties: event.properties,
        time: event.time,
        ...(event.value === null ? {} : { value: event.value }),
        unique_id: event.id,
        metric: { data: { type: 'metric', attributes: { name: event.metric } } },
        profile: {
          data: {
            type: 'profile',
            // The shop's Klaviyo profile ID, as the handoff gave it: the profile's primary key in Klaviyo.
            ...(profileId ? { id: profileId } : {}),
            attributes: {
              ...(email ? { email } : {}),
              ...(phoneNumber ? { phone_number: phoneNumber } : {}),
              ...(externalId ? { external_id: externalId } : {}),
            },
          },
        },
      },
    },
  };
}

/** `<url>/api/events`, whether the base URL ends in a slash or not. */
export function eventsEndpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/events`;
}

export function forwardToKlaviyo(
  config: Pick<ForwardingConfig, 'url' | 'key'>,
  policy: OutboundPolicy,
): SendEvent {
  const endpoint = eventsEndpoint(config.url);
  return async (event, { signal }) => {
    const body = klaviyoEventBody(event);
    if (body === null) {
      return {
        status: null,
        retryAfter: null,
        error:
          'The event names no profile (no email, phone number, external id or profile ID): Klaviyo could not match one.',
        durationMs: 0,
        permanent: true,
      };
    }
    return postJson(
      endpoint,
      {
        authorization: `Klaviyo-API-Key ${config.key}`,
        revision: KLAVIYO_REVISION,
        accept: 'application/vnd.api+json',
      },
      JSON.stringify(body),
      signal,
      policy,
    );
  };
}
