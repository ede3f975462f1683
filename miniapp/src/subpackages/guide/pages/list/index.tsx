import { useEffect, useState } from 'react'
import { AUDIENCES } from '@gov/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ServiceSummary } from '@gov/shared'
import AppPage from '@/components/AppPage'
import PageState from '@/components/PageState'
import { ServiceResults, ServiceSearchBar } from '@/components/ServiceSearch'
import { catalogApi } from '@/api/catalog'
import { useAsync } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import './index.scss'

const PAGE_SIZE = 20

function param(v: string | undefined): string | undefined {
  return v ? decodeURIComponent(v) : undefined
}

/** Search results, or the services of a theme or a department. */
export default function GuideList() {
  const { params } = useRouter()
  const category = param(params.category)
  const audience = AUDIENCES.find((a) => a === param(params.audience))
  const departmentId = param(params.departmentId)
  const title = param(params.title)
  const [input, setInput] = useState(param(params.q) ?? '')
  const [query, setQuery] = useState(param(params.q) ?? '')
  const [extra, setExtra] = useState<ServiceSummary[]>([])
  const [page, setPage] = useState(1)
  const [moreBusy, setMoreBusy] = useState(false)
  const [moreError, setMoreError] = useState('')

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: title ?? (query ? '搜索结果' : '办事事项') })
  }, [title, query])

  const list = useAsync(
    () => catalogApi.search({ q: query || undefined, category, audience, departmentId, page: 1, pageSize: PAGE_SIZE }),
    [query, category, audience, departmentId],
  )
  const reload = () => {
    setExtra([])
    setPage(1)
    list.reload()
  }
  usePullRefresh(reload)

  const submit = () => {
    setExtra([])
    setPage(1)
    setQuery(input.trim())
  }

  const loadMore = async () => {
    setMoreBusy(true)
    setMoreError('')
    try {
      const next = await catalogApi.search({ q: query || undefined, category, audience, departmentId, page: page + 1, pageSize: PAGE_SIZE })
      setExtra((e) => [...e, ...next.items])
      setPage(page + 1)
    } catch {
      setMoreError('加载失败，请重试')
    } finally {
      setMoreBusy(false)
    }
  }

  const items = [...(list.data?.items ?? []), ...extra]
  const total = list.data?.total ?? 0
  const scope = title ? `“${title}”` : ''

  return (
    <AppPage className='guide-list'>
      <ServiceSearchBar block='guide-list' value={input} onInput={setInput} onSubmit={submit} />
      {list.data ? (
        <Text className='guide-list__summary muted'>
          {query ? `${scope}“${query}”的搜索结果` : `${scope || '全部事项'}`}，共 {total} 项
        </Text>
      ) : null}
      <View className='card'>
        <PageState
          loading={list.loading}
          error={list.error}
          empty={items.length === 0}
          emptyText={query ? `没有找到与“${query}”相关的事项` : '这里还没有事项'}
          emptyHint='换个关键词试试，或拨打 12345 政务服务热线咨询'
          onRetry={reload}
        >
          <ServiceResults items={items} total={total} moreBusy={moreBusy} moreError={moreError} onMore={loadMore} />
        </PageState>
      </View>
    </AppPage>
  )
}
