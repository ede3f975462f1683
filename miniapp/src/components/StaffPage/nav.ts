import Taro from '@tarojs/taro'
import { signOut } from '@/utils/signOut'
import { STAFF_HOME } from '@/utils/nav'
import type { Role, StaffRole } from '@gov/shared'
import { dutiesOf } from '@/utils/duties'

export const STAFF_LOGIN_PAGE = '/subpackages/staff/pages/login/index'
export const STAFF_HOME_PAGE = STAFF_HOME
export const STAFF_SEARCH_PAGE = '/subpackages/staff/pages/search/index'

const staff = (name: string) => `/subpackages/staff/pages/${name}/index`
const admin = (name: string) => `/subpackages/admin/pages/${name}/index`

export interface StaffNavEntry {
  label: string
  url: string
  /** only for admins */
  adminOnly?: boolean
  /** only for staff holding this duty (受审分离); admins see every entry */
  duty?: StaffRole
  /** other pages that belong to this section (the filing review belongs to 办件) */
  also?: string[]
}

/**
 * The sections of the desk, in the order of the side navigation. The one list: a new staff or admin
 * page adds its entry here (e.g. 企业核验 after 回访, 排班 among the admin entries).
 */
export const STAFF_NAV: StaffNavEntry[] = [
  { label: '工作台', url: STAFF_HOME_PAGE },
  { label: '督办', url: staff('supervision'), duty: 'supervisor' },
  { label: '预约签到', url: staff('bookings'), duty: 'window' },
  { label: '叫号', url: staff('queue'), duty: 'window' },
  { label: '迟到电话', url: staff('late'), duty: 'window' },
  { label: '窗口登记', url: staff('registered'), duty: 'window' },
  { label: '错时预约', url: staff('offhours'), duty: 'window' },
  { label: '办件', url: staff('filings'), also: [staff('review')] },
  { label: '申诉', url: staff('appeals') },
  { label: '整改', url: staff('rectifications') },
  { label: '回访', url: staff('follow-ups') },
  { label: '延时服务', url: staff('overtime') },
  { label: '满意度统计', url: admin('stats'), adminOnly: true },
  { label: '常用补正语', url: admin('phrases'), adminOnly: true },
  { label: '智能导办', url: admin('guidance'), adminOnly: true },
]

const pathOf = (url: string) => `/${url.split('?')[0].replace(/^\/+/, '')}`

/** The entries a caller with these roles sees (their duties'), and which one the page at `path` belongs to. */
export function staffNav(path: string, roles: readonly Role[] | undefined | null): Array<StaffNavEntry & { current: boolean }> {
  const here = pathOf(path)
  const isAdmin = !!roles?.includes('admin')
  const duties = dutiesOf(roles)
  return STAFF_NAV.filter((e) => (isAdmin || !e.adminOnly) && (!e.duty || duties.includes(e.duty))).map((e) => ({
    ...e,
    current: [e.url, ...(e.also ?? [])].some((u) => pathOf(u) === here),
  }))
}

/** The path of the page on screen. */
export function currentPath(): string {
  return Taro.getCurrentInstance().router?.path ?? ''
}

/** Sign out of the desk: revoke the refresh token, forget the session, back to the staff sign-in. */
export async function staffLogout(): Promise<void> {
  await signOut()
  Taro.showToast({ title: '已退出', icon: 'none', duration: 2000 })
  await Taro.reLaunch({ url: STAFF_LOGIN_PAGE })
}
