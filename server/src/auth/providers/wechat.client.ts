import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { fetchJson } from './http-json';

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** The WeChat mini-program server API (base URL configurable: WECHAT_API_BASE). */
@Injectable()
export class WechatClient {
  constructor(private readonly config: AppConfig) {}

  /** `wx.login` code → openid, through auth.code2Session (GET /sns/jscode2session). */
  async code2Session(code: string): Promise<{ openid: string; unionid: string | null }> {
    const q = new URLSearchParams({
      appid: this.config.wechat.appId,
      secret: this.config.wechat.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const a = await fetchJson<Code2SessionAnswer>(`${this.config.wechat.apiBase}/sns/jscode2session?${q.toString()}`);
    if (a.errcode === -1) throw new DomainError('UNAVAILABLE', '微信服务繁忙，请稍后再试');
    if ((a.errcode !== undefined && a.errcode !== 0) || !a.openid) {
      throw new DomainError('INVALID_CODE', '微信登录凭证无效或已过期，请重试');
    }
    return { openid: a.openid, unionid: a.unionid ?? null };
  }
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  errcode?: number;
  errmsg?: string;
}

/**
 * Subscribe messages (订阅消息) through the WeChat server API. Uses the stable access token
 * (POST /cgi-bin/stable_token), which several API instances may fetch without invalidating each
 * other's copies, cached until five minutes before it expires.
 */
@Injectable()
export class WechatMessenger {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly config: AppConfig) {}

  private async accessToken(force = false): Promise<string> {
    if (!force && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const a = await fetchJson<TokenAnswer>(`${this.config.wechat.apiBase}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.config.wechat.appId, secret: this.config.wechat.secret, force_refresh: force }),
    });
    if (!a.access_token) throw new DomainError('UNAVAILABLE', `微信接口调用凭证获取失败（${a.errcode ?? '?'}）`);
    this.token = { value: a.access_token, expiresAt: Date.now() + Math.max(60, (a.expires_in ?? 7200) - 300) * 1000 };
    return a.access_token;
  }

  /**
   * Send one subscribe message. Returns 'sent', or 'refused' when the user has not (or no longer)
   * consented (errcode 43101). An invalid token (40001/42001) is renewed once.
   */
  async send(openid: string, templateId: string, page: string, data: Record<string, string>): Promise<'sent' | 'refused'> {
    const body = {
      touser: openid,
      template_id: templateId,
      page,
      miniprogram_state: this.config.wechat.miniprogramState,
      lang: 'zh_CN',
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const a = await fetchJson<{ errcode?: number; errmsg?: string }>(
        `${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      );
      if (!a.errcode) return 'sent';
      if (a.errcode === 43101) return 'refused';
      if (a.errcode !== 40001 && a.errcode !== 42001) throw new DomainError('UNAVAILABLE', `订阅消息发送失败（${a.errcode}）`);
    }
    throw new DomainError('UNAVAILABLE', '订阅消息发送失败');
  }
}
