import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import ServiceRow from '@/components/ServiceRow'
import { ServiceSearchBar } from '@/components/ServiceSearch'
import Tappable from '@/components/Tappable'
import TodoCard from '@/components/TodoCard'
import { accountApi } from '@/api/account'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { catalogApi } from '@/api/catalog'
import { bundlesApi } from '@/api/bundles'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { ROUTES } from '@/routes'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { pendingBrowse, type BrowseMode } from '@/store/browse'
import { needsPrivacyConsent, PAGES, shanghaiTime } from '@gov/shared'
import { useSession } from '@/store/session'
import LargeFontSwitch from '@/components/LargeFontSwitch'
import { openPage, toast } from '@/utils/nav'
import './index.scss'

/** The greeting by the hour in Asia/Shanghai, whatever zone the device is set to. */
function greeting(now: Date): string {
  const h = Number(shanghaiTime(now).slice(0, 2))
  if (h < 6) return '夜深了'
  if (h < 12) return '上午好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

const THEMES: Array<{ key: string; title: string; sub: string; icon: string; mode?: BrowseMode; url?: string }> = [
  { key: 'person', title: '个人办事', sub: '户籍、社保、婚育…', icon: '人', mode: 'person' },
  { key: 'enterprise', title: '法人办事', sub: '开办、许可、变更…', icon: '企', mode: 'enterprise' },
  { key: 'department', title: '按部门', sub: '找到主管部门', icon: '部', mode: 'department' },
  { key: 'lookup', title: '办件进度查询', sub: '凭编号免登录查', icon: '查', url: CITIZEN_ROUTES.lookup },
]

/** the quick links under the themes */
const QUICK: Array<{ title: string; url: string }> = [
  { title: '我的预约', url: CITIZEN_ROUTES.myBookings },
  { title: '到厅取号', url: PAGES.takeTicket },
  { title: '我的办件', url: CITIZEN_ROUTES.myFilings },
  { title: '智能导办', url: CITIZEN_ROUTES.guidance },
]

export default function Home() {
  const [query, setQuery] = useState('')
  const { user, accessToken } = useSession()
  const hot = useAsync(() => catalogApi.search({ page: 1, pageSize: 6 }), [])
  const bundles = useAsync(() => bundlesApi.list(), [])
  // the to-do card: signed-in citizens who agreed to the privacy terms; nothing while it loads or fails
  const citizen = !!accessToken && !!user && user.roles.includes('citizen') && !needsPrivacyConsent(user)
  const todo = useAsync(() => accountApi.todo(), [accessToken, citizen], citizen)
  useReloadOnShow(todo.reload, citizen)
  usePullRefresh(() => {
    hot.reload()
    bundles.reload()
    if (citizen) todo.reload()
  })

  const search = () => {
    const q = query.trim()
    if (!q) {
      toast('请输入要办理的事项')
      return
    }
    openPage(withQuery(CITIZEN_ROUTES.guideList, { q }))
  }

  const openTheme = (t: (typeof THEMES)[number]) => {
    if (t.url) {
      openPage(t.url)
      return
    }
    pendingBrowse.set(t.mode ?? null)
    Taro.switchTab({ url: ROUTES.services })
  }

  const name = user?.realName ?? user?.name ?? null
  return (
    <AppPage className='home'>
      <View className='home__hero'>
        <Text className='home__greeting'>
          {greeting(new Date())}，{name ?? '欢迎使用政务通'}
        </Text>
        <Text className='home__sub'>查办事指南、预约取号、网上预审，少跑腿</Text>
        <ServiceSearchBar block='home' placeholder='搜索事项，如：营业执照、yyzz' value={query} onInput={setQuery} onSubmit={search} />
      </View>

      {citizen && !todo.error ? <TodoCard todo={todo.data} /> : null}

      <View className='home__themes'>
        {THEMES.map((t) => (
          <Tappable key={t.key} className='home__theme' onTap={() => openTheme(t)}>
            <View className={`home__theme-icon home__theme-icon--${t.key}`} aria-hidden>
              {t.icon}
            </View>
            <Text className='home__theme-title'>{t.title}</Text>
            <Text className='home__theme-sub'>{t.sub}</Text>
          </Tappable>
        ))}
      </View>

      <View className='card home__quick'>
        {QUICK.map((q) => (
          <Tappable key={q.url} className='home__quick-item' onTap={() => openPage(q.url)}>
            <Text className='home__quick-title'>{q.title}</Text>
          </Tappable>
        ))}
      </View>

      <View className='section-title'>一件事一次办</View>
      <View className='card home__bundles' role='group' aria-label='一件事一次办'>
        <PageState of={bundles} loadingText='正在加载一件事…' empty={bundles.data?.length === 0} emptyText='暂无一件事套餐'>
          {bundles.data?.map((b) => (
            <Tappable
              key={b.id}
              className='home__bundle'
              onTap={() => openPage(withQuery(CITIZEN_ROUTES.bundle, { id: b.id }))}
            >
              <Text className='home__bundle-name'>{b.name}</Text>
              <Text className='muted'>{`${b.serviceIds.length} 个事项一次申请 · ${b.departmentNames.length} 个部门并联 · 承诺${b.promisedDays}个工作日 ›`}</Text>
            </Tappable>
          ))}
        </PageState>
      </View>

      <View className='card home__large'>
        <View className='home__large-text'>
          <Text className='home__large-title'>大字模式</Text>
          <Text className='muted'>字太小？打开后全部页面的文字和按钮都会变大</Text>
        </View>
        <LargeFontSwitch />
      </View>

      <View className='section-title'>热门事项</View>
      <View className='card home__popular'>
        <PageState
          loading={hot.loading}
          error={hot.error}
          empty={!hot.data || hot.data.items.length === 0}
          emptyText='暂无事项'
          onRetry={hot.reload}
        >
          {hot.data?.items.map((s) => <ServiceRow key={s.id} service={s} />)}
        </PageState>
      </View>
    </AppPage>
  )
}
