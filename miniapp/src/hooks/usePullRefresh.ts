import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull-to-refresh (the page config needs enablePullDownRefresh: true): run reload, then stop the spinner. */
export function usePullRefresh(reload: () => void | Promise<unknown>): void {
  usePullDownRefresh(() => {
    Promise.resolve(reload())
      .catch(() => undefined)
      .finally(() => setTimeout(() => Taro.stopPullDownRefresh(), 300))
  })
}
