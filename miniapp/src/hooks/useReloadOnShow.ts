import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Reload when the page shows again (back from another page), not on its first show. */
export function useReloadOnShow(reload: () => void, enabled = true): void {
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (enabled) reload()
  })
}
