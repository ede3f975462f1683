import { useState, type PropsWithChildren, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import AppPage from '../AppPage'
import Button from '../AppButton'
import { isStaffUser } from '@/api/staff'
import { useDeskLayout } from '@/hooks/useDeskLayout'
import { isH5 } from '@/platform'
import { useSession } from '@/store/session'
import { currentPath, STAFF_LOGIN_PAGE, STAFF_SEARCH_PAGE, staffLogout, staffNav } from './nav'
import { onActivateKey } from '@/utils/a11y'
import './index.scss'

export { STAFF_HOME_PAGE, STAFF_LOGIN_PAGE, STAFF_NAV, STAFF_SEARCH_PAGE } from './nav'

interface Props {
  className?: string
  title: string
  /** only admins (statistics) */
  adminOnly?: boolean
  /** actions at the right of the title */
  actions?: ReactNode
  /** offer 刷新 at the right of the title (when no other actions are given) */
  onRefresh?: () => void
}

/** A link-like entry of the desk navigation (role link, Enter to follow, aria-current on the section shown). */
function NavItem({ label, current, onTap, danger }: { label: string; current?: boolean; onTap: () => void; danger?: boolean }) {
  const a11y = isH5
    ? {
        role: 'link',
        tabIndex: 0,
        'aria-current': current ? 'page' : undefined,
        onKeyDown: onActivateKey(onTap, ['Enter']),
      }
    : {}
  return (
    <View className={`staff-nav__item ${current ? 'staff-nav__item--on' : ''} ${danger ? 'staff-nav__item--danger' : ''}`} onClick={onTap} {...(a11y as object)}>
      <Text>{label}</Text>
    </View>
  )
}

/** One search box for the desk: filing number, booking code, applicant name or phone tail. */
function DeskSearch() {
  const [q, setQ] = useState('')
  const go = () => {
    const text = q.trim()
    if (!text) return
    Taro.redirectTo({ url: `${STAFF_SEARCH_PAGE}?q=${encodeURIComponent(text)}` })
  }
  return (
    <View className='staff-nav__search' role='search'>
      <Input
        className='staff-nav__input'
        aria-label='查找办件或预约'
        placeholder='编号、签到码、姓名、手机尾号'
        value={q}
        maxlength={64}
        confirmType='search'
        onInput={(e) => setQ(e.detail.value)}
        onConfirm={go}
      />
      <Button size='small' type='primary' onClick={go}>
        查找
      </Button>
    </View>
  )
}

/**
 * The frame of staff and admin pages: the desk layout on H5 (useDeskLayout), the navigation between
 * the desk's sections with the search box and sign-out, a title bar, and a gate that sends anyone who
 * is not signed in as staff (or admin) to the staff sign-in.
 */
export default function StaffPage({ className, title, adminOnly, actions: given, onRefresh, children }: PropsWithChildren<Props>) {
  const actions =
    given ??
    (onRefresh ? (
      <Button fill='outline' type='primary' onClick={onRefresh}>
        刷新
      </Button>
    ) : undefined)
  const { accessToken, user } = useSession()
  useDeskLayout()

  const isAdmin = !!user?.roles.includes('admin')
  const allowed = !!accessToken && isStaffUser(user?.roles) && (!adminOnly || isAdmin)
  const signedIn = !!accessToken && isStaffUser(user?.roles)
  const nav = signedIn ? staffNav(currentPath(), user?.roles) : []
  return (
    <AppPage className={`staff-page ${className ?? ''}`} title={title} actions={allowed && isH5 ? actions : undefined}>
      <View className='staff-page__inner staff-desk'>
        {signedIn ? (
          <View className='staff-nav' role='navigation' aria-label='工作台导航'>
            <Text className='staff-nav__who'>{user?.name ?? user?.realName ?? '工作人员'}</Text>
            <DeskSearch />
            <View className='staff-nav__list'>
              {nav.map((e) => (
                <NavItem key={e.url} label={e.label} current={e.current} onTap={() => (e.current ? undefined : Taro.redirectTo({ url: e.url }))} />
              ))}
              <NavItem label='退出登录' danger onTap={() => void staffLogout()} />
            </View>
          </View>
        ) : null}
        <View className='staff-page__main'>
          {/* H5: the title and actions are in the page's header (AppPage); mini-programs have the platform's bar */}
          {!isH5 && allowed && actions ? (
            <View className='staff-page__head'>
              <View className='staff-page__actions'>{actions}</View>
            </View>
          ) : null}
          {allowed ? (
            children
          ) : (
            <View className='card staff-page__gate'>
              <Text className='staff-page__gate-title'>{adminOnly ? '需要管理员账号' : '需要工作人员账号'}</Text>
              <Text className='muted'>此页面仅供政务服务中心{adminOnly ? '管理员' : '窗口人员'}使用，请使用工作人员账号登录。</Text>
              <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.navigateTo({ url: STAFF_LOGIN_PAGE })}>
                工作人员登录
              </Button>
            </View>
          )}
        </View>
      </View>
    </AppPage>
  )
}
