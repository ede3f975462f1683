import { useSyncExternalStore } from 'react'
import type { AuthResult, Me } from '@gov/shared'
import { createStore, readStorage, removeStorage, writeStorage } from './storage'

/**
 * The signed-in session: tokens and the user, kept in Taro storage so that it survives
 * reloads (H5) and restarts (mini-programs). The API client reads and updates it; pages
 * read it with useSession().
 */
export interface SessionState {
  accessToken: string | null
  refreshToken: string | null
  user: Me | null
}

const STORAGE_KEY = 'gov.session.v1'
const EMPTY: SessionState = { accessToken: null, refreshToken: null, user: null }

function load(): SessionState {
  const stored = readStorage<SessionState>(STORAGE_KEY)
  if (!stored || typeof stored !== 'object' || !stored.accessToken || !stored.refreshToken) return EMPTY
  return { accessToken: stored.accessToken, refreshToken: stored.refreshToken, user: stored.user ?? null }
}

const store = createStore<SessionState>(load())

function save(next: SessionState) {
  if (next.accessToken && next.refreshToken) writeStorage(STORAGE_KEY, next)
  else removeStorage(STORAGE_KEY)
  store.set(next)
}

export const session = {
  get: store.get,
  subscribe: store.subscribe,
  isSignedIn(): boolean {
    return !!store.get().accessToken
  },
  /** after any login */
  setAuth(result: AuthResult) {
    save({ accessToken: result.accessToken, refreshToken: result.refreshToken, user: result.user })
  },
  /** after a refresh */
  setTokens(accessToken: string, refreshToken: string, user?: Me) {
    save({ ...store.get(), accessToken, refreshToken, user: user ?? store.get().user })
  },
  setUser(user: Me) {
    if (!store.get().accessToken) return
    save({ ...store.get(), user })
  },
  clear() {
    save(EMPTY)
  },
}

/** Re-renders the component when the session changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
