import { Logger } from '@nestjs/common';
import { maskPhone } from '@gov/shared';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

/** Sends a sign-in code by SMS. */
export abstract class SmsProvider {
  /** The code to send: the dev provider always uses DEV_SMS_CODE, real ones a random code. */
  abstract codeFor(random: () => string): string;
  abstract send(phone: string, code: string): Promise<void>;
  /** Any other templated SMS (e.g. `booking`: a booking staff registered, with its check-in code). */
  abstract sendTemplate(phone: string, template: string, params: Record<string, string>): Promise<void>;
}

/** Development only (the configuration refuses it in production): accepts DEV_SMS_CODE and logs it. */
export class DevSmsProvider extends SmsProvider {
  private readonly logger = new Logger('DevSms');
  constructor(private readonly devCode: string) {
    super();
  }
  codeFor(): string {
    return this.devCode;
  }
  async send(phone: string, code: string): Promise<void> {
    this.logger.log(`验证码 ${code} 已发送至 ${maskPhone(phone)}（开发模式，未真实发送）`);
  }
  async sendTemplate(phone: string, template: string): Promise<void> {
    this.logger.log(`短信（${template}）已发送至 ${maskPhone(phone)}（开发模式，未真实发送）`);
  }
}

/**
 * A real SMS gateway over HTTP: POST {SMS_HTTP_URL} with `{ phone, template: 'login', params: { code } }`
 * and `Authorization: Bearer {SMS_HTTP_TOKEN}`; any 2xx answer is success.
 */
export class HttpSmsProvider extends SmsProvider {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {
    super();
  }
  codeFor(random: () => string): string {
    return random();
  }
  send(phone: string, code: string): Promise<void> {
    return this.sendTemplate(phone, 'login', { code });
  }
  async sendTemplate(phone: string, template: string, params: Record<string, string>): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ phone, template, params }),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      throw new DomainError('UNAVAILABLE', '短信服务暂时不可用，请稍后再试');
    }
    if (!res.ok) throw new DomainError('UNAVAILABLE', '短信服务暂时不可用，请稍后再试');
  }
}

export function createSmsProvider(config: AppConfig): SmsProvider {
  return config.sms.provider === 'dev' ? new DevSmsProvider(config.sms.devCode) : new HttpSmsProvider(config.sms.httpUrl!, config.sms.httpToken);
}
