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

/** The desk's home (工作台) for staff and admin pages. */
export const STAFF_HOME = '/subpackages/staff/pages/index/index'

/** A staff or admin page (its way home is 工作台, not the citizen 首页). */
export function isDeskPath(path: string): boolean {
  return /^\/?subpackages\/(staff|admin)\//.test(path)
}

/** The page on screen, as a path with a leading slash and no query. */
export function currentPagePath(): string {
  const path = Taro.getCurrentInstance().router?.path ?? ''
  return `/${path.split('?')[0].replace(/^\/+/, '')}`
}

/** Where 返回首页 leads from the page on screen: 工作台 on desk pages, 首页 elsewhere. */
export function homeOf(path: string = currentPagePath()): { url: string; label: string } {
  return isDeskPath(path) ? { url: STAFF_HOME, label: '返回工作台' } : { url: ROUTES.home, label: '返回首页' }
}

/** Go home (homeOf): the stack is dropped, so 返回 does not lead back to a dead end. */
export function goHome(path?: string): void {
  const { url } = homeOf(path)
  if (TAB_ROUTES.includes(url)) Taro.switchTab({ url })
  else Taro.reLaunch({ url })
}

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  Taro.showToast({ title, icon, duration: 2000 })
}
