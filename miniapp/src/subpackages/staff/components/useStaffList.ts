import { isStaffUser } from '../../../api/staff'
import { useAsync, type AsyncState } from '../../../hooks/useAsync'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useSession } from '../../../store/session'

/**
 * The list behind a staff page: loaded only for a signed-in staff member, reloaded when `deps` (the
 * filters) or the session change, and on pull-to-refresh.
 */
export function useStaffList<T>(load: () => Promise<T[]>, deps: unknown[]) {
  const { accessToken, user } = useSession()
  const enabled = !!accessToken && isStaffUser(user?.roles)
  const list: AsyncState<T[]> = useAsync(load, [...deps, accessToken], enabled)
  usePullRefresh(list.reload)
  return { list, items: list.data ?? [], enabled, user }
}
