import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Button from '../../../components/AppButton'
import PageState from '../../../components/PageState'
import StaffPage from '../../../components/StaffPage'
import type { AsyncState } from '../../../hooks/useAsync'

interface Props<T> {
  title: string
  list: AsyncState<T[]>
  items: T[]
  emptyText: string
  /** one grid cell per item (with its key) */
  renderItem: (item: T) => ReactNode
  /** above the list card: filters, toolbars, notes */
  head?: ReactNode
  /** inside the list card, below the grid */
  footer?: ReactNode
  /** after the list card: the decision dialogs */
  children?: ReactNode
}

/** A staff list page: the title with 刷新, filters, then a card with the loading/error/empty states and a grid of items. */
export default function StaffListPage<T>({ title, list, items, emptyText, renderItem, head, footer, children }: Props<T>) {
  return (
    <StaffPage
      title={title}
      actions={
        <Button fill='outline' type='primary' onClick={list.reload}>
          刷新
        </Button>
      }
    >
      {head}
      <View className='card'>
        <PageState loading={list.loading && !list.data} error={list.error} empty={items.length === 0} emptyText={emptyText} onRetry={list.reload}>
          <View className='st-grid'>{items.map(renderItem)}</View>
        </PageState>
        {footer}
      </View>
      {children}
    </StaffPage>
  )
}
