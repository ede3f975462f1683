import { useSyncExternalStore } from 'react'
import { createStore } from './storage'

/**
 * Uploads running now (components/MaterialUpload), so that the filing page can hold back
 * 提交预审 and other steps that must not race an upload. In memory only.
 */
const store = createStore<number>(0)

export const uploads = {
  /** one more upload runs; call the returned function once when it ends (however it ends) */
  begin(): () => void {
    store.set(store.get() + 1)
    let ended = false
    return () => {
      if (ended) return
      ended = true
      store.set(Math.max(0, store.get() - 1))
    }
  },
  running: (): number => store.get(),
}

/** How many uploads run now (0: none). */
export function useUploadsRunning(): number {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
