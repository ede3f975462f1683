import Taro from '@tarojs/taro'
import { isMiniProgram, PlatformUnsupportedError } from './env'
import { ensurePrivacyAuthorized } from './privacy'

/** Scan a QR/bar code (staff check-in). H5 has no scanner: the caller offers manual entry. */
export const supportsScanCode = isMiniProgram

export async function scanCode(): Promise<string> {
  if (!supportsScanCode) throw new PlatformUnsupportedError('当前环境不支持扫码，请手动输入')
  await ensurePrivacyAuthorized()
  const res = await Taro.scanCode({ onlyFromCamera: false })
  return res.result
}
