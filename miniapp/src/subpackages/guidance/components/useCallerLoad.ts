import { useAsync, type AsyncState } from '@/hooks/useAsync'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useSession } from '@/store/session'

/** What the signed-in caller has asked (their questions, their requests, one question): loaded with the session (again when `deps` change) and on pull-down. */
export function useCallerLoad<T>(load: () => Promise<T>, deps: unknown[] = []): AsyncState<T> {
  const { accessToken } = useSession()
  const state = useAsync(load, [...deps, accessToken], !!accessToken)
  usePullRefresh(state.reload)
  return state
}
