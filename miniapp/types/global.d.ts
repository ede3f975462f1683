/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** NODE 内置环境变量, 会影响到最终构建生成产物 */
    NODE_ENV: 'development' | 'production'
    /** 当前构建的平台 */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** API origin for the mini-programs ('' on H5: same origin) */
    TARO_APP_API_BASE?: string
    TARO_APP_ID?: string
    TARO_APP_WEAPP_APPID?: string
    TARO_APP_ALIPAY_APPID?: string
    TARO_APP_DEV_API?: string
  }
}

/** Alipay's global API object (mini-program only). */
declare const my: any
