/** Wire shapes of the message centre (API.md, Messages). */
import type { Message } from '../api.types';

/** A message as listed; `superseded`: what it announced no longer holds (e.g. 预约成功 of a cancelled booking). */
export interface MessageView extends Message {
  superseded: boolean;
  /** where the message also went outside the app and how that stands (one per outbox delivery) */
  deliveries: MessageDelivery[];
}

/** The outside channels a message may also go by (the outbox's channels). */
export const MESSAGE_CHANNELS = ['wechat', 'alipay', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * A delivery's state: `pending` (waiting or being retried), `sent` (the outside service accepted it),
 * `skipped` (nothing was sent: no consent, no phone, channel not configured) or `failed` (gave up).
 */
export const MESSAGE_DELIVERY_STATES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type MessageDeliveryState = (typeof MESSAGE_DELIVERY_STATES)[number];

/** One outside delivery of a message (a row of the outbox). */
export interface MessageDelivery {
  channel: MessageChannel;
  state: MessageDeliveryState;
}

/** The moments a WeChat subscribe message may go out (each needs the user's consent, one message per consent). */
export const SUBSCRIBE_TEMPLATE_KEYS = ['booking_reminder', 'booking_result', 'filing_progress'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

/** POST /messages/subscriptions */
export interface SubscriptionRequest {
  accepted: SubscribeTemplateKey[];
}
