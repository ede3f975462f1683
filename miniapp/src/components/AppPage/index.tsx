import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { isH5 } from '@/platform'
import { TAB_ROUTES } from '@/routes'
import { useSettings } from '@/store/settings'
import { currentPagePath, goHome, isDeskPath, STAFF_HOME } from '@/utils/nav'
import Tappable from '../Tappable'
import TermsConsent from '../TermsConsent'
import './index.scss'

export interface AppPageProps {
  className?: string
  /** the header's title (H5); default: the page config's navigationBarTitleText */
  title?: string
  /** at the right of the header's title (e.g. 刷新 on staff pages) */
  actions?: ReactNode
}

/** The title the page config gives the page on screen (H5 also shows it as the document title). */
function configTitle(): string {
  const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | null | undefined
  return page?.config?.navigationBarTitleText ?? ''
}

/**
 * The header of every H5 page (mini-programs have the platform's bar): the title, and 返回 — back
 * to the previous page, or home when the page was opened directly (a link, a reload). On staff and
 * admin pages it reads 工作台 and leads to the desk's home; tab pages and the desk's home have none.
 */
function Header({ title, actions }: { title?: string; actions?: ReactNode }) {
  const path = currentPagePath()
  const [shown, setShown] = useState(title ?? '')
  useEffect(() => {
    setShown(title || configTitle() || (typeof document !== 'undefined' ? document.title : ''))
  }, [title])
  const desk = isDeskPath(path)
  const root = TAB_ROUTES.includes(path) || path === STAFF_HOME || path === '/subpackages/staff/pages/login/index'
  const back = () => {
    if (desk) {
      void Taro.redirectTo({ url: STAFF_HOME })
      return
    }
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 })
    else goHome(path)
  }
  return (
    <View className='app-header' role='banner'>
      {root ? null : (
        <Tappable className='app-header__back' onTap={back} label={desk ? '返回工作台' : '返回'}>
          <View className='app-header__chevron' aria-hidden />
          {desk ? '工作台' : '返回'}
        </Tappable>
      )}
      <View className='app-header__title' role='heading' aria-level={1}>
        {shown}
      </View>
      {actions ? <View className='app-header__actions'>{actions}</View> : null}
    </View>
  )
}

/**
 * The root of every page: carries the theme variables and the large-font (适老化) scale, draws the
 * H5 header (title and 返回), and asks a signed-in citizen to consent to the privacy terms before
 * anything else (components/TermsConsent).
 */
export default function AppPage({ className, title, actions, children }: PropsWithChildren<AppPageProps>) {
  const { largeFont } = useSettings()
  const cls = ['app-page', largeFont ? 'app-page--large' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={cls}>
      {isH5 ? <Header title={title} actions={actions} /> : null}
      {children}
      <TermsConsent />
    </View>
  )
}
