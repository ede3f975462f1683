import { Logger } from '@nestjs/common';
import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { sms as tencentSms } from 'tencentcloud-sdk-nodejs-sms';
import { maskPhone } from '@gov/shared';
import { AppConfig } from '../../config/app-config';
import { SMS_TEMPLATE_PARAMS, SmsTemplateKey } from '../../config/sms-templates';
import { DomainError } from '../../common/errors/domain-error';

/**
 * The SMS service refused a message for good (a bad number, a template it does not know, a
 * blocked sign): sending it again would not help. Still 503 UNAVAILABLE to a caller.
 */
export class SmsRefused extends DomainError {
  constructor(reason: string) {
    super('UNAVAILABLE', `短信未能发送（${reason}）`);
  }
}

const unavailable = (): DomainError => new DomainError('UNAVAILABLE', '短信服务暂时不可用，请稍后再试');

/** Sends templated SMS: sign-in codes, and the messages the outbox delivers by SMS. */
export abstract class SmsProvider {
  /** The code to send: a random one (the dev provider always uses DEV_SMS_CODE). */
  codeFor(random: () => string): string {
    return random();
  }
  /** A sign-in code (template `login`). Throws UNAVAILABLE (SmsRefused when refused for good). */
  send(phone: string, code: string): Promise<void> {
    return this.sendTemplate(phone, 'login', { code });
  }
  /**
   * One templated SMS (SMS_TEMPLATE_KEYS, with the parameters SMS_TEMPLATE_PARAMS names). Throws
   * DomainError UNAVAILABLE for a passing fault (network, 5xx, rate limit) and SmsRefused for a refusal.
   */
  abstract sendTemplate(phone: string, template: SmsTemplateKey, params: Record<string, string>): Promise<void>;
}

/** Development only (the configuration refuses it in production): accepts DEV_SMS_CODE and logs it. */
export class DevSmsProvider extends SmsProvider {
  private readonly logger = new Logger('DevSms');
  constructor(private readonly devCode: string) {
    super();
  }
  override codeFor(): string {
    return this.devCode;
  }
  override async send(phone: string, code: string): Promise<void> {
    this.logger.log(`验证码 ${code} 已发送至 ${maskPhone(phone)}（开发模式，未真实发送）`);
  }
  async sendTemplate(phone: string, template: SmsTemplateKey): Promise<void> {
    this.logger.log(`短信（${template}）已发送至 ${maskPhone(phone)}（开发模式，未真实发送）`);
  }
}

/**
 * A real SMS gateway over HTTP: POST {SMS_HTTP_URL} with `{ phone, template, params }` and
 * `Authorization: Bearer {SMS_HTTP_TOKEN}`; any 2xx answer is success, a 4xx a refusal.
 */
export class HttpSmsProvider extends SmsProvider {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {
    super();
  }
  async sendTemplate(phone: string, template: SmsTemplateKey, params: Record<string, string>): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ phone, template, params }),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      throw unavailable();
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new SmsRefused(`HTTP ${res.status}`);
    if (!res.ok) throw unavailable();
  }
}

/** `host` or `http(s)://host:port` → the protocol and host the cloud SDKs take separately. */
export function splitEndpoint(endpoint: string, fallbackHost: string): { protocol: 'http' | 'https'; host: string } {
  const m = /^(https?):\/\/([^/]+)\/?$/.exec(endpoint);
  if (m) return { protocol: m[1] as 'http' | 'https', host: m[2] };
  return { protocol: 'https', host: endpoint.replace(/\/$/, '') || fallbackHost };
}

/** Alibaba Cloud error codes that a later try may get past (rate limits, the service itself). */
const ALIYUN_PASSING = /^(isv\.BUSINESS_LIMIT_CONTROL|isp\.|Throttling|ServiceUnavailable|InternalError)/;

/**
 * Alibaba Cloud SMS (短信服务, API SendSms 2017-05-25) through the official SDK
 * (`@alicloud/dysmsapi20170525`, ACS3-HMAC-SHA256 signed requests). Numbers go without +86;
 * template variables as a JSON object.
 */
export class AliyunSmsProvider extends SmsProvider {
  private readonly client: Dysmsapi;

  constructor(private readonly config: AppConfig['sms']) {
    super();
    const { protocol, host } = splitEndpoint(config.endpoint ?? 'dysmsapi.aliyuncs.com', 'dysmsapi.aliyuncs.com');
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({ accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret, endpoint: host, protocol, readTimeout: 5000, connectTimeout: 5000 }),
    );
  }
  async sendTemplate(phone: string, template: SmsTemplateKey, params: Record<string, string>): Promise<void> {
    const request = new SendSmsRequest({
      phoneNumbers: phone,
      signName: this.config.signName,
      templateCode: this.config.templates[template] ?? '',
      templateParam: JSON.stringify(params),
    });
    let code: string | undefined;
    try {
      const res = await this.client.sendSms(request);
      code = res.body?.code;
    } catch (e) {
      const err = e as { code?: string; statusCode?: number };
      if (err.code && !ALIYUN_PASSING.test(err.code) && (err.statusCode ?? 500) < 500) throw new SmsRefused(err.code);
      throw unavailable();
    }
    if (code === 'OK') return;
    if (!code || ALIYUN_PASSING.test(code)) throw unavailable();
    throw new SmsRefused(code);
  }
}

/** Tencent Cloud error codes that a later try may get past. */
const TENCENT_PASSING = /^(InternalError|RequestLimitExceeded|LimitExceeded\.(PhoneNumberThirtySecondLimit|PhoneNumberOneHourLimit|DeliveryFrequencyLimit))/;

/**
 * Tencent Cloud SMS (API SendSms 2021-01-11) through the official SDK (`tencentcloud-sdk-nodejs-sms`,
 * TC3-HMAC-SHA256 signed). Numbers in E.164 (+86…); template variables as an ordered list
 * (SMS_TEMPLATE_PARAMS).
 */
export class TencentSmsProvider extends SmsProvider {
  private readonly client: InstanceType<typeof tencentSms.v20210111.Client>;

  constructor(private readonly config: AppConfig['sms']) {
    super();
    const { protocol, host } = splitEndpoint(config.endpoint ?? 'sms.tencentcloudapi.com', 'sms.tencentcloudapi.com');
    this.client = new tencentSms.v20210111.Client({
      credential: { secretId: config.accessKeyId, secretKey: config.accessKeySecret },
      region: config.region,
      profile: { httpProfile: { endpoint: host, protocol: `${protocol}://`, reqTimeout: 5 } },
    });
  }
  async sendTemplate(phone: string, template: SmsTemplateKey, params: Record<string, string>): Promise<void> {
    let status: { Code?: string } | undefined;
    try {
      const res = await this.client.SendSms({
        PhoneNumberSet: [phone.startsWith('+') ? phone : `+86${phone}`],
        SmsSdkAppId: this.config.sdkAppId,
        SignName: this.config.signName,
        TemplateId: this.config.templates[template] ?? '',
        TemplateParamSet: SMS_TEMPLATE_PARAMS[template].map((k) => params[k] ?? ''),
      });
      status = res.SendStatusSet?.[0];
    } catch (e) {
      const err = e as { code?: string; httpCode?: number };
      if (err.code && !TENCENT_PASSING.test(err.code)) throw new SmsRefused(err.code);
      throw unavailable();
    }
    if (status?.Code === 'Ok') return;
    if (!status?.Code || TENCENT_PASSING.test(status.Code)) throw unavailable();
    throw new SmsRefused(status.Code);
  }
}

/** The provider SMS_PROVIDER names (the configuration has checked its settings). */
export function createSmsProvider(config: AppConfig): SmsProvider {
  switch (config.sms.provider) {
    case 'dev':
      return new DevSmsProvider(config.sms.devCode);
    case 'aliyun':
      return new AliyunSmsProvider(config.sms);
    case 'tencent':
      return new TencentSmsProvider(config.sms);
    case 'http':
      return new HttpSmsProvider(config.sms.httpUrl!, config.sms.httpToken);
  }
}
