import { MESSAGE_CHANNELS, MESSAGE_DELIVERY_STATES, type ApplicationStatus, type MessageChannel, type MessageDeliveryState } from '@gov/shared';
import type { SmsTemplateKey } from '../config/sms-templates';
export { SMS_TEMPLATE_KEYS, SMS_TEMPLATE_PARAMS, type SmsTemplateKey } from '../config/sms-templates';

/** The outside channels a message may also go by; the in-app message itself is the messages row. */
export const OUTBOX_CHANNELS = MESSAGE_CHANNELS;
export type OutboxChannel = MessageChannel;

/**
 * A delivery's state: `pending` (waiting or being retried), `sent` (the outside service accepted it),
 * `skipped` (nothing to send: no consent, no phone, channel not configured, the user refused) or
 * `failed` (gave up after the last attempt, or a permanent refusal).
 */
export const OUTBOX_STATUSES = MESSAGE_DELIVERY_STATES;
export type OutboxStatus = MessageDeliveryState;

/** Most characters of one SMS template variable (the clouds cap a variable at 20–35 characters). */
export const SMS_PARAM_MAX = 20;

/**
 * The SMS a message also goes out as, or null: only for what a person must not miss (临沂 三(一)2(1):
 * SMS reminders on booking, filing and acceptance): a booking made, a booking cancelled by the
 * centre, a booking reminder, a ticket called, and on a filing the correction notice, acceptance,
 * the decision (不予受理 / 准予 / 不予许可), the result ready at the window (待领取) and the result
 * handed over. `applicationStatus`: the filing's status after the change a type `application`
 * message tells of.
 */
export function smsTemplateFor(type: string, applicationStatus?: ApplicationStatus | null): SmsTemplateKey | null {
  switch (type) {
    case 'booking_created':
      return 'booking_created';
    case 'booking_cancelled_by_centre':
      return 'booking_cancelled';
    case 'booking_reminder':
      return 'booking_reminder';
    case 'ticket_called':
      return 'ticket_called';
    case 'application':
      switch (applicationStatus) {
        case 'correction_required':
          return 'correction';
        case 'accepted':
          return 'accepted';
        case 'refused':
        case 'approved':
        case 'denied':
          return 'decision';
        case 'ready_for_pickup':
        case 'delivered':
          return 'ready';
        default:
          return null;
      }
    default:
      return null;
  }
}

/** A template's parameters cut to what the clouds accept (SMS_PARAM_MAX characters each). */
export function smsParams(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, [...v].slice(0, SMS_PARAM_MAX).join('')]));
}

/**
 * When a delivery that failed for a passing reason is tried again: `baseMs` doubled per attempt
 * made, at most an hour later; null once `attempts` reaches `maxAttempts` (then it has failed).
 */
export function nextAttemptAt(now: Date, attempts: number, baseMs: number, maxAttempts: number): Date | null {
  if (attempts >= maxAttempts) return null;
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3600_000);
  return new Date(now.getTime() + delay);
}

/** The settled states the `outbox-cleanup` job deletes after the retention; `failed` rows stay for inspection, `pending` ones are still to send. */
export const PURGEABLE_STATUSES: readonly OutboxStatus[] = ['sent', 'skipped'];

/** Deliveries settled before this moment are past a retention of `days` days. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** What one delivery attempt came to: sent, nothing to send, a passing fault (retry) or a refusal (give up). */
export type DeliveryOutcome = { result: 'sent' } | { result: 'skipped'; why: string } | { result: 'retry'; why: string } | { result: 'failed'; why: string };

/** Above this share of its time busy, the process is serving a rush: background deliveries wait. */
export const BUSY_UTILIZATION = 0.8;
/** The longest background deliveries give way to a rush before they go anyway. */
export const MAX_GIVE_WAY_MS = 5_000;

/**
 * Whether the in-process outbox runner waits before its next drain: while the event loop was busy
 * (`utilization`, 0–1, over the last moment) serving requests — when a slot opens at 8:00, the
 * 预约成功 messages can go a few seconds later — but never longer than MAX_GIVE_WAY_MS in all
 * (`waitedMs` so far), so that messages do not starve under a steady load.
 */
export function mustGiveWay(utilization: number, waitedMs: number): boolean {
  return utilization > BUSY_UTILIZATION && waitedMs < MAX_GIVE_WAY_MS;
}
