/**
 * Which platform we run on. Pages and the API client ask the platform modules; nothing else
 * reads process.env.TARO_ENV. (TARO_ENV is replaced at build time, so the branches of other
 * platforms are dropped from each bundle.)
 */
// Compare process.env.TARO_ENV literally in every branch: DefinePlugin turns each into
// '"weapp" === "alipay"', which webpack folds, so other platforms' code is not bundled.

export type PlatformName = 'weapp' | 'alipay' | 'h5' | 'other'

export const platformName: PlatformName = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay' || process.env.TARO_ENV === 'h5'
    ? process.env.TARO_ENV
    : 'other'
export const isH5 = process.env.TARO_ENV === 'h5'
export const isMiniProgram = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** A platform API this build does not have (the caller offers another way). */
export class PlatformUnsupportedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformUnsupportedError'
  }
}
