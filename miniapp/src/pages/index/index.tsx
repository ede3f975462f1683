import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import Button from '../../components/AppButton'
import { api } from '../../api/client'
import AppPage from '../../components/AppPage'
import PageState from '../../components/PageState'
import { useAsync } from '../../hooks/useAsync'
import { ROUTES } from '../../routes'
import { pendingSearch } from '../../store/search'
import { useSession } from '../../store/session'
import { settings, useSettings } from '../../store/settings'
import './index.scss'

function greeting(now: Date): string {
  const h = now.getHours()
  if (h < 6) return '夜深了'
  if (h < 12) return '上午好'
  if (h < 14) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}

export default function Home() {
  const { user } = useSession()
  const { largeFont } = useSettings()
  const [query, setQuery] = useState('')
  const popular = useAsync(() => api.searchServices({ page: 1, pageSize: 5 }), [])

  const search = () => {
    pendingSearch.set(query.trim())
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
        <View className='home__search' role='search'>
          <Input
            className='home__search-input'
            aria-label='搜索办事事项'
            placeholder='搜索事项，如：营业执照、yyzz'
            value={query}
            confirmType='search'
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={search}
          />
          <Button className='home__search-btn' type='primary' onClick={search}>
            搜索
          </Button>
        </View>
      </View>

      <View className='card home__large'>
        <View className='home__large-text'>
          <Text className='home__large-title'>大字模式</Text>
          <Text className='muted'>字太小？打开后全部页面的文字和按钮都会变大</Text>
        </View>
        <Switch
          aria-label='大字模式'
          checked={largeFont}
          onChange={(v: boolean) => settings.setLargeFont(v)}
        />
      </View>

      <View className='section-title'>热门事项</View>
      <View className='card home__popular'>
        <PageState
          loading={popular.loading}
          error={popular.error}
          empty={!popular.data || popular.data.items.length === 0}
          emptyText='服务目录即将上线'
          onRetry={popular.reload}
        >
          {popular.data?.items.map((s) => (
            <View key={s.id} className='home__service'>
              <Text className='home__service-name'>{s.name}</Text>
              <Text className='muted'>{s.departmentName}</Text>
            </View>
          ))}
        </PageState>
      </View>
    </AppPage>
  )
}
