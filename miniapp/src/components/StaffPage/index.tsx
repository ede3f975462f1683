import { useEffect, type PropsWithChildren, type ReactNode } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '../AppPage'
import Button from '../AppButton'
import { isStaffUser } from '../../api/staff'
import { setDeskLayout } from '../../platform'
import { useSession } from '../../store/session'
import './index.scss'

export const STAFF_LOGIN_PAGE = '/subpackages/staff/pages/login/index'
export const STAFF_HOME_PAGE = '/subpackages/staff/pages/index/index'

interface Props {
  className?: string
  title: string
  /** only admins (statistics) */
  adminOnly?: boolean
  /** actions at the right of the title (e.g. 刷新) */
  actions?: ReactNode
}

/**
 * The frame of staff and admin pages: a desk-friendly width on H5 (setDeskLayout), a title bar, and
 * a gate that sends anyone who is not signed in as staff (or admin) to the staff sign-in.
 */
export default function StaffPage({ className, title, adminOnly, actions, children }: PropsWithChildren<Props>) {
  const { accessToken, user } = useSession()
  useDidShow(() => setDeskLayout(true))
  useDidHide(() => setDeskLayout(false))
  useEffect(() => {
    setDeskLayout(true)
    return () => setDeskLayout(false)
  }, [])

  const allowed = !!accessToken && isStaffUser(user?.roles) && (!adminOnly || !!user?.roles.includes('admin'))
  return (
    <AppPage className={`staff-page ${className ?? ''}`}>
      <View className='staff-page__inner'>
        <View className='staff-page__head'>
          <View className='staff-page__title' role='heading' aria-level={1}>
            {title}
          </View>
          {allowed && actions ? <View className='staff-page__actions'>{actions}</View> : null}
        </View>
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
    </AppPage>
  )
}
