import { useState } from 'react'
import type { Page } from '@gov/shared'
import type { Paging } from '@/api/staff'
import { useAsync, type AsyncState } from '@/hooks/useAsync'
import { useDeskAccess } from '@/hooks/useDeskAccess'
import { usePullRefresh } from '@/hooks/usePullRefresh'

/** A page of a staff list as it loads, and the way to another page (StaffListPage shows both). */
export type StaffList<T> = AsyncState<Page<T>> & { setPage?: (page: number) => void }

/**
 * The list behind a staff page, a page at a time: loaded only for a signed-in staff member,
 * reloaded when `deps` (the filters) or the session change (back to the first page), when the
 * page changes, and on pull-to-refresh.
 */
export function useStaffList<T>(load: (p: Paging) => Promise<Page<T>>, deps: unknown[]) {
  const { accessToken, user, enabled } = useDeskAccess()
  const filters = JSON.stringify(deps)
  const [at, setAt] = useState({ filters, page: 1 })
  const page = at.filters === filters ? at.page : 1
  const loaded: AsyncState<Page<T>> = useAsync(() => load({ page }), [...deps, page, accessToken], enabled)
  usePullRefresh(loaded.reload)
  const setPage = (n: number) => setAt({ filters, page: n })
  const list: StaffList<T> = { ...loaded, setPage }
  return { list, items: loaded.data?.items ?? [], enabled, user, setPage }
}

/** A whole list as one page (a list the server does not page). */
export const onePage = <T,>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) })
