import Taro from '@tarojs/taro'

/**
 * The one place that knows which platform we run on. Pages and the API client ask this
 * module; nothing else reads process.env.TARO_ENV. (TARO_ENV is replaced at build time,
 * so the branches of other platforms are dropped from each bundle.)
 */
// Compare process.env.TARO_ENV literally in every branch: DefinePlugin turns each into
// '"weapp" === "alipay"', which webpack folds, so other platforms' code is not bundled.

export type PlatformName = 'weapp' | 'alipay' | 'h5' | 'other'

export const platformName: PlatformName = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay' || process.env.TARO_ENV === 'h5'
    ? process.env.TARO_ENV
    : 'other'
export const isH5 = process.env.TARO_ENV === 'h5'
export const isMiniProgram = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** A code from the platform's own login, to exchange with our API. */
export type PlatformLoginCode = { kind: 'wechat'; code: string } | { kind: 'alipay'; authCode: string }

/** Whether 一键登录 (platform login) is offered. H5 signs in by SMS only. */
export const supportsPlatformLogin = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'alipay'

/** The label of the platform login button. */
export const platformLoginLabel = process.env.TARO_ENV === 'alipay' ? '支付宝一键登录' : '微信一键登录'

export class PlatformUnsupportedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PlatformUnsupportedError'
  }
}

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

/** Scan a QR/bar code (staff check-in). H5 has no scanner: the caller offers manual entry. */
export const supportsScanCode = isMiniProgram

export async function scanCode(): Promise<string> {
  if (!supportsScanCode) throw new PlatformUnsupportedError('当前环境不支持扫码，请手动输入')
  const res = await Taro.scanCode({ onlyFromCamera: false })
  return res.result
}

export interface ChosenFile {
  /** temp path (mini-programs) or blob: URL (H5), usable with Taro.uploadFile */
  path: string
  name: string
  size: number
  /** H5 only: the File itself */
  file?: File
}

export interface ChooseFileOptions {
  /** 'image': photos or camera; 'document': PDF/JPG/PNG from chats (weapp) or the file system (H5) */
  kind: 'image' | 'document'
  count?: number
}

function nameFromPath(path: string, fallback: string): string {
  const last = path.split('/').pop()
  return last && last.length > 0 ? last : fallback
}

/** Pick files for upload: chooseMedia / chooseMessageFile (weapp), chooseImage (alipay), <input type=file> (H5). */
export async function chooseFile({ kind, count = 1 }: ChooseFileOptions): Promise<ChosenFile[]> {
  if (process.env.TARO_ENV === 'weapp') {
    if (kind === 'document') {
      const res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
      return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
    }
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'] })
    return res.tempFiles.map((f, i) => ({ path: f.tempFilePath, name: nameFromPath(f.tempFilePath, `image-${i + 1}.jpg`), size: f.size }))
  }
  if (process.env.TARO_ENV === 'h5') {
    return chooseFileInBrowser(kind, count)
  }
  // Alipay (and others): images only
  const res = await Taro.chooseImage({ count, sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f, i) => ({ path: f.path, name: nameFromPath(f.path, `image-${i + 1}.jpg`), size: f.size }))
}

function chooseFileInBrowser(kind: ChooseFileOptions['kind'], count: number): Promise<ChosenFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = kind === 'image' ? 'image/jpeg,image/png' : 'application/pdf,image/jpeg,image/png'
    input.multiple = count > 1
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []).slice(0, count)
      input.remove()
      if (files.length === 0) reject(new Error('未选择文件'))
      else resolve(files.map((file) => ({ path: URL.createObjectURL(file), name: file.name, size: file.size, file })))
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** Ask for permission to send subscription messages (reminders). Resolves to the accepted template ids. */
export async function requestSubscribeMessage(templateIds: string[]): Promise<string[]> {
  if (templateIds.length === 0) return []
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as any)) as Record<string, string>
      return templateIds.filter((id) => res[id] === 'accept')
    } catch {
      return []
    }
  }
  if (process.env.TARO_ENV === 'alipay') {
    return new Promise((resolve) => {
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (res: { subscribeEntityIds?: string[] }) => resolve(res.subscribeEntityIds ?? []),
        fail: () => resolve([]),
      })
    })
  }
  // H5: messages arrive in the in-app message centre only
  return []
}
