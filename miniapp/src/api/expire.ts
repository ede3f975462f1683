import Taro from '@tarojs/taro'
import { ROUTES } from '../routes'
import { session } from '../store/session'

let expiring = false

function currentRoute(): string {
  try {
    const pages = Taro.getCurrentPages()
    const top = pages[pages.length - 1]
    return top?.route ? `/${top.route.replace(/^\//, '')}` : ''
  } catch {
    return ''
  }
}

/** The refresh failed: sign out locally, tell the user, and open the sign-in page (once). */
export function expireSession(): void {
  const hadSession = session.isSignedIn()
  session.clear()
  if (!hadSession || expiring) return
  expiring = true
  Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none', duration: 2000 })
  setTimeout(() => {
    expiring = false
    if (!currentRoute().startsWith(ROUTES.login)) {
      Taro.navigateTo({ url: ROUTES.login }).catch(() => Taro.reLaunch({ url: ROUTES.login }))
    }
  }, 300)
}
