/** Page paths, for navigation. Tab pages must be opened with Taro.switchTab. */
export const ROUTES = {
  home: '/pages/index/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  /** where an unknown address lands (app.ts) */
  notFound: '/pages/not-found/index',
  verify: '/subpackages/account/pages/verify/index',
  closeAccount: '/subpackages/account/pages/close/index',
} as const

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.services, ROUTES.me]
