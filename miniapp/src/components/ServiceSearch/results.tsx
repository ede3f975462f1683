import { Text } from '@tarojs/components'
import type { ServiceSummary } from '@gov/shared'
import type { useServiceSearch } from '@/hooks/useServiceSearch'
import Button from '../AppButton'
import PageState from '../PageState'
import ServiceRow from '../ServiceRow'

interface ListProps {
  items: ServiceSummary[]
  total: number
  moreBusy: boolean
  /** shown above 加载更多 when loading the next page failed */
  moreError?: string
  onMore: () => void
}

/** A page of catalogue services, with 加载更多 while there are more than shown. */
export function ServiceResults({ items, total, moreBusy, moreError, onMore }: ListProps) {
  return (
    <>
      {items.map((s) => (
        <ServiceRow key={s.id} service={s} />
      ))}
      {moreError ? <Text className='field__error'>{moreError}</Text> : null}
      {items.length < total ? (
        <Button className='btn-block' block fill='outline' type='primary' loading={moreBusy} onClick={onMore}>
          加载更多
        </Button>
      ) : null}
    </>
  )
}

interface SearchResultsProps {
  /** the search (useServiceSearch) */
  search: ReturnType<typeof useServiceSearch>
  /** what is said when nothing is found */
  emptyText: string
  /** 重试 after a failed load (default: the search again from its first page) */
  onRetry?: () => void
}

/** The results of a catalogue search (办事, the guide list) in their page state: nothing found says what to try instead. */
export function ServiceSearchResults({ search, emptyText, onRetry = search.reload }: SearchResultsProps) {
  return (
    <PageState
      loading={search.results.loading}
      error={search.results.error}
      empty={search.items.length === 0}
      emptyText={emptyText}
      emptyHint='换个关键词试试，或拨打 12345 政务服务热线咨询'
      onRetry={onRetry}
    >
      <ServiceResults items={search.items} total={search.total} moreBusy={search.moreBusy} moreError={search.moreError} onMore={search.loadMore} />
    </PageState>
  )
}
