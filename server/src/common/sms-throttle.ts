import { ExecutionContext, SetMetadata } from '@nestjs/common';

export const SMS_SEND = 'zwt:sms-send';

/** Marks the route whose calls count against the per-phone SMS limits (1 a minute, 10 a day). */
export const SmsSendLimited = (): MethodDecorator => SetMetadata(SMS_SEND, true);

export const isSmsSendRoute = (ctx: ExecutionContext): boolean => Reflect.getMetadata(SMS_SEND, ctx.getHandler()) === true;

export const phoneTracker = (req: Record<string, unknown>): string => {
  const body = req.body as { phone?: unknown } | undefined;
  return `phone:${typeof body?.phone === 'string' ? body.phone.slice(0, 20) : '-'}`;
};
