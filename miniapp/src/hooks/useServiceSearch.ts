import { useState } from 'react'
import type { ServiceSummary } from '@gov/shared'
import { catalogApi } from '@/api/catalog'
import type { ServiceSearch } from '@/api/client'
import { useAsync } from './useAsync'

const PAGE_SIZE = 20

/**
 * A catalogue search a page at a time (办事, 事项列表): the first page loads (again when `deps`
 * change), 加载更多 appends the next one. `reset()` before a new query; `reload()` starts again.
 */
export function useServiceSearch(filter: Omit<ServiceSearch, 'page' | 'pageSize'>, deps: unknown[], enabled = true) {
  const [extra, setExtra] = useState<ServiceSummary[]>([])
  const [page, setPage] = useState(1)
  const [moreBusy, setMoreBusy] = useState(false)
  const [moreError, setMoreError] = useState('')
  const results = useAsync(() => catalogApi.search({ ...filter, page: 1, pageSize: PAGE_SIZE }), deps, enabled)

  const reset = () => {
    setExtra([])
    setPage(1)
    setMoreError('')
  }
  const loadMore = async () => {
    setMoreBusy(true)
    setMoreError('')
    try {
      const next = await catalogApi.search({ ...filter, page: page + 1, pageSize: PAGE_SIZE })
      setExtra((e) => [...e, ...next.items])
      setPage(page + 1)
    } catch {
      setMoreError('加载失败，请重试')
    } finally {
      setMoreBusy(false)
    }
  }

  return {
    results,
    items: [...(results.data?.items ?? []), ...extra],
    total: results.data?.total ?? 0,
    moreBusy,
    moreError,
    loadMore,
    reset,
    reload: () => {
      reset()
      results.reload()
    },
  }
}
