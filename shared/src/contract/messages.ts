/** Wire shapes of the message centre (API.md, Messages). */
import type { Message } from '../api.types';

/** A message as listed; `superseded`: what it announced no longer holds (e.g. 预约成功 of a cancelled booking). */
export interface MessageView extends Message {
  superseded: boolean;
}

/** The moments a WeChat subscribe message may go out (each needs the user's consent, one message per consent). */
export const SUBSCRIBE_TEMPLATE_KEYS = ['booking_reminder', 'booking_result', 'filing_progress'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];

/** POST /messages/subscriptions */
export interface SubscriptionRequest {
  accepted: SubscribeTemplateKey[];
}
