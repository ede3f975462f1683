import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Audience } from '@gov/shared'
import Button from '@/components/AppButton'
import AppPage from '@/components/AppPage'
import PageState, { type PageStateProps } from '@/components/PageState'
import Segmented from '@/components/Segmented'
import { ServiceSearchBar } from '@/components/ServiceSearch'
import { ServiceSearchResults } from '@/components/ServiceSearch/results'
import Tappable from '@/components/Tappable'
import { catalogApi } from '@/api/catalog'
import { useAsync, type AsyncState } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useServiceSearch } from '@/hooks/useServiceSearch'
import { CITIZEN_ROUTES, withQuery } from '@/routes.citizen'
import { pendingBrowse, type BrowseMode } from '@/store/browse'
import { pendingSearch } from '@/store/search'
import { openPage } from '@/utils/nav'
import './index.scss'

const MODES: Array<{ value: BrowseMode; label: string }> = [
  { value: 'person', label: '个人办事' },
  { value: 'enterprise', label: '法人办事' },
  { value: 'department', label: '按部门' },
]

/** The page state of a browsing list: loading (again on each reload), its error with 重试, or empty. */
function listState(list: AsyncState<unknown[]>, emptyText: string): PageStateProps {
  return { loading: list.loading, error: list.error, empty: (list.data ?? []).length === 0, emptyText, onRetry: list.reload }
}

/** 办事: search the catalogue, or browse it by theme (个人 / 法人) and by department. */
export default function Services() {
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const [mode, setMode] = useState<BrowseMode>('person')

  const search = useServiceSearch({ q: query }, [query], !!query)
  const { results, total } = search
  const themes = useAsync(
    () => (mode === 'department' ? Promise.resolve([]) : catalogApi.categories(mode as Audience)),
    [mode],
    !query,
  )
  const departments = useAsync(() => catalogApi.departments(), [], !query && mode === 'department')

  useDidShow(() => {
    const q = pendingSearch.get()
    if (q !== null) {
      pendingSearch.set(null)
      setInput(q)
      setQuery(q)
    }
    const m = pendingBrowse.get()
    if (m !== null) {
      pendingBrowse.set(null)
      setInput('')
      setQuery('')
      setMode(m)
    }
  })

  const reloadAll = () => {
    if (query) search.reload()
    else if (mode === 'department') departments.reload()
    else themes.reload()
  }
  usePullRefresh(reloadAll)

  const submit = () => {
    search.reset()
    setQuery(input.trim())
  }

  return (
    <AppPage className='services'>
      <ServiceSearchBar block='services' value={input} onInput={setInput} onSubmit={submit} />

      {query ? (
        <View>
          <View className='services__query'>
            <Text className='muted'>“{query}”的搜索结果{results.data ? `，共 ${total} 项` : ''}</Text>
            <Button
              size='small'
              fill='none'
              type='primary'
              onClick={() => {
                setInput('')
                setQuery('')
              }}
            >
              返回分类
            </Button>
          </View>
          <View className='card services__list'>
            <ServiceSearchResults search={search} emptyText={`没有找到与“${query}”相关的事项`} onRetry={results.reload} />
          </View>
        </View>
      ) : (
        <View>
          <Segmented label='浏览方式' value={mode} options={MODES} onChange={setMode} />
          {mode === 'department' ? (
            <View className='card'>
              <PageState {...listState(departments, '暂无部门')}>
                {(departments.data ?? []).map((d) => (
                  <Tappable
                    key={d.id}
                    className='services__dept'
                    onTap={() => openPage(withQuery(CITIZEN_ROUTES.guideList, { departmentId: d.id, title: d.name }))}
                  >
                    <Text className='services__dept-name'>{d.name}</Text>
                    <Text className='services__chevron' aria-hidden>
                      ›
                    </Text>
                  </Tappable>
                ))}
              </PageState>
            </View>
          ) : (
            <PageState {...listState(themes, '暂无主题')}>
              <View className='services__themes'>
                {(themes.data ?? []).map((c) => (
                  <Tappable
                    key={c.name}
                    className='services__theme'
                    onTap={() =>
                      openPage(withQuery(CITIZEN_ROUTES.guideList, { category: c.name, audience: mode, title: c.name }))
                    }
                  >
                    <Text className='services__theme-name'>{c.name}</Text>
                    <Text className='muted'>{c.count} 项</Text>
                  </Tappable>
                ))}
              </View>
            </PageState>
          )}
        </View>
      )}
    </AppPage>
  )
}
