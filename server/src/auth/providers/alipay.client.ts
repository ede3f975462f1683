import { Injectable } from '@nestjs/common';
import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

/** Alipay's open-API request signing (RSA2): sorted `k=v` pairs joined by `&`, SHA256withRSA, base64. */
export function alipaySignContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** yyyy-MM-dd HH:mm:ss in Asia/Shanghai, as the gateway wants its timestamp. */
export function alipayTimestamp(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

interface OAuthAnswer {
  alipay_system_oauth_token_response?: { user_id?: string; open_id?: string; access_token?: string };
  error_response?: { code?: string; msg?: string; sub_code?: string; sub_msg?: string };
  sign?: string;
}

/** The Alipay open platform gateway (ALIPAY_GATEWAY), for `alipay.system.oauth.token`. */
@Injectable()
export class AlipayClient {
  private readonly privateKey: string;

  constructor(private readonly config: AppConfig) {
    // Without a configured key (development) sign with a throwaway one; the real gateway would refuse it.
    this.privateKey =
      config.alipay.privateKeyPem ??
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  async oauthToken(authCode: string, now: Date): Promise<{ userId: string }> {
    const params: Record<string, string> = {
      app_id: this.config.alipay.appId,
      method: 'alipay.system.oauth.token',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: alipayTimestamp(now),
      version: '1.0',
      grant_type: 'authorization_code',
      code: authCode,
    };
    params.sign = createSign('RSA-SHA256').update(alipaySignContent(params), 'utf8').sign(this.privateKey, 'base64');

    let raw: string;
    try {
      const res = await fetch(this.config.alipay.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(5000),
      });
      if (res.status >= 500) throw new Error(`gateway ${res.status}`);
      raw = await res.text();
    } catch {
      throw new DomainError('UNAVAILABLE', '支付宝服务暂时不可用，请稍后再试');
    }
    let a: OAuthAnswer;
    try {
      a = JSON.parse(raw) as OAuthAnswer;
    } catch {
      throw new DomainError('UNAVAILABLE', '支付宝服务返回了无法识别的内容');
    }
    if (this.config.alipay.publicKeyPem) this.verifyResponse(raw, a.sign);
    const ok = a.alipay_system_oauth_token_response;
    const userId = ok?.user_id ?? ok?.open_id;
    if (a.error_response || !userId) throw new DomainError('INVALID_CODE', '支付宝授权码无效或已过期，请重试');
    return { userId };
  }

  /** The gateway signs the raw JSON of the response object; refuse answers whose signature fails. */
  private verifyResponse(raw: string, sign: string | undefined): void {
    const m = /"(alipay_system_oauth_token_response|error_response)"\s*:\s*(\{[^{}]*\})/.exec(raw);
    const valid =
      !!m && !!sign && createVerify('RSA-SHA256').update(m[2], 'utf8').verify(this.config.alipay.publicKeyPem!, sign, 'base64');
    if (!valid) throw new DomainError('UNAVAILABLE', '支付宝应答验签失败');
  }
}
