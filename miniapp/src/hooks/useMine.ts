import { useSession } from '@/store/session'
import { useAsync, type AsyncState } from './useAsync'
import { usePullRefresh } from './usePullRefresh'
import { useReloadOnShow } from './useReloadOnShow'

/**
 * What the signed-in user has (their companies, their ratings): loaded with the session, again on
 * pull-down and whenever the page shows again (back from a page that changed it).
 */
export function useMine<T>(load: () => Promise<T>): AsyncState<T> {
  const { accessToken } = useSession()
  const state = useAsync(load, [accessToken], !!accessToken)
  usePullRefresh(state.reload)
  useReloadOnShow(state.reload, !!accessToken)
  return state
}
