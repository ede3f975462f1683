import type { ReactNode } from 'react'
import type { Page } from '@gov/shared'
import { View } from '@tarojs/components'
import PageState from '@/components/PageState'
import StaffPage from '@/components/StaffPage'
import type { AsyncState } from '@/hooks/useAsync'
import Pager from './Pager'

interface Props<T> {
  title: string
  list: AsyncState<Page<T>>
  items: T[]
  emptyText: string
  /** one grid cell per item (with its key) */
  renderItem: (item: T) => ReactNode
  /** another page of the list */
  onPage?: (page: number) => void
  /** after 刷新 reloaded the list (e.g. clear a stale error) */
  onRefresh?: () => void
  /** above the list card: filters, toolbars, notes */
  head?: ReactNode
  /** inside the list card, below the grid */
  footer?: ReactNode
  /** after the list card: the decision dialogs */
  children?: ReactNode
}

/** A staff list page: the title with 刷新, filters, then a card with the loading/error/empty states, a grid of items and the pager. */
export default function StaffListPage<T>({ title, list, items, emptyText, renderItem, onPage, onRefresh, head, footer, children }: Props<T>) {
  const p = list.data
  return (
    <StaffPage
      title={title}
      onRefresh={() => {
        list.reload()
        onRefresh?.()
      }}
    >
      {head}
      <View className='card'>
        <PageState of={list} empty={items.length === 0} emptyText={emptyText}>
          <View className='st-grid'>{items.map(renderItem)}</View>
        </PageState>
        {p && onPage ? <Pager page={p.page} pageSize={p.pageSize} total={p.total} onPage={onPage} /> : null}
        {footer}
      </View>
      {children}
    </StaffPage>
  )
}
