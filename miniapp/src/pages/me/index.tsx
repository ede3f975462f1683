import { ROLE_LABELS } from '@gov/shared'
import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ID_TYPE_LABELS } from '@gov/shared'
import Button from '@/components/AppButton'
import { api } from '@/api/client'
import { refreshUnreadBadge } from '@/api/messages'
import Tappable from '@/components/Tappable'
import { CITIZEN_ROUTES } from '@/routes.citizen'
import { openPage } from '@/utils/nav'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import { ROUTES } from '@/routes'
import { session, useSession } from '@/store/session'
import LargeFontSwitch from '@/components/LargeFontSwitch'
import { toast } from '@/utils/nav'
import { signOut } from '@/utils/signOut'
import MeEntries from '@/components/MeEntries'
import './index.scss'


const ENTRIES = [
  { key: 'bookings', title: '我的预约', url: CITIZEN_ROUTES.myBookings },
  { key: 'filings', title: '我的办件', url: CITIZEN_ROUTES.myFilings },
  { key: 'no-shows', title: '爽约记录', url: CITIZEN_ROUTES.noShows },
  { key: 'messages', title: '消息', url: CITIZEN_ROUTES.messages },
  { key: 'lookup', title: '办件进度查询', url: CITIZEN_ROUTES.lookup },
]

export default function Me() {
  const { user, accessToken } = useSession()
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [loggingOut, setLoggingOut] = useState(false)
  const [unread, setUnread] = useState(0)

  const load = async () => {
    if (!session.isSignedIn()) return
    setLoading(true)
    setError(null)
    try {
      session.setUser(await api.me())
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }

  // refresh the profile each time the tab is shown (e.g. back from 实名认证)
  useDidShow(() => {
    void load()
    // the 消息 row and the badge on the 我的 tab (removed when signed out)
    void refreshUnreadBadge().then(setUnread)
  })

  const logout = async () => {
    setLoggingOut(true)
    await signOut()
    setUnread(0)
    setLoggingOut(false)
    toast('已退出登录')
  }

  const signedIn = !!accessToken
  return (
    <AppPage className='me'>
      {!signedIn ? (
        <View className='card me__guest'>
          <Text className='me__guest-title'>您还未登录</Text>
          <Text className='muted'>登录后可预约办事、查看办件进度</Text>
          <Button className='btn-block' block type='primary' size='large' onClick={() => Taro.navigateTo({ url: ROUTES.login })}>
            登录
          </Button>
        </View>
      ) : (
        <View className='card me__profile'>
          <PageState loading={loading && !user} error={!user ? error : null} onRetry={load}>
            {user && (
              <View>
                <View className='me__row'>
                  <Text className='me__label'>手机号</Text>
                  <Text className='me__value me__phone'>{user.phone ?? '未绑定'}</Text>
                </View>
                {user.verified ? (
                  <>
                    <View className='me__row'>
                      <Text className='me__label'>实名状态</Text>
                      <Text className='me__badge me__badge--ok'>已实名</Text>
                    </View>
                    <View className='me__row'>
                      <Text className='me__label'>姓名</Text>
                      <Text className='me__value'>{user.realName}</Text>
                    </View>
                    <View className='me__row'>
                      <Text className='me__label'>{user.idType && user.idType !== 'resident' ? ID_TYPE_LABELS[user.idType] : '身份证号'}</Text>
                      <Text className='me__value'>{user.idNumber}</Text>
                    </View>
                  </>
                ) : (
                  <View className='me__verify'>
                    <View className='me__row'>
                      <Text className='me__label'>实名状态</Text>
                      <Text className='me__badge me__badge--todo'>未实名</Text>
                    </View>
                    <Text className='muted'>预约和办件需先完成实名认证</Text>
                    <Button
                      className='btn-block'
                      block
                      type='primary'
                      onClick={() => Taro.navigateTo({ url: ROUTES.verify })}
                    >
                      实名认证
                    </Button>
                  </View>
                )}
                {user.roles.length > 0 && (
                  <View className='me__row'>
                    <Text className='me__label'>身份</Text>
                    <Text className='me__value'>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
                  </View>
                )}
                {error ? <Text className='field__error'>资料刷新失败，显示的是上次的信息</Text> : null}
              </View>
            )}
          </PageState>
        </View>
      )}

      <View className='section-title'>办事服务</View>
      <View className='card me__entries'>
        {ENTRIES.map((e) => (
          <Tappable key={e.url} className='me__entry' onTap={() => openPage(e.url)} label={e.key === 'messages' && unread > 0 ? `消息，${unread} 条未读` : undefined}>
            <Text className='me__entry-title'>{e.title}</Text>
            <View className='me__entry-end'>
              {e.key === 'messages' && unread > 0 ? (
                <Text className='me__unread' aria-hidden>
                  {unread > 99 ? '99+' : unread}
                </Text>
              ) : null}
              <Text className='me__chevron' aria-hidden>
                ›
              </Text>
            </View>
          </Tappable>
        ))}
      </View>

      <View className='section-title'>企业、代办与评价</View>
      <MeEntries unread={unread} />

      <View className='section-title'>设置</View>
      <View className='card me__setting'>
        <View className='me__setting-text'>
          <Text className='me__setting-title'>大字模式（适老化）</Text>
          <Text className='muted'>放大全部页面的文字和按钮</Text>
        </View>
        <LargeFontSwitch />
      </View>

      {signedIn && user?.roles.includes('citizen') ? (
        <View className='card me__entries'>
          <Tappable className='me__entry' onTap={() => openPage(ROUTES.closeAccount)}>
            <Text className='me__entry-title'>注销账号</Text>
            <Text className='me__chevron' aria-hidden>
              ›
            </Text>
          </Tappable>
        </View>
      ) : null}

      {signedIn && (
        <View className='me__logout'>
          <Button block fill='outline' type='danger' size='large' loading={loggingOut} onClick={logout}>
            退出登录
          </Button>
        </View>
      )}
    </AppPage>
  )
}
