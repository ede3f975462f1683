/**
 * The SMS templates (one template id each in configuration, SMS_TEMPLATE_<KEY>): `login` carries
 * `{ code }`; `booking` (a booking staff registered) `{ code, time, hall, service }`; every event
 * template `{ title }`, the message's title, pointing the reader to the app for the details.
 */
export const SMS_TEMPLATE_KEYS = ['login', 'booking', 'booking_created', 'booking_cancelled', 'booking_reminder', 'correction', 'accepted', 'decision', 'ready', 'ticket_called'] as const;
export type SmsTemplateKey = (typeof SMS_TEMPLATE_KEYS)[number];

/** The order of a template's parameters, for providers that take them as a list (Tencent Cloud). */
export const SMS_TEMPLATE_PARAMS: Record<SmsTemplateKey, readonly string[]> = {
  login: ['code'],
  booking: ['code', 'time', 'hall', 'service'],
  booking_created: ['title'],
  booking_cancelled: ['title'],
  booking_reminder: ['title'],
  correction: ['title'],
  accepted: ['title'],
  decision: ['title'],
  ready: ['title'],
  ticket_called: ['title'],
};
