import { useEffect, useState } from 'react'
import { AUDIENCES } from '@gov/shared'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppPage from '@/components/AppPage'
import { ServiceSearchBar } from '@/components/ServiceSearch'
import { ServiceSearchResults } from '@/components/ServiceSearch/results'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useServiceSearch } from '@/hooks/useServiceSearch'
import './index.scss'

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

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: title ?? (query ? '搜索结果' : '办事事项') })
  }, [title, query])

  const search = useServiceSearch({ q: query || undefined, category, audience, departmentId }, [query, category, audience, departmentId])
  const { results: list, total } = search
  usePullRefresh(search.reload)

  const submit = () => {
    search.reset()
    setQuery(input.trim())
  }

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
        <ServiceSearchResults search={search} emptyText={query ? `没有找到与“${query}”相关的事项` : '这里还没有事项'} />
      </View>
    </AppPage>
  )
}
