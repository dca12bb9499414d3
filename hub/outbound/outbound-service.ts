// Environment: Node (hub). Out of the hub: forwarding (configured at start) and the leads' webhook
// subscriptions, each a DeliveryQueue over the event stream. New events are noticed from the hub store's
// commits; each queue also reads after its cursor on start and after every retry, so nothing depends on a
// notification arriving.
import {
  DEFAULT_FORWARDED_METRICS,
  MAX_WEBHOOKS,
  type CreatedWebhook,
  type CreateWebhookRequest,
  type DeliveriesResponse,
  type ForwardingConfig,
  type ForwardingState,
  type Webhook,
} from '../../shared/outbound.js';
import { isoAt, type Clock } from '../core/clock.js';
import type { ClockTimers } from '../core/clock-timers.js';
import type { HubStore } from '../store/hub-store.js';
import { DeliveryQueue, type SendEvent } from './delivery-queue.js';
import { forwardToKlaviyo } from './klaviyo-forwarding.js';
import { checkOutboundUrl, type OutboundPolicy } from './outbound-address-policy.js';
import { FORWARDING_DESTINATION_ID, type Destination, type OutboundStore } from './outbound-store.js';
import { deliverWebhook, newWebhookId, newWebhookSecret } from './webhook-delivery.js';

const FAILED_EVENTS_SHOWN = 100;

export class WebhookLimitError extends Error {}

export class OutboundService {
  private forwarding: DeliveryQueue | null = null;
  private readonly webhooks = new Map<string, DeliveryQueue>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      hubStore: Pick<HubStore, 'onCommit'>;
      store: OutboundStore;
      clock: Clock;
      timers: ClockTimers;
      forwarding: ForwardingConfig | null;
      /** Which addresses webhooks and forwarding may reach (the SSRF guard). */
      policy: OutboundPolicy;
      random?: () => number;
    },
  ) {
    const { store, clock, forwarding } = deps;
    if (forwarding) {
      // A first configuration starts at the beginning of the stream: outcomes recorded before forwarding was
      // set up reach the receiver too (unique_id keeps them single there).
      store.saveForwarding({ url: forwarding.url, metrics: forwarding.metrics, at: isoAt(clock()) });
      this.forwarding = this.queueFor(
        FORWARDING_DESTINATION_ID,
        forwarding.metrics,
        forwardToKlaviyo(forwarding, deps.policy),
      );
    }
    for (const webhook of store.listWebhooks()) this.startWebhook(webhook);
    this.unsubscribe = deps.hubStore.onCommit((batch) => {
      if (batch.events.length === 0) return;
      for (const queue of this.queues()) {
        if (batch.events.some((event) => queue.metrics.includes(event.metric))) queue.wake();
      }
    });
    for (const queue of this.queues()) queue.wake();
  }

  forwardingState(): ForwardingState {
    const { store } = this.deps;
    const destination = store.getDestination(FORWARDING_DESTINATION_ID);
    const enabled = this.forwarding !== null && destination !== null;
    return {
      enabled,
      url: enabled ? destination.url : null,
      metrics: enabled ? destination.metrics : [...DEFAULT_FORWARDED_METRICS],
      lagEvents: enabled ? store.countEventsAfter(destination.cursor, destination.metrics) : 0,
      lastDeliveredAt: destination?.lastDeliveredAt ?? null,
      lastError: destination?.lastError ?? null,
      nextAttemptAt: enabled ? destination.nextAttemptAt : null,
      failedEvents: destination ? store.listFailures(destination.id, FAILED_EVENTS_SHOWN) : [],
      failedEventCount: destination ? store.countFailures(destination.id) : 0,
    };
  }

  /** Null when forwarding has never been configured. */
  forwardingDeliveries(page: { limit: number; before?: number }): DeliveriesResponse | null {
    return this.deliveriesOf(FORWARDING_DESTINATION_ID, page);
  }

  /**
   * Throws WebhookLimitError at MAX_WEBHOOKS, OutboundUrlError when the URL's host is in the hub's own network
   * (the policy) or does not resolve.
   */
  async createWebhook(request: CreateWebhookRequest): Promise<CreatedWebhook> {
    const { store, clock } = this.deps;
    if (store.listWebhooks().length >= MAX_WEBHOOKS) {
      throw new WebhookLimitError(`At most ${MAX_WEBHOOKS} webhook subscriptions: delete one first.`);
    }
    await checkOutboundUrl(request.url, this.deps.policy);
    // Counted again after the lookup: two requests checking at once must not both pass the limit.
    if (store.listWebhooks().length >= MAX_WEBHOOKS) {
      throw new WebhookLimitError(`At most ${MAX_WEBHOOKS} webhook subscriptions: delete one first.`);
    }
    const secret = newWebhookSecret();
    // A new subscription receives the events from now on.
    const destination = store.insertWebhook({
      id: newWebhookId(),
      url: request.url,
      metrics: request.metrics,
      secret,
      createdAt: isoAt(clock()),
      cursor: store.headPosition(),
    });
    this.startWebhook(destination).wake();
    return { ...this.viewOf(destination), secret };
  }

  listWebhooks(): Webhook[] {
    return this.deps.store.listWebhooks().map((destination) => this.viewOf(destination));
  }

  getWebhook(id: string): Webhook | null {
    const destination = this.deps.store.getDestination(id);
    return destination?.kind === 'webhook' ? this.viewOf(destination) : null;
  }

  /** False when there is no such subscription. Its log goes with it; an attempt in flight is abandoned. */
  async deleteWebhook(id: string): Promise<boolean> {
    if (this.deps.store.getDestination(id)?.kind !== 'webhook') return false;
    const queue = this.webhooks.get(id);
    this.webhooks.delete(id);
    this.deps.store.deleteDestination(id);
    await queue?.close();
    return true;
  }

  /** Null when there is no such subscription. */
  webhookDeliveries(id: string, page: { limit: number; before?: number }): DeliveriesResponse | null {
    if (this.deps.store.getDestination(id)?.kind !== 'webhook') return null;
    return this.deliveriesOf(id, page);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await Promise.all(this.queues().map((queue) => queue.close()));
    this.deps.store.close();
  }

  private queues(): DeliveryQueue[] {
    return [...(this.forwarding ? [this.forwarding] : []), ...this.webhooks.values()];
  }

  private queueFor(destinationId: string, metrics: readonly string[], send: SendEvent): DeliveryQueue {
    const { store, clock, timers, random } = this.deps;
    return new DeliveryQueue({ store, clock, timers, destinationId, metrics, send, random });
  }

  private startWebhook(destination: Destination): DeliveryQueue {
    const queue = this.queueFor(
      destination.id,
      destination.metrics,
      deliverWebhook({ url: destination.url, secret: destination.secret ?? '' }, this.deps.policy),
    );
    this.webhooks.set(destination.id, queue);
    return queue;
  }

  private deliveriesOf(id: string, page: { limit: number; before?: number }): DeliveriesResponse | null {
    if (!this.deps.store.getDestination(id)) return null;
    const { attempts, nextBefore } = this.deps.store.listAttempts(id, page);
    return { deliveries: attempts, nextBefore };
  }

  private viewOf(destination: Destination): Webhook {
    const { store } = this.deps;
    return {
      id: destination.id,
      url: destination.url,
      metrics: destination.metrics,
      createdAt: destination.createdAt,
      lagEvents: store.countEventsAfter(destination.cursor, destination.metrics),
      lastDeliveredAt: destination.lastDeliveredAt,
      lastError: destination.lastError,
      nextAttemptAt: destination.nextAttemptAt,
      failedEventCount: store.countFailures(destination.id),
    };
  }
}
