import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import PageState from '@/components/PageState'
import StaffPage from '@/components/StaffPage'
import Pager from './Pager'
import type { StaffList } from './useStaffList'

interface Props<T> {
  title: string
  /** the list (useStaffList): its pages, states and pager */
  list: StaffList<T>
  /** the items shown (default: the page's items) */
  items?: T[]
  emptyText: string
  /** one grid cell per item (with its key) */
  renderItem: (item: T) => ReactNode
  /** another page of the list (default: the list's own) */
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
export default function StaffListPage<T>(props: Props<T>) {
  const { title, list, emptyText, renderItem, onRefresh, head, footer, children } = props
  const { items = list.data?.items ?? [], onPage = list.setPage } = props
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
