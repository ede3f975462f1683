import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from '../routes'

/** Open any page: tab pages with switchTab, others with navigateTo. */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  if (TAB_ROUTES.includes(path)) {
    Taro.switchTab({ url: path })
  } else {
    Taro.navigateTo({ url })
  }
}

/** Back to the previous page, or to 我的 when this page was opened directly (H5 deep link). */
export function goBackOr(fallback: string = ROUTES.me): void {
  const pages = Taro.getCurrentPages()
  if (pages.length > 1) {
    Taro.navigateBack({ delta: 1 })
  } else {
    openPage(fallback)
  }
}

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  Taro.showToast({ title, icon, duration: 2000 })
}
