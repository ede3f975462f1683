import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '../../components/AppButton'
import { api } from '../../api/client'
import AppPage from '../../components/AppPage'
import PageState from '../../components/PageState'
import { useAsync } from '../../hooks/useAsync'
import { pendingSearch } from '../../store/search'
import './index.scss'

const AUDIENCE_LABEL: Record<string, string> = { person: '个人', enterprise: '企业', both: '个人/企业' }

/** 办事: the service catalogue (search + list). The catalogue issue fills in guides and filters. */
export default function Services() {
  const [input, setInput] = useState('')
  const [query, setQuery] = useState('')
  const list = useAsync(() => api.searchServices({ q: query || undefined, page: 1, pageSize: 20 }), [query])

  // a search started on the home page
  useDidShow(() => {
    const q = pendingSearch.get()
    if (q !== null) {
      pendingSearch.set(null)
      setInput(q)
      setQuery(q)
    }
  })

  const submit = () => setQuery(input.trim())
  const items = list.data?.items ?? []

  return (
    <AppPage className='services'>
      <View className='services__bar' role='search'>
        <Input
          className='services__input'
          aria-label='搜索办事事项'
          placeholder='输入事项名称或拼音首字母'
          value={input}
          confirmType='search'
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={submit}
        />
        <Button type='primary' onClick={submit}>
          搜索
        </Button>
      </View>
      {query ? <Text className='services__query muted'>“{query}”的搜索结果</Text> : null}
      <View className='card services__list'>
        <PageState
          loading={list.loading}
          error={list.error}
          empty={items.length === 0}
          emptyText={query ? `没有找到与“${query}”相关的事项` : '服务目录即将上线'}
          emptyHint={query ? '换个关键词试试，或拨打 12345 政务服务热线咨询' : '届时可在这里查询办事指南、预约办理'}
          onRetry={list.reload}
        >
          {items.map((s) => (
            <View key={s.id} className='services__item'>
              <Text className='services__name'>{s.name}</Text>
              <View className='services__meta'>
                <Text className='muted'>{s.departmentName}</Text>
                <Text className='muted'>
                  {AUDIENCE_LABEL[s.audience] ?? ''} · 承诺{s.promisedDays}个工作日
                </Text>
              </View>
            </View>
          ))}
        </PageState>
      </View>
    </AppPage>
  )
}
