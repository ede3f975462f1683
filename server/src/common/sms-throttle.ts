import { normalizePhone } from '@gov/shared';
import { ExecutionContext, SetMetadata } from '@nestjs/common';

export const SMS_SEND = 'zwt:sms-send';

/** Marks the route whose calls count against the per-phone SMS limits (1 a minute, 10 a day). */
export const SmsSendLimited = (): MethodDecorator => SetMetadata(SMS_SEND, true);

export const isSmsSendRoute = (ctx: ExecutionContext): boolean => Reflect.getMetadata(SMS_SEND, ctx.getHandler()) === true;

/**
 * The per-phone counter's key: the phone as stored (shared/phone.rules), so that `139 0012 3456`,
 * `+86 139-0012-3456` and `13900123456` share one limit. Runs before validation: an unreadable phone
 * counts under its first characters (and is then refused by validation).
 */
export const phoneTracker = (req: Record<string, unknown>): string => {
  const body = req.body as { phone?: unknown } | undefined;
  const raw = body?.phone;
  return `phone:${normalizePhone(raw) ?? (typeof raw === 'string' ? raw.slice(0, 20) : '-')}`;
};
