import { Injectable } from '@nestjs/common';
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import { generateKeyPairSync } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

/** yyyy-MM-dd HH:mm:ss in Asia/Shanghai, as the gateway wants its timestamp (the SDK would use the host's zone). */
export function alipayTimestamp(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/** An answer of the gateway that is an error (error_response, or a response object with a sub_code). */
const isErrorAnswer = (raw: string | undefined): boolean => {
  try {
    const a = JSON.parse(raw ?? '') as Record<string, { sub_code?: string; code?: string } | undefined>;
    return !!a.error_response || Object.values(a).some((v) => typeof v === 'object' && !!v?.sub_code);
  } catch {
    return false;
  }
};

/**
 * The Alipay open platform gateway (ALIPAY_GATEWAY) through the official SDK (`alipay-sdk`): RSA2
 * request signing, and the gateway's signature checked on every answer when ALIPAY_PUBLIC_KEY is set.
 */
@Injectable()
export class AlipayClient {
  private readonly sdk: AlipaySdk;

  constructor(private readonly config: AppConfig) {
    // Without a configured key (development) sign with a throwaway one; the real gateway would refuse it.
    const privateKey =
      config.alipay.privateKeyPem ??
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.sdk = new AlipaySdk({
      appId: config.alipay.appId,
      privateKey,
      keyType: privateKey.includes('BEGIN RSA PRIVATE KEY') ? 'PKCS1' : 'PKCS8',
      alipayPublicKey: config.alipay.publicKeyPem ?? undefined,
      gateway: config.alipay.gateway,
      signType: 'RSA2',
      timeout: 5000,
      camelcase: false,
    });
  }

  /**
   * `alipay.system.oauth.token`: a mini-program auth code → the Alipay user id. Throws INVALID_CODE
   * for a code the gateway refuses, UNAVAILABLE when it cannot be reached or its answer's signature fails.
   */
  async oauthToken(authCode: string, now: Date): Promise<{ userId: string }> {
    const ok = (await this.exec('alipay.system.oauth.token', { grant_type: 'authorization_code', code: authCode, timestamp: alipayTimestamp(now) }, '支付宝授权码无效或已过期，请重试')) as {
      user_id?: string;
      open_id?: string;
      code?: string;
      sub_code?: string;
    };
    const userId = ok.user_id ?? ok.open_id;
    if (ok.sub_code || !userId) throw new DomainError('INVALID_CODE', '支付宝授权码无效或已过期，请重试');
    return { userId };
  }

  /**
   * A mini-program message (`alipay.open.app.mini.templatemessage.send`, template ALIPAY_MESSAGE_TEMPLATE)
   * to an Alipay user. Returns 'sent', or 'refused' when the gateway will not take it (then sending
   * again would not help). Throws UNAVAILABLE for a passing fault.
   */
  async sendMessage(toUserId: string, page: string, data: Record<string, string>, now: Date): Promise<'sent' | 'refused'> {
    try {
      const a = (await this.exec(
        'alipay.open.app.mini.templatemessage.send',
        {
          timestamp: alipayTimestamp(now),
          bizContent: {
            to_user_id: toUserId,
            user_template_id: this.config.alipay.messageTemplate,
            page,
            data: JSON.stringify(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }]))),
          },
        },
        '支付宝消息未被接受',
      )) as { code?: string };
      return a.code === '10000' ? 'sent' : 'refused';
    } catch (e) {
      if (e instanceof DomainError && e.code === 'INVALID_CODE') return 'refused';
      throw e;
    }
  }

  /** One gateway call; an error answer → INVALID_CODE (`refusal`), anything else that fails → UNAVAILABLE. */
  private async exec(method: string, params: Record<string, unknown>, refusal: string): Promise<Record<string, unknown>> {
    try {
      const a = (await this.sdk.exec(method, params, { validateSign: !!this.config.alipay.publicKeyPem })) as Record<string, unknown>;
      if (a.sub_code || (a.code && a.code !== '10000')) throw new DomainError('INVALID_CODE', refusal);
      return a;
    } catch (e) {
      if (e instanceof DomainError) throw e;
      // an error answer is a refusal, whether or not its signature checks out: it grants nothing
      if (e instanceof AlipayRequestError && isErrorAnswer(e.responseDataRaw)) throw new DomainError('INVALID_CODE', refusal);
      throw new DomainError('UNAVAILABLE', '支付宝服务暂时不可用，请稍后再试');
    }
  }
}
