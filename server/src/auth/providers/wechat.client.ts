import { Inject, Injectable } from '@nestjs/common';
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
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

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
