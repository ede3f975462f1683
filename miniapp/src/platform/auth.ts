import Taro from '@tarojs/taro'
import { PlatformUnsupportedError } from './env'

// Sign-in with the platform's own login (一键登录).

/** A code from the platform's own login, to exchange with our API. */
export type PlatformLoginCode = { kind: 'wechat'; code: string } | { kind: 'alipay'; authCode: string }

/** Whether 一键登录 (platform login) is offered. H5 signs in by SMS only. */
export const supportsPlatformLogin = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** The label of the platform login button. */
export const platformLoginLabel = process.env.TARO_ENV === 'alipay' ? '支付宝一键登录' : '微信一键登录'

/** weapp: Taro.login → code for POST /api/auth/wechat/login; alipay: my.getAuthCode → authCode. */
export async function getPlatformLoginCode(): Promise<PlatformLoginCode> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.login()
    if (!res.code) throw new Error('微信登录失败，请重试')
    return { kind: 'wechat', code: res.code }
  }
  if (process.env.TARO_ENV === 'alipay') {
    const authCode = await new Promise<string>((resolve, reject) => {
      my.getAuthCode({
        scopes: ['auth_base'],
        success: (res: { authCode?: string }) =>
          res.authCode ? resolve(res.authCode) : reject(new Error('支付宝授权失败，请重试')),
        fail: () => reject(new Error('支付宝授权失败，请重试')),
      })
    })
    return { kind: 'alipay', authCode }
  }
  throw new PlatformUnsupportedError('当前环境不支持一键登录，请使用手机验证码登录')
}
